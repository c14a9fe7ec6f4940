/**
 * Browser tests of the built app in Debian's Chromium: what a person notices when they move the
 * levers with the keyboard, share a link, use presets and the Back button, open a broken link,
 * look at the charts and read the page in Arabic. Each test opens its own browser context.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { founding } from '../helpers.ts';
import { builtApp, watchErrors } from './browser.ts';

const US_RELIEF = 'US sanctions relief on offer';
const US_RELIEF_AR = 'عرض أمريكي لتخفيف العقوبات';
const CLOSURE = 'Polish border closure';
const EXILE = 'Released prisoners forced into exile';
const ARRESTS = 'New political prisoners';
const NOTICE_HEADING = 'Some settings in the link could not be used';
const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results');

const app = builtApp();
const newContext = () => app.newContext();

interface Opened {
  page: Page;
  /** console errors, uncaught page errors and failed requests, in order */
  errors: string[];
}

/** Opens a page in `context` (a new one by default), collecting errors before it loads. */
async function newPage(context?: BrowserContext): Promise<Opened> {
  const page = await (context ?? (await newContext())).newPage();
  const errors = watchErrors(page);
  return { page, errors };
}

/** Opens `path` of the app and waits until the page has drawn its levers and charts. */
async function open(path: string, context?: BrowserContext): Promise<Opened> {
  const opened = await newPage(context);
  await goTo(opened.page, path);
  return opened;
}

async function goTo(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, app.base()).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('slider').first().waitFor();
  await page.locator('path.series').first().waitFor();
}

const sessions = new WeakMap<Page, CDPSession>();

/**
 * Every slider's value as the browser's accessibility tree exposes it (its aria-valuenow, what a
 * screen reader announces), by accessible name.
 */
async function sliderValues(page: Page): Promise<Record<string, number>> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const values: Record<string, number> = {};
  for (const node of nodes) {
    if (node.ignored || node.role?.value !== 'slider') continue;
    values[String(node.name?.value)] = Number(node.value?.value);
  }
  return values;
}

async function sliderValue(page: Page, name: string): Promise<number | undefined> {
  return (await sliderValues(page))[name];
}

/** The value of one lever in the address bar (null when it is at its default, so absent). */
function urlParam(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => new URLSearchParams(window.location.search).get(k), key);
}

function search(page: Page): Promise<string> {
  return page.evaluate(() => window.location.search);
}

async function outcome(page: Page, id: string): Promise<number> {
  return Number(await page.locator(`[data-outcome="${id}"]`).getAttribute('data-value'));
}

async function outcomes(page: Page): Promise<Record<string, number>> {
  return page
    .locator('[data-outcome]')
    .evaluateAll((cards) =>
      Object.fromEntries(cards.map((c) => [c.getAttribute('data-outcome'), Number(c.getAttribute('data-value'))])),
    );
}

/** Every drawn line, keyed by its chart's accessible name and its series id. */
async function seriesPaths(page: Page): Promise<Record<string, string>> {
  return page
    .getByRole('img')
    .locator('path.series')
    .evaluateAll((paths) =>
      Object.fromEntries(
        paths.map((p) => [
          `${p.closest('svg[role="img"]')?.getAttribute('aria-label')} / ${p.getAttribute('data-series')}`,
          p.getAttribute('d') ?? '',
        ]),
      ),
    );
}

/** Waits for a condition (the page updates asynchronously), with room for a busy machine. */
function poll<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: 5_000, interval: 25, message });
}

/** Focuses the slider called `name` and presses each key in turn, as a keyboard user would. */
async function press(page: Page, name: string, ...keys: string[]): Promise<void> {
  await page.getByRole('slider', { name, exact: true }).focus();
  for (const key of keys) await page.keyboard.press(key);
}

const presets = founding().scenario.presets;

/** Chooses a preset as a person does: opens the list of presets and presses the preset's button. */
async function choosePreset(page: Page, id: string): Promise<void> {
  const label = presets.find((p) => p.id === id)!.label.en;
  await page.locator('.presets summary').click();
  await page.getByRole('button', { name: label, exact: true }).click();
}

/**
 * How many pixels of a screenshot, inside a box, are within a small distance of a colour: the
 * browser decodes the PNG and counts, so a line that is hidden, blank or the wrong colour is noticed.
 */
async function pixelsOf(
  page: Page,
  png: Buffer,
  box: { x: number; y: number; width: number; height: number },
  color: string,
): Promise<number> {
  return page.evaluate(
    async ({ data, box, color }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data: px } = context.getImageData(
        Math.round(box.x),
        Math.round(box.y),
        Math.round(box.width),
        Math.round(box.height),
      );
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < 40) n++;
      }
      return n;
    },
    { data: png.toString('base64'), box, color },
  );
}

