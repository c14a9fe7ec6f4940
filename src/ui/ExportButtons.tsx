/**
 * A chart's downloads: the chart as PNG and as SVG, its series as CSV. What makes the files
 * (exports.ts, state/exportData.ts) is loaded on the first click, so it adds nothing to the page's
 * first load.
 */
import { useState, type RefObject } from 'react';
import type { MonteCarloResult } from '../model/analysis.ts';
import type { Chart } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { useScenario, useT } from './context.ts';

export interface ExportButtonsProps {
  chart: Chart;
  /** the box the chart's `<svg>` is drawn in */
  box: RefObject<HTMLElement | null>;
  result: SimulationResult;
  /** the Monte Carlo bands of these settings, if known (not those of earlier settings) */
  bands: MonteCarloResult | undefined;
  /** the chart's accessible name: the title of the SVG file */
  name: string;
}

type Format = 'png' | 'svg' | 'csv';

export function ExportButtons({ chart, box, result, bands, name }: ExportButtonsProps) {
  const scenario = useScenario();
  const { lang, t } = useT();
  const [busy, setBusy] = useState<Format | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  const save = async (format: Format) => {
    const [files, data] = await Promise.all([import('./exports.ts'), import('../state/exportData.ts')]);
    const file = data.exportName(scenario.id, chart.id, format);
    if (format === 'csv') {
      const ids = chart.series.map((s) => s.id);
      files.downloadFile(data.seriesCsv(scenario, result, ids, lang, bands), file, 'text/csv;charset=utf-8');
      return;
    }
    const svg = box.current?.querySelector('svg');
    if (!svg) return;
    const text = files.svgFile(svg, name);
    if (format === 'svg') {
      files.downloadFile(text, file, 'image/svg+xml;charset=utf-8');
      return;
    }
    const { width, height } = files.svgSize(svg);
    files.downloadFile(await files.pngBlob(text, width, height), file, 'image/png');
  };

  const onClick = (format: Format) => () => {
    setBusy(format);
    setFailed(false);
    save(format)
      .catch(() => setFailed(true))
      .finally(() => setBusy(undefined));
  };

  const buttons: [Format, 'downloadPng' | 'downloadSvg' | 'downloadCsv'][] = [
    ['png', 'downloadPng'],
    ['svg', 'downloadSvg'],
    ['csv', 'downloadCsv'],
  ];
  return (
    <div className="downloads" role="group" aria-label={t('downloadsOf', { title: chart.title[lang] })}>
      {buttons.map(([format, key]) => (
        <button key={format} type="button" aria-busy={busy === format || undefined} onClick={onClick(format)}>
          {t(key)}
        </button>
      ))}
      <span role="status" className="download-status">
        {failed ? t('downloadFailed') : ''}
      </span>
    </div>
  );
}
