import { memo, useMemo, useRef, useState } from 'react';
import { NetworkChart, type LinkStrength, type NetworkLink, type NetworkNode } from '../charts/NetworkChart.tsx';
import { derive, fixed, useLiveEffect, writeText, type Live } from '../charts/live.ts';
import { formatAuto } from '../i18n/index.ts';
import { linkMaxOf } from '../state/results.ts';
import { useScenario, useSources, useT } from './context.ts';

const CLOSED = fixed<readonly LinkStrength[]>([]);

/**
 * One channel in words, for those who do not see the arrows. Its value follows the levers while
 * the list is open; a closed list is neither shown nor read out, so it is not written.
 */
const Channel = memo(function Channel({
  text,
  unit,
  index,
  strengths,
  open,
}: {
  text: string;
  unit: string;
  index: number;
  strengths: Live<readonly LinkStrength[]>;
  open: boolean;
}) {
  const value = useRef<HTMLSpanElement>(null);
  useLiveEffect(
    open ? strengths : CLOSED,
    (all) => all[index]?.value,
    (v) => {
      if (v !== undefined) writeText(value.current, `${v} ${unit}`.trim());
    },
  );
  return (
    <li>
      {text}, <span ref={value} />
    </li>
  );
});

export function NetworkPanel() {
  const scenario = useScenario();
  const { lang, t } = useT();
  const { results } = useSources();
  const nodes: NetworkNode[] = useMemo(
    () =>
      scenario.actors.map((a, i, all) => {
        const angle = (2 * Math.PI * i) / all.length;
        const [x, y] = a.position ?? [0.5 + 0.45 * Math.cos(angle), 0.5 + 0.45 * Math.sin(angle)];
        return { id: a.id, label: a.name[lang], color: a.color, x, y };
      }),
    [scenario, lang],
  );
  // Each channel's unit, and the largest value it reaches over the scenario's lever ranges.
  const { units, maxima } = useMemo(
    () => ({
      maxima: linkMaxOf(scenario),
      units: scenario.links.map(
        ({ strength: id }) =>
          (
            scenario.outcomes.find((o) => o.id === id) ??
            scenario.variables.find((v) => v.id === id) ??
            scenario.stocks.find((s) => s.id === id)
          )?.unit[lang] ?? '',
      ),
    }),
    [scenario, lang],
  );
  const links: NetworkLink[] = useMemo(
    () =>
      scenario.links.map((l, i) => ({
        from: l.from,
        to: l.to,
        label: l.label[lang],
        unit: units[i],
        widestValue: formatAuto(lang, maxima.get(l.strength) ?? 0),
      })),
    [scenario, lang, maxima, units],
  );
  const strengths = useMemo(
    () =>
      derive(results, (r): LinkStrength[] =>
        scenario.links.map((l) => {
          const s = r.result.series[l.strength];
          const value = s ? s[s.length - 1]! : 0;
          const max = maxima.get(l.strength) ?? 0;
          return {
            value: formatAuto(lang, value),
            strength: max > 0 ? Math.min(1, Math.abs(value) / max) : 0,
          };
        }),
      ),
    [results, scenario, lang, maxima],
  );
  const nameOf = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const [open, setOpen] = useState(false);
  return (
    <section className="network" aria-labelledby="network-heading">
      <h2 id="network-heading">{t('network')}</h2>
      <NetworkChart
        name={t('networkName')}
        width={760}
        height={480}
        nodes={nodes}
        links={links}
        strengths={strengths}
      />
      <details className="channels" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('channels')}</summary>
        <ul>
          {links.map((l, i) => (
            <Channel
              key={`${l.from}-${l.to}`}
              text={`${nameOf(l.from)} → ${nameOf(l.to)}: ${l.label}`}
              unit={l.unit ?? ''}
              index={i}
              strengths={strengths}
              open={open}
            />
          ))}
        </ul>
      </details>
    </section>
  );
}
