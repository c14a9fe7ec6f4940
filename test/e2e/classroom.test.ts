/**
 * Browser tests of classroom mode in the built app: story steps in the link and the presentation
 * view, predict-then-reveal, changes from a step's settings, the share dialog's QR code and
 * settings file, the printed handout, an embedded page with locked and hidden levers, undo and
 * redo from the keyboard, the keyboard help, and axe-core's accessibility rules.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { leverSchedules } from '../../src/model/inputs.ts';
import { simulate } from '../../src/model/simulate.ts';
import { stepSetting } from '../../src/model/story.ts';
import { pointOf } from '../../src/model/time.ts';
import { seriesNumber } from '../../src/ui/format.ts';
import { founding } from '../helpers.ts';
import { builtApp, watchErrors } from './browser.ts';

const app = builtApp();
const model = founding();
const { scenario } = model;
const { story } = scenario;
const BASE = '/?scenario=belarus-prisoners&v=2';
const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** Story step `n` (1 is the first), as the scenario file has it. */
const stepOf = (n: number) => story[n - 1]!;

/**
 * Opens a path of the app in a fresh context. `scale` is the device pixel ratio: a QR code is
 * screenshot at twice its size for jsQR.
 */
async function open(path: string, { viewport = { width: 1280, height: 800 }, scale = 1 } = {}) {
  const context = await app.newContext({ viewport, deviceScaleFactor: scale, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, app.base()).href);
  await page.locator('.app').waitFor();
  return { page, errors };
}

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 25 });
const search = (page: Page) => page.evaluate(() => window.location.search);
const href = (page: Page) => page.evaluate(() => window.location.href);
const param = async (page: Page, key: string) => new URL(await href(page)).searchParams.get(key);
const title = (page: Page) => page.locator('section.story h2').textContent();
const slider = (page: Page, lever: string) => page.locator(`[data-lever="${lever}"] input[type="range"]`);
/** Takes the keyboard focus off every control, as a click on an empty part of the page does. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/**
 * What a step's levers show on the page at its settings: the value it (or its preset) sets, and
 * the preset whose dated events it follows, if any.
 */
function stepLevers(n: number): Record<string, { value: string; follows: string | null }> {
  const step = stepOf(n);
  const setting = stepSetting(scenario, step);
  return Object.fromEntries(
    step.levers.map((id) => {
      const lever = scenario.levers.find((l) => l.id === id)!;
      return [id, { value: String(setting.values[id] ?? lever.default), follows: setting.follows[id] ?? null }];
    }),
  );
}

/** What the page's levers of a step show: their sliders' values and the presets they follow. */
async function shownLevers(page: Page, n: number) {
  const shown: Record<string, { value: string; follows: string | null }> = {};
  for (const id of stepOf(n).levers) {
    const lever = page.locator(`[data-lever="${id}"]`);
    shown[id] = {
      value: await slider(page, id).inputValue(),
      follows: (await lever.locator('[data-follows]').count())
        ? await lever.locator('[data-follows]').getAttribute('data-follows')
        : null,
    };
  }
  return shown;
}

/** The model's value of a step's highlighted outcome at the step's settings, as the page writes it. */
function modelAnswer(n: number): string {
  const step = stepOf(n);
  const setting = stepSetting(scenario, step);
  const result = simulate(model, setting.values, { schedule: leverSchedules(scenario, setting.follows) });
  const series = result.series[step.highlight]!;
  const value =
    step.at === undefined ? result.outcomes[step.highlight]! : series[pointOf(scenario.time, step.at, series.length)]!;
  return seriesNumber(scenario, step.highlight, value, 'en');
}

/** The text a QR code drawn on the page encodes: its screenshot, read in the page, decoded by jsQR. */
async function qrText(page: Page, qr: Locator): Promise<string | undefined> {
  const png = await qr.screenshot();
  const { rgba, width, height } = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    // Back to Node as base64: far quicker than an array of numbers.
    let bytes = '';
    for (let i = 0; i < data.length; i += 0x8000) bytes += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { rgba: btoa(bytes), width: canvas.width, height: canvas.height };
  }, png.toString('base64'));
  return jsQR(new Uint8ClampedArray(Buffer.from(rgba, 'base64')), width, height)?.data;
}

