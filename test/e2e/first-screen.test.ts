import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, watchErrors } from './browser.ts';

let server: PreviewServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ server, url: base } = await startApp());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, base).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

describe('the built app in Chromium', () => {
  it("shows the founding scenario's title and its nine levers, without a console error", async () => {
    const { page, errors } = await open('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Belarus: political prisoners as bargaining chips',
    );
    const levers = page.locator('[data-lever]');
    expect(await levers.count()).toBe(9);
    expect(await levers.first().locator('label').first().textContent()).toBe('Polish border closure');
    expect(await page.title()).toBe('Belarus: political prisoners as bargaining chips · Leverage Lab');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out the Arabic page right to left', async () => {
    const { page, errors } = await open('/?scenario=belarus-prisoners&lang=ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const box = await page.locator('[data-lever]').first().boundingBox();
    const width = await page.evaluate(() => window.innerWidth);
    // The first lever card sits on the right-hand side in a right-to-left layout.
    expect(box!.x + box!.width).toBeGreaterThan(width / 2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