describe('moving a lever with the keyboard', () => {
  it('changes the slider, the address bar and the headline numbers, without adding history entries', async () => {
    const { page, errors } = await open('/');
    const releasedBefore = await outcome(page, 'releasedTotal');
    const historyBefore = await page.evaluate(() => window.history.length);
    expect(await sliderValue(page, US_RELIEF)).toBe(0);
    expect(await urlParam(page, 'usRelief')).toBeNull();

    await press(page, US_RELIEF, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');

    await poll(() => sliderValue(page, US_RELIEF)).toBe(5);
    // The address follows the slider at most every 250 ms, so wait for the last value to land.
    await poll(() => urlParam(page, 'usRelief')).toBe('5');
    await poll(() => outcome(page, 'releasedTotal')).toBeGreaterThan(releasedBefore);
    expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);
    expect(errors).toEqual([]);
  });

  it('takes a tenth of the range with Shift+Arrow and Page Up/Down, and goes to the ends with Home and End', async () => {
    const { page, errors } = await open('/');
    const closure = () => sliderValue(page, CLOSURE);
    expect(await closure()).toBe(0);

    await press(page, CLOSURE, 'Shift+ArrowRight');
    await poll(closure).toBe(36.5);
    await page.keyboard.press('PageUp');
    await poll(closure).toBe(73);
    await page.keyboard.press('Shift+ArrowLeft');
    await poll(closure).toBe(36.5);
    await page.keyboard.press('PageDown');
    await poll(closure).toBe(0);
    await page.keyboard.press('PageDown');
    await poll(closure).toBe(0);
    await page.keyboard.press('End');
    await poll(closure).toBe(365);
    await page.keyboard.press('Shift+ArrowRight');
    await poll(closure).toBe(365);
    await page.keyboard.press('Home');
    await poll(closure).toBe(0);
    await page.keyboard.press('ArrowRight');
    await poll(closure).toBe(0.5);
    await page.keyboard.press('ArrowUp');
    await poll(closure).toBe(1);
    await poll(() => urlParam(page, 'polandClosureDays')).toBe('1');
    expect(errors).toEqual([]);
  });
});

describe('sharing a link', () => {
  it('opens, in a fresh browser, exactly the levers and lines that were copied', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.base()).origin });
    const first = await open('/', context);
    const page = first.page;

    await press(page, US_RELIEF, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
    await press(page, CLOSURE, 'PageUp', 'ArrowRight');
    await press(page, EXILE, 'Home');
    await press(page, ARRESTS, 'End');
    await poll(() => sliderValues(page)).toMatchObject({ [US_RELIEF]: 4, [CLOSURE]: 37, [EXILE]: 0, [ARRESTS]: 150 });

    // Copied straight away: the link must carry the last move even inside the 250 ms throttle.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await poll(() => page.locator('.share').getByRole('status').textContent()).toMatch(/^Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    expect(url.origin).toBe(new URL(app.base()).origin);
    expect(url.searchParams.get('scenario')).toBe('belarus-prisoners');
    expect(url.searchParams.get('v')).toBe('2');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      usRelief: '4',
      polandClosureDays: '37',
      exileShare: '0',
      arrestRate: '150',
    });

    const second = await open(link);
    expect(await second.page.getByRole('alert').count()).toBe(0);
    expect(await sliderValues(second.page)).toEqual(await sliderValues(page));
    const paths = await seriesPaths(page);
    expect(Object.keys(paths).length).toBeGreaterThanOrEqual(5);
    expect(await seriesPaths(second.page)).toEqual(paths);
    expect(await outcomes(second.page)).toEqual(await outcomes(page));
    expect(await search(second.page)).toBe(url.search);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });
});

