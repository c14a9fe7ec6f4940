/**
 * Browser tests of the page on a phone (375×800), on a projector-sized screen (1280×720) and with
 * the keyboard alone: what fits, what folds, how big a finger's target is, and how few Tab presses
 * reach the results.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtApp, watchErrors } from './browser.ts';

const app = builtApp();

async function open(path: string, viewport: { width: number; height: number }) {
  const context = await app.newContext({ viewport, hasTouch: viewport.width < 700, isMobile: viewport.width < 700 });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, app.base()).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('path.series').first().waitFor();
  return { page, errors };
}

/** The elements a finger or a pointer can press, shown now, each with its box. */
function targets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input, summary, [tabindex="0"]')]
      .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => {
        // A checkbox is pressed through its label, which is the target a finger sees.
        const target = e instanceof HTMLInputElement && e.type === 'checkbox' ? (e.closest('label') ?? e) : e;
        const b = target.getBoundingClientRect();
        const name = e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? e.tagName;
        return { name: `${e.tagName.toLowerCase()} "${name}"`, width: b.width, height: b.height };
      }),
  );
}

describe('on a phone, 375 by 800', () => {
  it.each([
    ['English', '/'],
    ['Arabic', '/?lang=ar'],
  ])('fits the screen in %s: nothing scrolls sideways, the charts are laid out for their width', async (_l, path) => {
    const { page, errors } = await open(path, { width: 375, height: 800 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)),
    }));
    expect(widths.page).toBeLessThanOrEqual(375);
    expect(widths.widest).toBeLessThanOrEqual(375 + 0.5);
    // Each chart is drawn for the room it has, so its text keeps its size: its drawing units are
    // screen pixels, within the 10 px a layout is rounded to.
    for (const chart of await page.locator('svg[role="img"]').all()) {
      const box = (await chart.boundingBox())!;
      const viewWidth = await chart.evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
      expect(box.width).toBeLessThanOrEqual(375);
      expect(Math.abs(viewWidth - box.width), (await chart.getAttribute('aria-label')) ?? '').toBeLessThan(11);
    }
    // The network numbers its arrows and lists the channels in words under it.
    expect(await page.locator('.network-chart.numbered').count()).toBe(1);
    expect(await page.locator('.channels li').count()).toBe(7);
    expect(errors).toEqual([]);
  });

  it('folds the levers above the results, and unfolds them with one press', async () => {
    const { page, errors } = await open('/', { width: 375, height: 800 });
    const fold = page.getByRole('button', { name: 'Show the levers' });
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('slider').first().isVisible()).toBe(false);
    await fold.tap();
    expect(await page.getByRole('button', { name: 'Hide the levers' }).getAttribute('aria-expanded')).toBe('true');
    const slider = page.getByRole('slider', { name: 'US sanctions relief on offer' });
    expect(await slider.isVisible()).toBe(true);
    // A slider is a finger's height, and moving it changes the headline numbers.
    expect((await slider.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const before = await page.locator('[data-outcome="releasedTotal"]').getAttribute('data-value');
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('[data-outcome="releasedTotal"]').getAttribute('data-value')).not.toBe(before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  });

  it('makes every control at least 44 px tall, levers unfolded and panels open', async () => {
    const { page, errors } = await open('/', { width: 375, height: 800 });
    await page.getByRole('button', { name: 'Show the levers' }).tap();
    await page.locator('.presets summary').tap();
    await page.locator('.assumptions > summary').tap();
    await page.locator('[data-outcome="prisonersHeld"] .explain summary').tap();
    const small = (await targets(page)).filter((t) => t.height < 44 - 0.5);
    expect(small).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  });
});

describe('on a projector, 1280 by 720', () => {
  it('shows every headline card and the first chart without scrolling', async () => {
    const { page, errors } = await open('/', { width: 1280, height: 720 });
    const bottoms = await page.evaluate(() => ({
      cards: [...document.querySelectorAll('.card')].map((c) => c.getBoundingClientRect().bottom),
      chart: document.querySelector('.chart svg')!.getBoundingClientRect().bottom,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(bottoms.cards).toHaveLength(8);
    for (const bottom of bottoms.cards) expect(bottom).toBeLessThanOrEqual(720);
    expect(bottoms.chart).toBeLessThanOrEqual(720);
    expect(bottoms.scrollWidth).toBe(1280);
    // The levers stay beside the charts, unfolded.
    expect(await page.getByRole('slider').first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Show the levers' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('with the keyboard alone', () => {
  it('skips to the charts or the levers in a few presses, reaches "Copy link" early, and can focus every chart', async () => {
    const { page, errors } = await open('/', { width: 1280, height: 800 });
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement!;
        return e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName;
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to the levers');
    expect(await page.getByRole('link', { name: 'Skip to the levers' }).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to the charts');
    await page.keyboard.press('Enter');
    // From the charts' region, the next stops are the axes toggle and then the first chart.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Political prisoners held, Aug 2025 to Aug 2027 \(people\)$/);
    await page.keyboard.press('End');
    expect(await page.locator('.readout').first().textContent()).toMatch(
      /^August 2027: Political prisoners held [\d,]+ people$/,
    );

    // "Copy link" is among the first stops of the page.
    await page.goto(new URL('/', app.base()).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const seen: string[] = [];
    do {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    } while (seen.at(-1) !== 'Copy link' && seen.length < 40);
    expect(seen.length, seen.join(' | ')).toBeLessThanOrEqual(8);

    // Skipping to the levers lands on the panel; the next stop is in it.
    await page.goto(new URL('/', app.base()).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.closest('#levers') !== null)).toBe(true);

    // The network can take focus and has a name.
    const network = page.getByRole('img', { name: /^Leverage network/ });
    await network.focus();
    expect(await network.evaluate((svg) => document.activeElement === svg)).toBe(true);
    expect(errors).toEqual([]);
  });
});
