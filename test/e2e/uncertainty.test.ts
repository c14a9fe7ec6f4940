/**
 * Browser tests of the model's honesty features in the built app: the likely ranges drawn by the
 * Monte Carlo worker, the Assumptions panel and its place in the link, the seed, and the replay of
 * what happened.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtApp, watchErrors } from './browser.ts';

const app = builtApp();

async function open(path: string, withClock = false): Promise<{ page: Page; errors: string[] }> {
  const page = await (await app.newContext()).newPage();
  // A page clock lets a test hold the moment between a change and the worker's answer.
  if (withClock) await page.clock.install();
  const errors = watchErrors(page);
  await page.goto(new URL(path, app.base()).href);
  await page.locator('path.series').first().waitFor();
  return { page, errors };
}

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 25 });

/** Every likely range drawn, keyed by chart and series, once the worker has answered. */
async function ranges(page: Page): Promise<Record<string, string>> {
  return page
    .locator('path.range')
    .evaluateAll((paths) =>
      Object.fromEntries(
        paths.map((p) => [
          `${p.closest('svg[role="img"]')?.getAttribute('aria-label')} / ${p.getAttribute('data-series')}`,
          p.getAttribute('d') ?? '',
        ]),
      ),
    );
}

/** Whether every line's range is drawn (a chart draws a range only once the worker has answered). */
const drawn = async (page: Page) => {
  const all = Object.values(await ranges(page));
  const lines = await page.locator('path.series').count();
  return all.length === lines && all.every((d) => /^M[\d.,L]+Z$/.test(d));
};
const updating = (page: Page) => page.locator('g.lines.updating').count();
const search = (page: Page) => page.evaluate(() => window.location.search);

describe('the likely ranges', () => {
  it('are drawn behind every line by the worker, and marked as updating until they follow a slider', async () => {
    const { page, errors } = await open('/', true);
    await poll(() => drawn(page)).toBe(true);
    expect(Object.keys(await ranges(page)).length).toBeGreaterThanOrEqual(7);
    expect(await updating(page)).toBe(0);
    const card = page.locator('[data-outcome="prisonersHeld"] .card-range');
    expect(await card.textContent()).toMatch(/^likely [\d,]+ to [\d,]+$/);
    const before = await ranges(page);
    const cardBefore = await card.textContent();

    await page.clock.pauseAt(Date.now() + 60_000);
    await page.getByRole('slider', { name: 'US sanctions relief on offer', exact: true }).focus();
    await page.keyboard.press('End');
    // The lines move at once; the ranges and the card say they are being updated...
    await poll(() => updating(page)).toBe(await page.locator('svg.line-chart').count());
    expect(await page.locator('[data-outcome="prisonersHeld"] .card-range.updating').count()).toBe(1);
    expect(await page.getByText('likely range: updating…').count()).toBeGreaterThan(0);
    // ...and follow once the settings have rested.
    await page.clock.runFor(500);
    await poll(() => updating(page)).toBe(0);
    await poll(() => ranges(page)).not.toEqual(before);
    expect(await card.textContent()).not.toBe(cardBefore);
    // The central line lies within its range at the end of the horizon.
    const [low, high] = (await card.getAttribute('data-range'))!.split(' ').map(Number);
    const value = Number(await page.locator('[data-outcome="prisonersHeld"]').getAttribute('data-value'));
    expect(low!).toBeLessThanOrEqual(value);
    expect(high!).toBeGreaterThanOrEqual(value);
    expect(errors).toEqual([]);
  });

  it('are the same for the same seed in a fresh browser, and change with "Draw again"', async () => {
    const first = await open('/?scenario=belarus-prisoners&usRelief=8&seed=5');
    await poll(() => drawn(first.page)).toBe(true);
    const second = await open('/?scenario=belarus-prisoners&usRelief=8&seed=5');
    await poll(() => drawn(second.page)).toBe(true);
    expect(await ranges(second.page)).toEqual(await ranges(first.page));

    await second.page.getByText('Assumptions', { exact: true }).click();
    await second.page.getByRole('button', { name: 'Draw again' }).click();
    await poll(() => search(second.page)).toContain('seed=6');
    await poll(() => ranges(second.page)).not.toEqual(await ranges(first.page));
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });
});

describe('the Assumptions panel', () => {
  it('moves a constant within its range, marks it, puts it in the link, and a fresh browser opens it', async () => {
    const { page, errors } = await open('/');
    const held = () => page.locator('[data-outcome="prisonersHeld"]').getAttribute('data-value').then(Number);
    const before = await held();
    await page.getByText('Assumptions', { exact: true }).click();
    const slider = page.getByRole('slider', { name: 'Average time until a sentence is served' });
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await poll(() => slider.getAttribute('aria-valuetext')).toBe('42 months');
    await poll(held).toBeLessThan(before);
    await poll(() => search(page)).toContain('sentenceMonths=42');
    expect(await page.locator('[data-constant="sentenceMonths"]').textContent()).toContain(
      'your assumption (sourced: 47)',
    );
    expect(await page.getByText('Assumptions (1 changed)').count()).toBe(1);

    const again = await open(`/${await search(page)}`);
    expect(await again.page.locator('[data-outcome="prisonersHeld"]').getAttribute('data-value')).toBe(
      String(await held()),
    );
    expect(errors).toEqual([]);
    expect(again.errors).toEqual([]);
  });
});

describe('the replay of what happened', () => {
  it('opens from its link with the levers following their dates, near the recorded counts', async () => {
    const link =
      '/?scenario=belarus-prisoners&v=2&polandLinksPrisoners=0&polandClosureDays=asItHappened&usRelief=asItHappened&exileShare=asItHappened';
    const { page, errors } = await open(link);
    expect(await page.locator('[data-follows="asItHappened"]').count()).toBe(3);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The US track freed about 52 + 123 + 250 people, most of them sent abroad before March 2026.
    const freed = Number(await page.locator('[data-outcome="releasedTotal"]').getAttribute('data-value'));
    expect(freed).toBeGreaterThan(400);
    await poll(() => search(page)).toBe(
      '?scenario=belarus-prisoners&v=2&polandClosureDays=asItHappened&polandLinksPrisoners=0&usRelief=asItHappened&exileShare=asItHappened',
    );
    expect(errors).toEqual([]);
  });
});