describe('presets and the Back button', () => {
  it('applies a preset to the sliders and the address, and Back restores the previous settings', async () => {
    const { page, errors } = await open('/?scenario=belarus-prisoners&v=2&polandClosureDays=21');
    const before = await sliderValues(page);
    const pathsBefore = await seriesPaths(page);
    expect(before).toMatchObject({ [US_RELIEF]: 0, [EXILE]: 100, [CLOSURE]: 21 });

    await choosePreset(page, 'usRungBanks');
    await poll(() => sliderValue(page, US_RELIEF)).toBe(16);
    expect(await sliderValues(page)).toMatchObject({ [EXILE]: 6, [CLOSURE]: 0 });
    expect(await search(page)).toBe('?scenario=belarus-prisoners&v=2&usRelief=16&exileShare=6');
    // The page says which preset the settings are.
    expect(await page.locator('.preset-active').getAttribute('data-preset')).toBe('usRungBanks');
    expect(await seriesPaths(page)).not.toEqual(pathsBefore);

    await page.goBack();
    await poll(() => sliderValue(page, US_RELIEF)).toBe(0);
    expect(await sliderValues(page)).toEqual(before);
    expect(await search(page)).toBe('?scenario=belarus-prisoners&v=2&polandClosureDays=21');
    expect(await seriesPaths(page)).toEqual(pathsBefore);

    await page.goForward();
    await poll(() => sliderValue(page, US_RELIEF)).toBe(16);
    expect(await sliderValue(page, EXILE)).toBe(6);
    expect(errors).toEqual([]);
  });

  it('returns every lever to its default with "Reset all", and Back brings the settings back', async () => {
    const { page, errors } = await open('/?scenario=belarus-prisoners&v=2&usRelief=7&arrestRate=100');
    const reset = page.getByRole('button', { name: 'Reset all' });
    expect(await sliderValues(page)).toMatchObject({ [US_RELIEF]: 7, [ARRESTS]: 100 });

    await reset.click();
    await poll(() => sliderValue(page, US_RELIEF)).toBe(0);
    expect(await sliderValue(page, ARRESTS)).toBe(28);
    expect(await search(page)).toBe('?scenario=belarus-prisoners&v=2');
    expect(await reset.isDisabled()).toBe(true);

    await page.goBack();
    await poll(() => sliderValue(page, US_RELIEF)).toBe(7);
    expect(await sliderValue(page, ARRESTS)).toBe(100);
    expect(await reset.isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('restores, on Back, the slider position a quick user set just before choosing a preset', async () => {
    const { page, errors } = await newPage();
    // A paused page clock stands for a user who picks the preset within 250 ms of the last key
    // press, so the throttled address update has not been written yet.
    await page.clock.install();
    await goTo(page, '/');
    await page.clock.pauseAt(Date.now() + 60_000);

    await press(page, US_RELIEF, 'ArrowRight', 'ArrowRight', 'ArrowRight');
    await poll(() => sliderValue(page, US_RELIEF)).toBe(3);
    await choosePreset(page, 'usRungBanks');
    await poll(() => sliderValue(page, US_RELIEF)).toBe(16);

    await page.goBack();
    await poll(() => search(page)).not.toContain('usRelief=16');
    // What the page showed before the preset, not the first of the three key presses.
    expect(await urlParam(page, 'usRelief')).toBe('3');
    expect(await sliderValue(page, US_RELIEF)).toBe(3);
    expect(errors).toEqual([]);
  });
});

describe('a broken link', () => {
  it('still opens, says what it changed or ignored, and rewrites the address to a clean link', async () => {
    const { page, errors } = await open('/?scenario=belarus-prisoners&v=2&usRelief=99&polandClosureDays=abc&bogus=1');
    const notice = page.getByRole('alert');
    expect(await notice.getByRole('heading').textContent()).toBe(NOTICE_HEADING);
    const items = await notice.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(3);
    expect(items.find((i) => i.includes(US_RELIEF))).toMatch(/99 is out of range; 30 is used/);
    expect(items.find((i) => i.includes('abc'))).toMatch(
      /^Polish border closure: "abc" is not a number; the default is used/,
    );
    expect(items.find((i) => i.includes('bogus'))).toMatch(/ignored/);

    expect(await sliderValue(page, US_RELIEF)).toBe(30);
    expect(await sliderValue(page, CLOSURE)).toBe(0);
    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(6);
    for (const d of Object.values(await seriesPaths(page))) expect(d).toMatch(/^M.+L/);
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2&usRelief=30');

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('heading', { name: NOTICE_HEADING }).count()).toBe(0);
    expect(await sliderValue(page, US_RELIEF)).toBe(30);
    expect(errors).toEqual([]);
  });

  it('with an unknown scenario opens the founding scenario and says so', async () => {
    const { page, errors } = await open('/?scenario=nowhere');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Belarus: political prisoners as bargaining chips',
    );
    const notice = page.getByRole('alert');
    expect(await notice.getByRole('heading').textContent()).toBe(NOTICE_HEADING);
    expect(await notice.getByRole('listitem').allTextContents()).toEqual([
      'There is no scenario "nowhere"; showing "belarus-prisoners" instead.',
    ]);
    expect(await page.getByRole('slider').count()).toBe(9);
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2');
    expect(errors).toEqual([]);
  });

  it('made for the previous link format opens migrated, and says what changed', async () => {
    const { page, errors } = await open('/?scenario=belarus-prisoners&v=1&polandClosureWeeks=2');
    expect(await page.getByRole('alert').getByRole('listitem').allTextContents()).toEqual([
      'This link was made for an earlier version of the model and was updated: polandClosureWeeks=2 → polandClosureDays=14.',
    ]);
    expect(await sliderValue(page, CLOSURE)).toBe(14);
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2&polandClosureDays=14');
    expect(errors).toEqual([]);
  });
});

describe('the charts', () => {
  it.each([
    ['the default settings', '/', undefined],
    ['the September-2025 closure preset', '/', 'september2025Closure'],
  ])('draw full, visible lines at %s', async (_what, path, preset) => {
    const { page, errors } = await open(path);
    const defaultPaths = await seriesPaths(page);
    if (preset) {
      await choosePreset(page, preset);
      await poll(() => seriesPaths(page)).not.toEqual(defaultPaths);
      // The closure follows the preset's date (12 September 2025), and its slider says so.
      await poll(() => page.locator('[data-lever="polandClosureDays"] [data-follows]').count()).toBe(1);
      await poll(() => urlParam(page, 'polandClosureDays')).toBe('september2025Closure');
    }

    mkdirSync(RESULTS_DIR, { recursive: true });
    const png = await page.screenshot({ fullPage: true });
    writeFileSync(resolve(RESULTS_DIR, `app-${preset ?? 'default'}.png`), png);

    const images = await page.getByRole('img').all();
    const lineCharts: typeof images = [];
    for (const img of images) {
      const name = await img.getAttribute('aria-label');
      const box = await img.boundingBox();
      expect(box, `${name} has a box`).not.toBeNull();
      expect(box!.width, `${name} is wide enough to read`).toBeGreaterThan(200);
      expect(box!.height, `${name} is tall enough to read`).toBeGreaterThan(100);
      if (!name?.startsWith('Leverage network')) lineCharts.push(img);
    }
    expect(images.length - lineCharts.length).toBe(1);
    expect(lineCharts.length).toBe(5);
    for (const chart of lineCharts) {
      const name = await chart.getAttribute('aria-label');
      // Each line shows on the screenshot in its own colour, inside its chart (unless a line drawn
      // after it runs exactly over it, as two costs that are both 0).
      const box = (await chart.boundingBox())!;
      const scrolled = await page.evaluate(() => window.scrollY);
      const lines = await chart
        .locator('path.series')
        .evaluateAll((ps) => ps.map((p) => ({ color: p.getAttribute('stroke')!, d: p.getAttribute('d')! })));
      for (const [i, { color, d }] of lines.entries()) {
        if (lines.slice(i + 1).some((later) => later.d === d)) continue;
        const pixels = await pixelsOf(page, png, { ...box, y: box.y + scrolled }, color);
        expect(pixels, `${name}: the ${color} line shows`).toBeGreaterThan(30);
      }
      const ds = await chart.locator('path.series').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
      expect(ds.length, `${name} has lines`).toBeGreaterThan(0);
      for (const d of ds) {
        expect(d.length, `${name}: ${d}`).toBeGreaterThan(50);
        expect(d).toContain('L');
        expect(d).not.toMatch(/NaN|Infinity/);
        // One point a month for two years.
        expect(d.split(/[ML]/).filter(Boolean).length, `${name}: ${d}`).toBeGreaterThanOrEqual(25);
      }
    }
    if (preset) {
      const costs = Object.entries(await seriesPaths(page)).find(([key]) => key.endsWith('/ polandCost'));
      expect(costs?.[1]).not.toBe(defaultPaths[costs![0]]);
    }
    expect(errors).toEqual([]);
  });
});

describe('the leverage network', () => {
  it.each([
    ['English, at the default settings', '/?scenario=belarus-prisoners'],
    [
      'English, with every channel strong',
      '/?scenario=belarus-prisoners&polandClosureDays=60&usRelief=8&chinaPressureOnMinsk=60&polandLinksPrisoners=60',
    ],
    [
      'Arabic, with every channel strong',
      '/?scenario=belarus-prisoners&lang=ar&polandClosureDays=60&usRelief=8&chinaPressureOnMinsk=60&polandLinksPrisoners=60',
    ],
  ])('writes every label where it can be read (%s)', async (_what, path) => {
    const { page, errors } = await open(path);
    const network = page.getByRole('img', { name: /^(Leverage network|شبكة)/ });
    // Boxes in the chart's own units, as drawn with the page's fonts.
    const layout = await network.evaluate((svg) => {
      const box = (e: SVGGraphicsElement) => {
        const b = e.getBBox();
        return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height, text: e.textContent ?? '' };
      };
      // A node is a group moved into place; its circle and name are drawn around 0,0.
      const at = (g: SVGGElement) => (g.getAttribute('transform') ?? '').match(/-?[\d.]+/g)!.map(Number);
      const nodes = [...svg.querySelectorAll<SVGGElement>('.node')].map((g) => {
        const [x, y] = at(g);
        const r = Number(g.querySelector('circle')!.getAttribute('r'));
        return { x0: x! - r, y0: y! - r, x1: x! + r, y1: y! + r, text: `node ${g.dataset.node}` };
      });
      const names = [...svg.querySelectorAll<SVGGElement>('.node')].map((g) => {
        const [x, y] = at(g);
        const b = box(g.querySelector('text')!);
        return { ...b, x0: b.x0 + x!, x1: b.x1 + x!, y0: b.y0 + y!, y1: b.y1 + y! };
      });
      const view = (svg as SVGSVGElement).viewBox.baseVal;
      return {
        labels: [...svg.querySelectorAll<SVGTextElement>('[data-link] text')].map(box),
        names,
        nodes,
        width: view.width,
        height: view.height,
      };
    });
    expect(layout.labels.length).toBe(7);
    const overlap = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) =>
      Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
    for (const [i, label] of layout.labels.entries()) {
      expect(label.text.length).toBeGreaterThan(3);
      expect(label.x0, `${label.text} starts inside the chart`).toBeGreaterThanOrEqual(0);
      expect(label.x1, `${label.text} ends inside the chart`).toBeLessThanOrEqual(layout.width);
      expect(label.y0).toBeGreaterThanOrEqual(0);
      expect(label.y1).toBeLessThanOrEqual(layout.height);
      for (const other of [...layout.labels.slice(i + 1), ...layout.names, ...layout.nodes])
        expect(overlap(label, other), `"${label.text}" is clear of "${other.text}"`).toBe(false);
    }
    expect(errors).toEqual([]);
  });
});

