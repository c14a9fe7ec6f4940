import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { svgFile } from '../../src/ui/exports.ts';
import { founding } from '../helpers.ts';
import { renderApp } from './render.tsx';

const model = founding();
const { scenario } = model;

/** The files the page downloads: each anchor clicked, with its blob (jsdom has no object URLs). */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  let made = 0;
  const files: { name: string; blob: Blob }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${++made}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

/** The fields of a CSV line whose quoted fields hold no quote. */
const fields = (line: string) =>
  Array.from(line.matchAll(/(?:^|,)("[^"]*"|[^,]*)/g), (m) => m[1]!.replace(/^"|"$/g, ''));

/** A blob's text, bytes as UTF-8 (a BOM is kept, as a spreadsheet sees it). */
async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await blob.arrayBuffer()));
}

beforeEach(() => {
  // jsdom has no object URLs: stubs, for the spies to replace.
  URL.createObjectURL ??= () => '';
  URL.revokeObjectURL ??= () => undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the downloads of a chart', () => {
  it('are a group named after each chart, of three buttons that say the format', () => {
    renderApp();
    for (const chart of scenario.charts) {
      const group = screen.getByRole('group', { name: `Downloads of ${chart.title.en}` });
      expect(
        within(group)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Download PNG', 'Download SVG', 'Download CSV']);
      // The group belongs to its chart.
      expect(group.closest('figure')?.getAttribute('data-chart')).toBe(chart.id);
    }
  });

  it('say what they are in Arabic', () => {
    renderApp('?lang=ar');
    const chart = scenario.charts[0]!;
    const group = screen.getByRole('group', { name: `تنزيلات «${chart.title.ar}»` });
    expect(within(group).getByRole('button', { name: 'تنزيل CSV' })).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'تنزيل PNG' })).toBeTruthy();
  });

  it('download the series of the chart as CSV: a BOM, the header, a row a month at the current settings', async () => {
    const files = captureDownloads();
    renderApp('?usRelief=8');
    // Once the likely ranges of these settings are drawn.
    await waitFor(() => {
      expect(document.querySelectorAll('path.range').length).toBeGreaterThan(0);
      expect(document.querySelector('.lines.updating')).toBeNull();
    });
    const chart = scenario.charts.find((c) => c.id === 'flows')!;
    const group = await screen.findByRole('group', { name: `Downloads of ${chart.title.en}` });
    await userEvent.click(within(group).getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const [file] = files;
    expect(file!.name).toBe('belarus-prisoners-flows.csv');
    expect(file!.blob.type).toBe('text/csv;charset=utf-8');
    const text = await textOf(file!.blob);
    expect(text.startsWith('\uFEFFmonth,Freed early (people),')).toBe(true);
    const lines = text.slice(1).split('\r\n').map(fields);
    expect(lines).toHaveLength(25 + 2);
    expect(lines.pop()).toEqual(['']);
    // The likely ranges were drawn for these settings: they come along.
    expect(lines[0]).toEqual([
      'month',
      ...['Freed early', 'Forced into exile', 'Newly imprisoned'].flatMap((label) => [
        `${label} (people)`,
        `${label}, likely low (10th percentile)`,
        `${label}, likely high (90th percentile)`,
      ]),
    ]);
    expect(lines[1]![0]).toBe('2025-08');
    expect(lines[25]![0]).toBe('2027-08');
    const expected = simulate(model, { usRelief: 8 }).series.arrestsTotal!;
    const column = lines[0]!.indexOf('Newly imprisoned (people)');
    lines.slice(1).forEach((row, i) => expect(Number(row[column])).toBeCloseTo(expected[i]!, 2));
  });

  it('download the chart as a standalone SVG document', async () => {
    const files = captureDownloads();
    renderApp();
    const chart = scenario.charts[0]!;
    const group = screen.getByRole('group', { name: `Downloads of ${chart.title.en}` });
    await userEvent.click(within(group).getByRole('button', { name: 'Download SVG' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toBe('belarus-prisoners-held.svg');
    const doc = new DOMParser().parseFromString(await textOf(files[0]!.blob), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const svg = doc.documentElement;
    expect(svg.querySelector(':scope > title')?.textContent).toMatch(/^Political prisoners held, /);
    // (jsdom computes no styles from presentation attributes: the colours are checked in Chromium.)
    expect(svg.querySelector('path.series')?.getAttribute('d')).toBe(
      document.querySelector('figure[data-chart="held"] path.series')!.getAttribute('d'),
    );
  });
});

describe('a chart as an SVG file', () => {
  it('is a clone of the chart with its size, a title, a white background, and valid XML ids', () => {
    renderApp();
    const svg = document.querySelector<SVGSVGElement>('figure[data-chart="held"] svg')!;
    // React's ids can hold characters no XML id may (older Reacts wrote «r1» and :r1:).
    const clip = svg.querySelector('clipPath')!;
    clip.id = '«r1»:clip';
    svg.querySelector('g[clip-path]')!.setAttribute('clip-path', 'url(#«r1»:clip)');
    const [, , width, height] = svg.getAttribute('viewBox')!.split(' ');

    const text = svgFile(svg, 'Held, "a title" & more');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(width);
    expect(root.getAttribute('height')).toBe(height);
    expect(root.hasAttribute('tabindex')).toBe(false);
    const [title, background] = Array.from(root.children);
    expect(title!.localName).toBe('title');
    expect(title!.textContent).toBe('Held, "a title" & more');
    expect(background!.localName).toBe('rect');
    expect(background!.getAttribute('fill')).toBe('#ffffff');
    expect(background!.getAttribute('width')).toBe(width);
    const id = root.querySelector('clipPath')!.id;
    expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
    expect(root.querySelector('g[clip-path]')!.getAttribute('clip-path')).toBe(`url(#${id})`);
    // The page's chart is left as it was.
    expect(svg.querySelector('clipPath')!.id).toBe('«r1»:clip');
    expect(svg.querySelector(':scope > title')).toBeNull();
    // Every line of the chart.
    expect(Array.from(root.querySelectorAll('path'), (p) => p.getAttribute('d'))).toEqual(
      Array.from(svg.querySelectorAll('path'), (p) => p.getAttribute('d')),
    );
  });
});
