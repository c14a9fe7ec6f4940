/** The body of "How this is computed", loaded when one is first opened (Explain.tsx). */
import { useMemo } from 'react';
import { inputsOf } from '../model/explain.ts';
import { snapConstant } from '../model/inputs.ts';
import type { Scenario } from '../model/schema.ts';
import { formatNumber, type Lang } from '../i18n/index.ts';
import { useApp, useScenario, useT } from './context.ts';
import { SourceItem } from './SourceItem.tsx';

/** The published model guide, built from docs/model.md next to the app (see docs-plugin.ts). */
export const MODEL_GUIDE = 'model.html';

/** A number as written in the scenario file, in the reader's language. */
function shown(lang: Lang, x: number): string {
  const decimals = Math.min(4, (String(x).split('.')[1] ?? '').length);
  return formatNumber(lang, x, decimals);
}

function itemOf(scenario: Scenario, id: string) {
  return (
    scenario.outcomes.find((o) => o.id === id) ??
    scenario.variables.find((v) => v.id === id) ??
    scenario.stocks.find((s) => s.id === id)
  );
}

/** The rule of each series, and the levers and constants it uses with their values now. */
export default function ExplainDetails({ ids }: { ids: readonly string[] }) {
  const scenario = useScenario();
  const { lang, t } = useT();
  const levers = useApp((s) => s.levers);
  const constants = useApp((s) => s.constants);
  const inputs = useMemo(() => ids.map((id) => ({ id, ...inputsOf(scenario, id) })), [scenario, ids]);
  const leverIds = [...new Set(inputs.flatMap((i) => i.levers))];
  const constantIds = [...new Set(inputs.flatMap((i) => i.constants))];
  // The sources behind the rules, levers and constants shown, listed once at the end.
  const cited = new Set<string>();
  for (const i of inputs) for (const id of itemOf(scenario, i.id)?.sources ?? []) cited.add(id);
  for (const id of leverIds) for (const s of scenario.levers.find((l) => l.id === id)?.sources ?? []) cited.add(s);
  for (const id of constantIds)
    for (const s of scenario.constants.find((c) => c.id === id)?.sources ?? []) cited.add(s);
  const sources = scenario.sources.filter((s) => cited.has(s.id));
  return (
    <div className="explain-body">
      {inputs.map((i) => {
        const item = itemOf(scenario, i.id);
        return (
          <section key={i.id}>
            <h4>{item?.label[lang] ?? i.id}</h4>
            {item?.why && (
              <p>
                <strong>{t('rule')}:</strong> {item.why[lang]}
              </p>
            )}
            <p>
              <strong>{t('inTheFile')}:</strong> <code dir="ltr">{i.equation}</code>
            </p>
          </section>
        );
      })}
      {leverIds.length > 0 && (
        <>
          <h4>{t('usesLevers')}</h4>
          <ul>
            {leverIds.map((id) => {
              const l = scenario.levers.find((x) => x.id === id)!;
              return (
                <li key={id}>
                  {t('leverLine', {
                    label: l.label[lang],
                    value: shown(lang, levers[id] ?? l.default),
                    unit: l.unit[lang],
                  })}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {constantIds.length > 0 && (
        <>
          <h4>{t('usesConstants')}</h4>
          <ul>
            {constantIds.map((id) => {
              const c = scenario.constants.find((x) => x.id === id)!;
              const assumed = constants[id];
              const params = {
                label: c.label[lang],
                value: shown(lang, assumed ?? c.value),
                unit: c.unit[lang],
                low: shown(lang, c.low),
                high: shown(lang, c.high),
                sourced: shown(lang, c.value),
              };
              return (
                <li key={id} data-constant={id}>
                  {assumed !== undefined && snapConstant(c, assumed) !== c.value
                    ? t('constantAssumed', params)
                    : t('constantLine', params)}
                  {c.fitted && <span className="explain-note"> {t('fittedTo', { how: c.fitted.how[lang] })}</span>}
                  {!c.fitted && c.assumption && (
                    <span className="explain-note"> {t('judgement', { text: c.assumption[lang] })}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {sources.length > 0 && (
        <>
          <h4>{t('sources')}</h4>
          <ul className="explain-sources">
            {sources.map((s) => (
              <SourceItem key={s.id} source={s} />
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`${MODEL_GUIDE}#${ids[0]}`}>{t('modelGuide')}</a>
      </p>
    </div>
  );
}
