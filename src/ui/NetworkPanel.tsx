/**
 * The leverage network: the scenario's actors, and its channels as arrows as wide as each channel
 * is strong at the end of the run, next to the widest it gets over the scenario's lever ranges.
 * The layout (charts/networkLayout.ts) depends on the names and the room, not on the levers, so it
 * is computed once per language and width; a lever step changes only the arrows' widths and values.
 */
import { useMemo, useState } from 'react';
import { NetworkChart, type LinkStrength } from '../charts/NetworkChart.tsx';
import { networkLayout } from '../charts/networkLayout.ts';
import { selectConcealed, selectReach, selectResult } from '../state/derived.ts';
import { useApp, useScenario, useT } from './context.ts';
import { seriesItem, seriesNumber } from './format.ts';
import { useWidth } from './useWidth.ts';

/**
 * The network's own proportions. Narrower than WIDE (a phone), it is laid out for the room it has,
 * its arrows carry numbers, and the list of channels under it, always shown, gives their words.
 * (.network-box in app.css keeps the same proportions while the box is being measured.)
 */
const WIDTH = 760;
const HEIGHT = 480;
const WIDE = 640;

export function NetworkPanel() {
  const scenario = useScenario();
  const { lang, t } = useT();
  const reach = useApp(selectReach);
  const ends = useApp((s) => selectResult(s).series);
  const [box, room] = useWidth<HTMLDivElement>(WIDTH);
  const numbered = room !== undefined && room < WIDE;
  const width = numbered ? room : WIDTH;
  const height = numbered ? Math.round(room * 1.1) : HEIGHT;
  const layout = useMemo(
    () =>
      room !== undefined &&
      networkLayout(
        scenario.actors.map((a, i, all) => {
          const angle = (2 * Math.PI * i) / all.length;
          const [x, y] = a.position ?? [0.5 + 0.45 * Math.cos(angle), 0.5 + 0.45 * Math.sin(angle)];
          return { id: a.id, label: a.name[lang], color: a.color, x, y };
        }),
        scenario.links.map((l) => ({
          from: l.from,
          to: l.to,
          label: l.label[lang],
          unit: seriesItem(scenario, l.strength)?.unit[lang] ?? '',
          widestValue: seriesNumber(scenario, l.strength, reach.ends[l.strength] ?? 0, lang),
        })),
        { width, height },
        { numbered },
      ),
    [scenario, lang, reach, room, width, height, numbered],
  );
  const concealed = useApp(selectConcealed);
  const strengths: LinkStrength[] = scenario.links.map((l) => {
    // A story step's question keeps its outcome's arrow at rest until the answer is revealed.
    if (l.strength === concealed) return { value: '?', strength: 0 };
    const value = ends[l.strength]?.at(-1) ?? 0;
    const widest = reach.ends[l.strength] ?? 0;
    return {
      value: seriesNumber(scenario, l.strength, value, lang),
      strength: widest > 0 ? Math.min(1, Math.abs(value) / widest) : 0,
    };
  });
  const nameOf = (id: string) => scenario.actors.find((a) => a.id === id)?.name[lang] ?? id;
  const [open, setOpen] = useState(false);
  // The channels in words, numbered as the arrows of a numbered layout.
  const list = (
    <ol>
      {scenario.links.map((l, i) => (
        <li key={`${l.from}-${l.to}`}>
          {nameOf(l.from)} → {nameOf(l.to)}: {l.label[lang]},{' '}
          {`${strengths[i]!.value} ${seriesItem(scenario, l.strength)?.unit[lang] ?? ''}`.trim()}
        </li>
      ))}
    </ol>
  );
  return (
    <section className="network" aria-labelledby="network-heading">
      <h2 id="network-heading">{t('network')}</h2>
      <div ref={box} className="network-box">
        <div className="network-frame">
          {layout && <NetworkChart name={t('networkName')} layout={layout} strengths={strengths} />}
        </div>
      </div>
      {numbered ? (
        <div className="channels">
          <h3>{t('channels')}</h3>
          {list}
        </div>
      ) : (
        <details className="channels" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('channels')}</summary>
          {open && list}
        </details>
      )}
    </section>
  );
}
