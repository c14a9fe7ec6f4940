/**
 * One way to write each series of a scenario, wherever it appears (a card, a chart's read-out, an
 * arrow): its own decimals and unit. Outcomes and the series that declare a format use theirs;
 * others are written by their size.
 */
import type { Scenario } from '../model/schema.ts';
import { formatAuto, formatNumber, type Lang } from '../i18n/index.ts';

export function seriesItem(scenario: Scenario, id: string) {
  return (
    scenario.outcomes.find((o) => o.id === id) ??
    scenario.variables.find((v) => v.id === id) ??
    scenario.stocks.find((s) => s.id === id)
  );
}

/** The number alone, with the series' decimals. */
export function seriesNumber(scenario: Scenario, id: string, value: number, lang: Lang): string {
  const decimals = seriesItem(scenario, id)?.format?.decimals;
  return decimals === undefined ? formatAuto(lang, value) : formatNumber(lang, value, decimals);
}

/** The number and its unit: "1,152 people", "0.80 billion euros". */
export function seriesValue(scenario: Scenario, id: string, value: number, lang: Lang): string {
  const unit = seriesItem(scenario, id)?.unit[lang] ?? '';
  return `${seriesNumber(scenario, id, value, lang)} ${unit}`.trim();
}
