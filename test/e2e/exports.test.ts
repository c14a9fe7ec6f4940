/**
 * Browser tests of the downloads in the built app: each chart as a PNG and an SVG file, its series
 * as CSV, made in Chromium from the chart as drawn.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtApp, watchErrors } from './browser.ts';

const app = builtApp();

async function open(path: string, viewport = { width: 1280, height: 800 }) {
  const phone = viewport.width < 700;
  const context = await app.newContext({ viewport, acceptDownloads: true, hasTouch: phone, isMobile: phone });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(new URL(path, app.base()).href);
  await page.locator('path.series').first().waitFor();
  return { page, errors, requested };
}

/** Presses a chart's download button and returns the file the browser saved. */
async function download(page: Page, chart: string, button: string): Promise<{ file: Download; bytes: Buffer }> {
  const group = page.getByRole('group', { name: `Downloads of ${chart}` });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    group.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

/** The size of a chart's coordinate system. */
async function viewBox(page: Page, chartId: string): Promise<{ width: number; height: number }> {
  const box = await page.locator(`figure[data-chart="${chartId}"] svg.line-chart`).getAttribute('viewBox');
  const [, , width, height] = box!.split(' ').map(Number);
  return { width: width!, height: height! };
}

const HELD = 'Political prisoners held';

describe('the downloads of a chart', () => {
  it('load nothing until pressed, then give a real PNG at twice the chart’s size, with the chart drawn in it', async () => {
    const { page, errors, requested } = await open('/');
    expect(requested.filter((u) => /\/exports-[^/]*\.js$/.test(u))).toEqual([]);
    const size = await viewBox(page, 'held');
    const { file, bytes } = await download(page, HELD, 'Download PNG');
    expect(file.suggestedFilename()).toBe('belarus-prisoners-held.png');
    expect(requested.some((u) => /\/exports-[^/]*\.js$/.test(u))).toBe(true);
    // The PNG signature, then the IHDR chunk: width and height, big-endian.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({
      width: 2 * size.width,
      height: 2 * size.height,
    });
    // Drawn: white paper and the line's slate, not an empty image.
    const pixels = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const rgba = context.getImageData(0, 0, image.width, image.height).data;
      let white = 0;
      let transparent = 0;
      let slate = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        const [r, g, b, a] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, rgba[i + 3]!];
        if (a === 0) transparent++;
        else if (r > 250 && g > 250 && b > 250) white++;
        // #475569, the held line's colour
        if (Math.abs(r - 0x47) < 12 && Math.abs(g - 0x55) < 12 && Math.abs(b - 0x69) < 12 && a > 200) slate++;
      }
      return { total: rgba.length / 4, white, transparent, slate };
    }, bytes.toString('base64'));
    expect(pixels.transparent).toBe(0);
    expect(pixels.white / pixels.total).toBeGreaterThan(0.5);
    expect(pixels.slate).toBeGreaterThan(200);
    expect(errors).toEqual([]);
  });

  it('give an SVG document that parses, with the chart’s lines and their styles written on them', async () => {
    const { page, errors } = await open('/');
    const { file, bytes } = await download(page, HELD, 'Download SVG');
    expect(file.suggestedFilename()).toBe('belarus-prisoners-held.svg');
    const text = bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    const drawn = await page.evaluate((svgText) => {
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      const root = doc.documentElement;
      const live = document.querySelector('figure[data-chart="held"] svg.line-chart')!;
      const attrs = (el: Element | null, names: string[]) =>
        Object.fromEntries(names.map((n) => [n, el?.getAttribute(n) ?? null]));
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.localName,
        namespace: root.namespaceURI,
        size: attrs(root, ['width', 'height', 'viewBox']),
        liveViewBox: live.getAttribute('viewBox'),
        liveName: live.getAttribute('aria-label'),
        title: root.querySelector(':scope > title')?.textContent ?? null,
        paths: [...root.querySelectorAll('path.series')].map((p) => p.getAttribute('d')),
        livePaths: [...live.querySelectorAll('path.series')].map((p) => p.getAttribute('d')),
        series: attrs(root.querySelector('path.series'), ['stroke', 'stroke-width', 'fill']),
        baseline: attrs(root.querySelector('path.baseline'), ['stroke', 'stroke-dasharray', 'opacity', 'fill']),
        text: attrs(root.querySelector('.axis-y text'), ['font-size', 'fill', 'text-anchor']),
        fonts: root.getAttribute('font-family'),
        clip: root.querySelector('clipPath')?.id ?? null,
        clipped: root.querySelector('g.lines')?.getAttribute('clip-path') ?? null,
      };
    }, text);
    expect(drawn.error).toBeNull();
    expect(drawn.root).toBe('svg');
    expect(drawn.namespace).toBe('http://www.w3.org/2000/svg');
    const [, , width, height] = drawn.liveViewBox!.split(' ');
    expect(drawn.size).toEqual({ width, height, viewBox: drawn.liveViewBox });
    expect(drawn.title).toBe(drawn.liveName);
    expect(drawn.title).toMatch(/^Political prisoners held, /);
    expect(drawn.paths).toEqual(drawn.livePaths);
    expect(drawn.paths.length).toBeGreaterThan(0);
    // The line's colour and width, the dashed default line: as app.css draws them.
    expect(drawn.series).toEqual({ stroke: 'rgb(71, 85, 105)', 'stroke-width': '2.5px', fill: 'none' });
    expect(drawn.baseline).toMatchObject({ stroke: 'rgb(71, 85, 105)', 'stroke-dasharray': '4px, 4px' });
    expect(drawn.baseline.opacity).toBe('0.45');
    expect(drawn.text).toEqual({ 'font-size': '13px', fill: 'rgb(71, 85, 105)', 'text-anchor': 'end' });
    expect(drawn.fonts).toMatch(/sans-serif/);
    expect(drawn.clip).toMatch(/^[A-Za-z_][\w.-]*$/);
    expect(drawn.clipped).toBe(`url(#${drawn.clip})`);
    expect(errors).toEqual([]);
  });

  it('give the series as CSV: a BOM, the header, and 25 rows, two years a month at a time and the start', async () => {
    const { page, errors } = await open('/?usRelief=8');
    const { file, bytes } = await download(
      page,
      'Freed, exiled and newly imprisoned (since August 2025)',
      'Download CSV',
    );
    expect(file.suggestedFilename()).toBe('belarus-prisoners-flows.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toMatch(/^month,Freed early \(people\),/);
    expect(lines[0]).toContain('Newly imprisoned (people)');
    const rows = lines.slice(1);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatch(/^2025-08,\d/);
    expect(rows[24]).toMatch(/^2027-08,\d/);
    for (const row of rows) expect(row).toMatch(/^\d{4}-\d{2}(,-?\d+(\.\d+)?)+$/);
    expect(errors).toEqual([]);
  });

  it('are big enough for a finger on a phone, and write the CSV’s header in Arabic for an Arabic reader', async () => {
    const { page, errors } = await open('/?lang=ar', { width: 375, height: 800 });
    const buttons = page
      .getByRole('group', { name: /^تنزيلات «/ })
      .first()
      .getByRole('button');
    expect(await buttons.allTextContents()).toEqual(['تنزيل PNG', 'تنزيل SVG', 'تنزيل CSV']);
    for (const box of await buttons.evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON()))) {
      expect((box as DOMRect).height).toBeGreaterThanOrEqual(44);
    }
    const [file] = await Promise.all([page.waitForEvent('download'), buttons.last().tap()]);
    const text = (await readFile(await file.path())).toString('utf8');
    expect(text.startsWith('\uFEFFالشهر,')).toBe(true);
    expect(errors).toEqual([]);
  });
});