describe('the Arabic view', () => {
  it('is laid out right to left and its sliders still work with the keyboard', async () => {
    const { page, errors } = await open('/?scenario=belarus-prisoners&lang=ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    const relief = () => sliderValue(page, US_RELIEF_AR);
    const releasedBefore = await outcome(page, 'releasedTotal');
    expect(await relief()).toBe(0);

    await press(page, US_RELIEF_AR, 'ArrowUp', 'ArrowUp', 'ArrowUp');
    await poll(relief).toBe(3);
    await poll(() => urlParam(page, 'usRelief')).toBe('3');
    expect(await urlParam(page, 'lang')).toBe('ar');
    await poll(() => outcome(page, 'releasedTotal')).toBeGreaterThan(releasedBefore);
    await page.keyboard.press('ArrowDown');
    await poll(relief).toBe(2);
    await page.keyboard.press('PageUp');
    await poll(relief).toBe(5);
    await page.keyboard.press('End');
    await poll(relief).toBe(30);
    await page.keyboard.press('PageDown');
    await poll(relief).toBe(27);
    await page.keyboard.press('Home');
    await poll(relief).toBe(0);
    await poll(() => urlParam(page, 'usRelief')).toBeNull();
    // Right to left, the left arrow increases, with Shift too.
    await page.keyboard.press('Shift+ArrowLeft');
    await poll(relief).toBe(3);
    await page.keyboard.press('Shift+ArrowRight');
    await poll(relief).toBe(0);
    expect(errors).toEqual([]);
  });

  it.each([
    ['English', '', US_RELIEF],
    ['Arabic', '&lang=ar', US_RELIEF_AR],
  ])(
    'in %s, Shift with a left or right arrow takes a bigger step in the same direction as the arrow alone',
    async (_lang, query, name) => {
      const { page, errors } = await open(`/?scenario=belarus-prisoners&v=2&usRelief=9${query}`);
      const relief = async () => (await sliderValue(page, name))!;
      for (const arrow of ['ArrowLeft', 'ArrowRight']) {
        await press(page, name, 'Home', 'PageUp', 'PageUp', 'PageUp');
        await poll(relief).toBe(9);
        await page.keyboard.press(arrow);
        await poll(relief).not.toBe(9);
        const step = (await relief()) - 9;
        expect(Math.abs(step)).toBe(1);
        await page.keyboard.press(`Shift+${arrow}`);
        // A tenth of the range (3 points), the way the arrow alone went.
        await poll(relief, `Shift+${arrow} after ${arrow} went ${step}`).toBe(9 + step + 3 * step);
      }
      expect(errors).toEqual([]);
    },
  );
});