/** Opens the share dialog from the header. */
async function openShare(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Share…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await dialog.waitFor();
  return dialog;
}

/** axe-core's rules on the page as it is now; the violations, each with its elements, as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n'),
  );
}

describe('a presentation link', () => {
  it('opens the presentation view at its step, with that step’s levers at its settings and its outcome hidden', async () => {
    const { page, errors } = await open(`${BASE}&step=3&view=present`);
    const step = stepOf(3);
    const present = page.locator('div.present');
    await present.locator('section.story').waitFor();
    expect(await present.locator('section.story h2').textContent()).toBe(step.title.en);
    expect(await present.locator('.story-count').textContent()).toContain(`Step 3 of ${story.length}`);
    // Only the step's levers, at the step's settings.
    expect(await present.locator('input[type="range"]').count()).toBe(step.levers.length);
    expect(
      new Set(await present.locator('[data-lever]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-lever')))),
    ).toEqual(new Set(step.levers));
    expect(await shownLevers(page, 3)).toEqual(stepLevers(3));
    expect(Object.values(stepLevers(3)).some((l) => l.follows === 'asItHappened')).toBe(true);
    // Its highlighted outcome alone, hidden until the answer, in big type.
    expect(await present.locator('article.card').count()).toBe(1);
    const card = present.locator(`article.card.concealed[data-outcome="${step.highlight}"]`);
    expect(await card.locator('.number').textContent()).toBe('?');
    const size = await card.locator('.number').evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);
    expect(await present.locator('.chart-hidden').first().textContent()).toBe('Hidden until the answer is revealed');
    // The address is the link as it came: nothing differs from the step's settings.
    expect(await search(page)).toBe('?scenario=belarus-prisoners&v=2&step=3&view=present');
    expect(errors).toEqual([]);
  });

  it.each([
    ['English', ''],
    ['Arabic', '&lang=ar'],
  ])(
    'fits a projector’s 1280×720 screen in %s: the step, Next, the outcome’s card, its chart and the QR code, with no sideways scroll',
    async (_language, lang) => {
      const { page, errors } = await open(`${BASE}&step=3&view=present${lang}`, {
        viewport: { width: 1280, height: 720 },
      });
      await page.locator('.present section.story').waitFor();
      await page.keyboard.press('r');
      const chart = page.locator('.present svg.line-chart').first();
      await chart.waitFor();
      const bottom = async (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((e) => e.getBoundingClientRect().bottom);
      for (const selector of [
        '.present section.story h2',
        '.present .story-nav button',
        '.present article.card .number',
        '.present svg.line-chart',
        '.present figure.present-qr svg',
      ]) {
        expect(await bottom(selector), selector).toBeLessThanOrEqual(720);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      expect(errors).toEqual([]);
    },
  );

  it('moves through the steps with Next, the right arrow and Back, writing each step into the address', async () => {
    const { page, errors } = await open(`${BASE}&step=3&view=present`);
    await page.locator('.present section.story').waitFor();
    const entries = await page.evaluate(() => window.history.length);

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await poll(() => param(page, 'step')).toBe('4');
    expect(await title(page)).toBe(stepOf(4).title.en);
    expect(await page.evaluate(() => window.history.length)).toBe(entries + 1);
    await poll(() => shownLevers(page, 4)).toEqual(stepLevers(4));

    await blur(page);
    await page.keyboard.press('ArrowRight');
    await poll(() => param(page, 'step')).toBe('5');
    expect(await title(page)).toBe(stepOf(5).title.en);
    await poll(() => shownLevers(page, 5)).toEqual(stepLevers(5));
    // Step 5 sets a value of its own on top of its preset.
    expect(Object.keys(stepOf(5).set ?? {}).length).toBeGreaterThan(0);
    // One entry per step: Back must not land between two steps.
    expect(await page.evaluate(() => window.history.length)).toBe(entries + 2);

    await page.goBack();
    await poll(() => param(page, 'step')).toBe('4');
    await poll(() => title(page)).toBe(stepOf(4).title.en);
    expect(await shownLevers(page, 4)).toEqual(stepLevers(4));
    expect(await param(page, 'view')).toBe('present');
    expect(errors).toEqual([]);
  });

  it('runs the other way in Arabic: the left arrow is the next step, the right arrow the previous one', async () => {
    const { page, errors } = await open(`${BASE}&step=3&view=present&lang=ar`);
    await page.locator('.present section.story').waitFor();
    await page.keyboard.press('ArrowLeft');
    await poll(() => param(page, 'step')).toBe('4');
    expect(await title(page)).toBe(stepOf(4).title.ar);
    await page.keyboard.press('PageDown');
    await poll(() => param(page, 'step')).toBe('5');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await poll(() => param(page, 'step')).toBe('3');
    expect(await title(page)).toBe(stepOf(3).title.ar);
    expect(errors).toEqual([]);
  });

  it('switches to the page view with Esc and back with P, at the same step', async () => {
    const { page, errors } = await open(`${BASE}&step=3&view=present`);
    await page.locator('.present section.story').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.app-header').waitFor();
    expect(await page.locator('div.present').count()).toBe(0);
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2&step=3');
    expect(await title(page)).toBe(stepOf(3).title.en);
    await blur(page);
    await page.keyboard.press('p');
    await page.locator('div.present').waitFor();
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2&step=3&view=present');
    await page.getByRole('button', { name: 'Leave the presentation', exact: true }).click();
    await page.locator('.app-header').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the whole story from its first link', () => {
  it.each([
    ['English', 'en', 'Next', 'Reveal'],
    ['Arabic', 'ar', 'التالي', 'اكشف'],
  ] as const)(
    'runs in %s: every step shows its title, levers and outcome, every question reveals an answer, and the link follows',
    async (_language, lang, next, reveal) => {
      const { page, errors } = await open(`${BASE}&step=1&view=present${lang === 'ar' ? '&lang=ar' : ''}`);
      const present = page.locator('div.present');
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      for (let n = 1; n <= story.length; n++) {
        const step = stepOf(n);
        await poll(() => present.locator('section.story h2').textContent()).toBe(step.title[lang]);
        expect(await param(page, 'step')).toBe(String(n));
        await poll(() => shownLevers(page, n)).toEqual(stepLevers(n));
        const card = present.locator(`article.card[data-outcome="${step.highlight}"]`);
        expect(await present.locator('article.card').count()).toBe(1);
        if (step.question) {
          expect(await card.getAttribute('class')).toContain('concealed');
          await present.getByRole('button', { name: reveal, exact: true }).click();
          await present.locator('.story-answer').waitFor();
        }
        await poll(() => card.getAttribute('class')).toBe('card');
        expect(await card.locator('.number').textContent()).not.toBe('?');
        // (A flat line at zero has no height, so "visible" would never hold.)
        await present.locator('path.series').first().waitFor({ state: 'attached' });
        expect(await present.locator('svg.line-chart').first().isVisible()).toBe(true);
        expect(await present.getByText('Hidden until the answer is revealed').count()).toBe(0);
        const nextButton = present.getByRole('button', { name: next, exact: true });
        if (n < story.length) await nextButton.click();
        else expect(await nextButton.isDisabled()).toBe(true);
      }
      expect(errors).toEqual([]);
    },
  );
});

describe('the teaching notes', () => {
  it('are published next to the app, linked from the share dialog, and their links open each step', async () => {
    const { page, errors } = await open(BASE);
    const dialog = await openShare(page);
    const notes = dialog.getByRole('link', { name: /^Teaching notes/ });
    expect(new URL((await notes.getAttribute('href'))!, await href(page)).pathname).toBe('/teaching.html');
    await page.goto(new URL('/teaching.html', app.base()).href);
    expect(await page.title()).toBe('Teaching notes · Leverage Lab');
    const links = await page
      .getByRole('link', { name: 'present', exact: true })
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(story.length);
    for (const [i, link] of links.entries()) {
      expect(new URL(link).searchParams.get('step')).toBe(String(i + 1));
    }
    await page.getByRole('link', { name: 'present', exact: true }).nth(4).click();
    await page.locator('.present section.story').waitFor();
    expect(await title(page)).toBe(stepOf(5).title.en);
    expect(errors).toEqual([]);
  });
});

describe('predict, then reveal', () => {
  it('keeps a choice step’s outcome hidden until Reveal, then says the model’s answer and that the choice was right', async () => {
    const { page, errors } = await open(`${BASE}&step=3&view=present`);
    const step = stepOf(3);
    const q = step.question!;
    expect(q.kind).toBe('choice');
    const present = page.locator('div.present');
    const card = present.locator(`article.card[data-outcome="${step.highlight}"]`);
    await card.waitFor();
    expect(await card.getAttribute('class')).toContain('concealed');
    expect(await present.locator('path.series').count()).toBe(0);

    // The choice whose range holds the model's value.
    const answer = modelAnswer(3);
    const value = Number(answer.replace(/,/g, ''));
    const choices = q.kind === 'choice' ? q.choices : [];
    const right = choices.findIndex((c) => c.below === undefined || value < c.below);
    await present.getByRole('radio', { name: choices[right]!.text.en, exact: true }).check();
    await present.getByRole('button', { name: 'Reveal', exact: true }).click();

    const said = present.locator('.story-answer');
    await poll(() => said.textContent()).toContain(
      // Step 3 reads the record at the start of October 2025.
      `The model’s answer: ${choices[right]!.text.en} (it gives ${answer} people in October 2025).`,
    );
    expect(await said.textContent()).toContain('Your choice was right.');
    // The card and the chart show the outcome now, the chart with thick lines for the room.
    await poll(() => card.getAttribute('class')).toBe('card');
    expect(await card.locator('.number').textContent()).toMatch(/^\d[\d,.]*$/);
    await present.locator('path.series').first().waitFor();
    const line = await present
      .locator('path.series')
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).strokeWidth));
    expect(line).toBeGreaterThanOrEqual(3);
    expect(await present.getByText('Hidden until the answer is revealed').count()).toBe(0);
    expect(await present.getByRole('radio').first().isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reveals with the R key and names a wrong choice', async () => {
    const { page, errors } = await open(`${BASE}&step=4&view=present`);
    const step = stepOf(4);
    const q = step.question!;
    const choices = q.kind === 'choice' ? q.choices : [];
    const value = Number(modelAnswer(4).replace(/,/g, ''));
    const right = choices.findIndex((c) => c.below === undefined || value < c.below);
    const wrong = (right + 1) % choices.length;
    const story = page.locator('section.story');
    const concealed = page.locator(`article.card.concealed[data-outcome="${step.highlight}"]`);
    await story.getByRole('radio', { name: choices[wrong]!.text.en, exact: true }).check();
    expect(await concealed.count()).toBe(1);
    // The focus is on the radio button: R is not typing there.
    await page.keyboard.press('r');
    const said = story.locator('.story-answer');
    await poll(() => said.textContent()).toContain(`The model’s answer: ${choices[right]!.text.en}`);
    expect(await said.textContent()).toContain(`You chose “${choices[wrong]!.text.en}”.`);
    await poll(() => concealed.count()).toBe(0);
    expect(await page.locator(`article.card[data-outcome="${step.highlight}"] .number`).textContent()).toMatch(/^\d/);
    expect(errors).toEqual([]);
  });

  it('answers a number step with the model’s value and likely range, and says where the guess falls', async () => {
    const { page, errors } = await open(`${BASE}&step=1`);
    const step = stepOf(1);
    expect(step.question?.kind).toBe('number');
    const story = page.locator('section.story');
    const guess = story.getByRole('spinbutton');
    await guess.fill('1500');
    // Typing in the field is typing: R writes nothing and reveals nothing.
    await guess.press('r');
    expect(await story.locator('.story-answer').count()).toBe(0);
    expect(await page.locator(`article.card.concealed[data-outcome="${step.highlight}"]`).count()).toBe(1);

    await story.getByRole('button', { name: 'Reveal', exact: true }).click();
    const said = story.locator('.story-answer');
    // The likely range comes with the worker's bands.
    await poll(() => said.textContent()).toMatch(
      new RegExp(`^The model: ${modelAnswer(1)} people \\(likely [\\d,]+ to [\\d,]+\\)\\.`),
    );
    expect(await said.textContent()).toMatch(/Your guess, 1,500, is (within|outside) the likely range\.$/);
    const [, low, high] = (await said.textContent())!
      .match(/likely ([\d,]+) to ([\d,]+)/)!
      .map((s) => s.replace(/,/g, ''));
    const within = 1500 >= Number(low) && 1500 <= Number(high);
    expect(await said.textContent()).toContain(within ? 'within the likely range' : 'outside the likely range');
    await poll(() => page.locator(`article.card.concealed[data-outcome="${step.highlight}"]`).count()).toBe(0);
    expect(await guess.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('a lever changed from the story', () => {
  it('is marked and written into the link, and “Back to the step’s settings” restores it', async () => {
    const { page, errors } = await open(`${BASE}&step=7`);
    const set = stepOf(7).set!;
    expect(set.russiaSupport).toBe(90);
    const russia = slider(page, 'russiaSupport');
    expect(await russia.inputValue()).toBe('90');
    expect(await page.getByText('changed from the story').count()).toBe(0);

    await russia.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await poll(() => russia.inputValue()).toBe('80');
    await poll(() => param(page, 'russiaSupport')).toBe('80');
    expect(await page.locator('[data-lever="russiaSupport"] .lever-changed').textContent()).toBe(
      'changed from the story',
    );
    expect(await page.locator('.story-changed').textContent()).toContain('Russian support: changed from the story');

    await page.getByRole('button', { name: 'Back to the step’s settings', exact: true }).click();
    await poll(() => russia.inputValue()).toBe('90');
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2&step=7');
    expect(await page.getByText('changed from the story').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('is still there after Next and Back', async () => {
    const { page, errors } = await open(`${BASE}&step=7`);
    const russia = slider(page, 'russiaSupport');
    await russia.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await poll(() => param(page, 'russiaSupport')).toBe('80');

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await poll(() => param(page, 'step')).toBe('8');
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2&step=8');
    await page.goBack();
    await poll(() => title(page)).toBe(stepOf(7).title.en);
    expect(await search(page)).toBe('?scenario=belarus-prisoners&v=2&step=7&russiaSupport=80');
    expect(await russia.inputValue()).toBe('80');
    expect(errors).toEqual([]);
  });
});

describe('the QR codes', () => {
  it('encode, in the share dialog, the link in its field, which is the address of the page', async () => {
    const { page, errors } = await open(`${BASE}&step=3`, { scale: 2 });
    await slider(page, 'exileShare').focus();
    await page.keyboard.press('Home');
    const dialog = await openShare(page);
    const field = dialog.getByRole('textbox', { name: 'Link to this view', exact: true });
    const link = await field.inputValue();
    expect(new URL(link).searchParams.get('exileShare')).toBe('0');
    expect(new URL(link).searchParams.get('step')).toBe('3');
    const qr = dialog.getByRole('img', { name: /^QR code of the link/ });
    expect(await qr.getAttribute('aria-label')).toBe(`QR code of the link ${link}`);
    expect(await qrText(page, qr)).toBe(link);
    await poll(() => href(page)).toBe(link);
    expect(errors).toEqual([]);
  });

  it('encode, in the presentation view, the page view of the same step, for a phone', async () => {
    const { page, errors } = await open(`${BASE}&step=3&view=present`, { scale: 2 });
    const qr = page.locator('figure.present-qr svg[role="img"]');
    await qr.waitFor();
    const text = await qrText(page, qr);
    const address = await href(page);
    expect(address).toContain('view=present');
    expect(text).toBe(address.replace('&view=present', ''));
    expect(new URL(text!).searchParams.get('step')).toBe('3');
    expect(new URL(text!).searchParams.get('view')).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('the settings file', () => {
  it('downloads from the share dialog as JSON with the scenario, every lever and the link', async () => {
    const { page, errors } = await open(`${BASE}&step=7`);
    await slider(page, 'russiaSupport').focus();
    await page.keyboard.press('ArrowLeft');
    const dialog = await openShare(page);
    const link = await dialog.getByRole('textbox', { name: 'Link to this view', exact: true }).inputValue();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download the settings (JSON)', exact: true }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('belarus-prisoners-settings.json');
    const text = await readFile(await file.path(), 'utf8');
    expect(text.length).toBeGreaterThan(0);
    const json = JSON.parse(text) as { scenario: string; link: string; levers: Record<string, { value: number }> };
    expect(json.scenario).toBe('belarus-prisoners');
    expect(Object.keys(json.levers).sort()).toEqual(scenario.levers.map((l) => l.id).sort());
    expect(json.levers.russiaSupport?.value).toBe(85);
    expect(json.link).toBe(link);
    await poll(() => href(page)).toBe(json.link);
    expect(errors).toEqual([]);
  });
});

describe('printing', () => {
  it('shows the handout with the settings, the link and its QR code, and hides the controls', async () => {
    const { page, errors } = await open(`${BASE}&step=3`, { scale: 2 });
    await page.locator('path.series').first().waitFor();
    const top = page.locator('.handout-top');
    const end = page.locator('.handout-end');
    // Not built for the screen: the page carries none of it until it prints.
    await page.waitForLoadState('networkidle');
    expect(await top.count()).toBe(0);

    await page.emulateMedia({ media: 'print' });
    await top.waitFor();
    await end.locator('svg[role="img"]').waitFor();
    expect(await top.isVisible()).toBe(true);
    expect(await end.isVisible()).toBe(true);
    expect(await top.locator('h1').textContent()).toBe(scenario.title.en);
    expect(await top.getByText('Settings', { exact: true }).isVisible()).toBe(true);
    expect(await top.textContent()).toContain(stepOf(3).title.en);
    expect(await end.getByText('Open this view', { exact: true }).isVisible()).toBe(true);
    // The headline outcomes with their likely ranges, once the worker has answered.
    const outcomes = top.locator('.handout-outcomes li');
    expect(await outcomes.count()).toBe(scenario.outcomes.filter((o) => o.headline).length);
    await poll(() => outcomes.first().textContent()).toMatch(/\(likely [\d,.]+ to [\d,.]+\)$/);
    const link = await href(page);
    await poll(() => end.locator('.handout-link p').textContent()).toBe(link);
    const qr = end.locator('svg[role="img"]');
    expect(await qr.isVisible()).toBe(true);
    expect(await qrText(page, qr)).toBe(link);
    expect(await page.locator('.lever-panel').isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('svg.line-chart').first().isVisible()).toBe(true);

    await page.emulateMedia({ media: 'screen' });
    expect(await top.isVisible()).toBe(false);
    expect(await end.isVisible()).toBe(false);
    expect(await page.locator('.lever-panel').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('is drawn in the same task as the browser’s “about to print” event, so the printout has it', async () => {
    const { page, errors } = await open(`${BASE}&step=3`);
    await page.locator('path.series').first().waitFor({ state: 'attached' });
    // The handout's code is fetched when the page is idle: wait until it has arrived and run.
    const chunk = () =>
      page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .find((name) => /\/assets\/Handout-[\w-]+\.js$/.test(name)) ?? null,
      );
    await poll(chunk).not.toBeNull();
    // Importing it again gives the app's own module instance, once it has been evaluated. (A
    // string, so Vitest does not rewrite the import() meant for the page.)
    await page.evaluate(`import(${JSON.stringify(await chunk())}).then(() => undefined)`);
    const drawn = await page.evaluate(() => {
      const before = document.querySelector('.handout-top') !== null;
      window.dispatchEvent(new Event('beforeprint'));
      return { before, after: document.querySelector('.handout-top') !== null };
    });
    expect(drawn).toEqual({ before: false, after: true });
    expect(await page.locator('.handout-end svg[role="img"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('an embedded page with a locked and a hidden lever', () => {
  it('has no header, keeps the locked lever where it is, leaves out the hidden one and links to the whole app', async () => {
    const { page, errors } = await open(`${BASE}&embed=1&lock=usRelief&hide=russiaSupport`);
    await page.locator('.lever-panel').waitFor();
    expect(await page.locator('.app-header').count()).toBe(0);

    const relief = page.getByRole('slider', { name: 'US sanctions relief on offer', exact: true });
    expect(await relief.isDisabled()).toBe(true);
    expect(await page.locator('[data-lever="usRelief"] .lever-number').isDisabled()).toBe(true);
    expect(await page.locator('[data-lever="usRelief"]').textContent()).toContain('locked by the link');
    const before = await relief.inputValue();
    await relief.focus();
    for (const key of ['ArrowRight', 'End', 'PageUp', 'ArrowUp']) await page.keyboard.press(key);
    await relief.click({ force: true, position: { x: 100, y: 5 } });
    expect(await relief.inputValue()).toBe(before);
    await poll(() => search(page)).toBe('?scenario=belarus-prisoners&v=2&embed=1&lock=usRelief&hide=russiaSupport');

    expect(await page.getByRole('slider', { name: 'Russian support', exact: true }).count()).toBe(0);
    expect(await page.locator('[data-lever="russiaSupport"]').count()).toBe(0);
    const out = page.getByRole('link', { name: 'Open in Leverage Lab', exact: true });
    expect(await out.count()).toBe(1);
    const target = new URL((await out.getAttribute('href'))!);
    expect(target.searchParams.get('embed')).toBeNull();
    expect(target.searchParams.get('lock')).toBe('usRelief');
    expect(errors).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('take back a run of arrow presses as one step with Ctrl+Z once the focus has left the slider, and Ctrl+Shift+Z redoes it', async () => {
    const { page, errors } = await open('/');
    const relief = slider(page, 'usRelief');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    expect(await undo.isDisabled()).toBe(true);
    expect(await redo.isDisabled()).toBe(true);

    await relief.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await poll(() => relief.inputValue()).toBe('4');
    expect(await undo.isEnabled()).toBe(true);
    expect(await redo.isDisabled()).toBe(true);

    // Off the slider, to its reset button: a button, not a field that undoes typing.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Control+z');
    await poll(() => relief.inputValue()).toBe('0');
    await poll(() => param(page, 'usRelief')).toBeNull();
    expect(await undo.isDisabled()).toBe(true);
    expect(await redo.isEnabled()).toBe(true);

    await page.keyboard.press('Control+Shift+z');
    await poll(() => relief.inputValue()).toBe('4');
    await poll(() => param(page, 'usRelief')).toBe('4');
    expect(await undo.isEnabled()).toBe(true);
    expect(await redo.isDisabled()).toBe(true);

    await undo.click();
    await poll(() => relief.inputValue()).toBe('0');
    await page.keyboard.press('Control+y');
    await poll(() => relief.inputValue()).toBe('4');
    expect(errors).toEqual([]);
  });
});

describe('the keyboard help', () => {
  it('opens with the ? key, lists the keys and closes with Esc', async () => {
    const { page, errors } = await open(`${BASE}&step=3`);
    await page.locator('section.story').waitFor();
    await blur(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const keys = await dialog.locator('kbd').allTextContents();
    expect(keys).toEqual(
      expect.arrayContaining(['→', 'Page Down', 'R', 'P', 'F', 'Esc', 'Ctrl+Z', 'Ctrl+Shift+Z', '?']),
    );
    expect(await dialog.getByRole('row').count()).toBeGreaterThanOrEqual(10);
    expect(await dialog.getByText('reveal the answer').count()).toBe(1);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The story did not move, and the page is still the page.
    expect(await param(page, 'step')).toBe('3');
    expect(await page.locator('div.present').count()).toBe(0);
    // The header's "?" button opens it too.
    await page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
    await dialog.waitFor();
    expect(errors).toEqual([]);
  });
});

describe('accessibility', () => {
  it.each([
    ['English', ''],
    ['Arabic', '&lang=ar'],
  ])(
    'of the presentation view in %s, before and after the reveal: axe-core finds no violations',
    async (_language, lang) => {
      const { page, errors } = await open(`${BASE}&step=3&view=present${lang}`);
      await page.locator('figure.present-qr svg[role="img"]').waitFor();
      await page.locator('.present section.story').waitFor();
      const violations = await axeViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
      // Revealed, with the card's number, the chart and the answer on the screen.
      await page.keyboard.press('r');
      await page.locator('.present path.series').first().waitFor();
      await page.locator('.present .story-answer').waitFor();
      const revealed = await axeViolations(page);
      expect(revealed, revealed.join('\n')).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('of the share dialog: axe-core finds no violations', async () => {
    const { page, errors } = await open(`${BASE}&step=3`);
    await page.locator('path.series').first().waitFor();
    const dialog = await openShare(page);
    await dialog.getByRole('img', { name: /^QR code of the link/ }).waitFor();
    const violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
