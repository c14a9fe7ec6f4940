import { useMemo } from 'react';
import { NetworkChart, type NetworkLink, type NetworkNode } from '../charts/NetworkChart.tsx';
import type { SimulationResult } from '../model/simulate.ts';
import { formatAuto } from '../i18n/index.ts';
import { linkMaxOf } from '../state/results.ts';
import { useScenario, useT } from './context.ts';

export function NetworkPanel({ result }: { result: SimulationResult }) {
  const scenario = useScenario();
  const { lang, t } = useT();
  const maxima = linkMaxOf(scenario);
  const unitOf = (id: string) =>
    (scenario.outcomes.find((o) => o.id === id) ??
      scenario.variables.find((v) => v.id === id) ??
      scenario.stocks.find((s) => s.id === id))!.unit[lang];
  const nodes: NetworkNode[] = useMemo(
    () =>
      scenario.actors.map((a, i, all) => {
        const angle = (2 * Math.PI * i) / all.length;
        const [x, y] = a.position ?? [0.5 + 0.45 * Math.cos(angle), 0.5 + 0.45 * Math.sin(angle)];
        return { id: a.id, label: a.name[lang], color: a.color, x, y };
      }),
    [scenario, lang],
  );
  const links: NetworkLink[] = scenario.links.map((l) => {
    const s = result.series[l.strength]!;
    const value = s[s.length - 1]!;
    const max = maxima.get(l.strength) ?? 0;
    return {
      from: l.from,
      to: l.to,
      label: l.label[lang],
      valueText: `${formatAuto(lang, value)} ${unitOf(l.strength)}`,
      strength: max > 0 ? Math.min(1, Math.abs(value) / max) : 0,
    };
  });
  const nameOf = (id: string) => nodes.find((n) => n.id === id)!.label;
  return (
    <section className="network" aria-labelledby="network-heading">
      <h2 id="network-heading">{t('network')}</h2>
      <NetworkChart name={t('networkName')} width={760} height={480} nodes={nodes} links={links} />
      <details className="channels">
        <summary>{t('channels')}</summary>
        <ul>
          {links.map((l) => (
            <li key={`${l.from}-${l.to}`}>
              {nameOf(l.from)} → {nameOf(l.to)}: {l.label}, {l.valueText}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
