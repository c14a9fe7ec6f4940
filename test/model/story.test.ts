import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../src/model/analysis.ts';
import { scheduleOf } from '../../src/model/inputs.ts';
import type { StoryStep } from '../../src/model/schema.ts';
import { simulate } from '../../src/model/simulate.ts';
import { answerIndex } from '../../src/model/story.ts';
import { pointOf } from '../../src/model/time.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { parseScenarioText } from '../../src/scenarios/parse.ts';
import { founding, foundingData, toYaml } from '../helpers.ts';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const model = founding();

function messages(mutate: (d: Data) => void) {
  const data = foundingData() as Data;
  mutate(data);
  return validateScenario(data, 'broken.yaml').problems.map((p) => `${p.path}: ${p.message}`);
}

const step = (d: Data, id: string): Data => d.story.find((s: Data) => s.id === id);
const indexOf = (id: string) => (foundingData() as Data).story.findIndex((s: Data) => s.id === id) as number;

describe("the validator's story checks", () => {
  it('accepts the founding story', () => {
    const { scenario, problems } = validateScenario(foundingData(), 'belarus-prisoners.yaml');
    expect(problems).toEqual([]);
    expect(scenario!.story.length).toBeGreaterThanOrEqual(6);
    expect(scenario!.story.length).toBeLessThanOrEqual(8);
  });

  it('rejects two steps with the same id', () => {
    expect(messages((d) => (d.story[1].id = d.story[0].id))).toEqual([
      `story[1].id: duplicate id "${(foundingData() as Data).story[0].id}" in story`,
    ]);
  });

  it('rejects a step whose preset does not exist', () => {
    expect(messages((d) => (d.story[0].preset = 'asItWasPlanned'))).toEqual([
      expect.stringMatching(
        /^story\[0\]\.preset: unknown preset "asItWasPlanned" \(presets: statusQuo, asItHappened, /,
      ),
    ]);
  });

  it('rejects a step that sets an unknown lever, or a lever outside its range', () => {
    const i = indexOf('russiasCushion');
    expect(
      messages((d) => {
        step(d, 'russiasCushion').set = { russiaSupport: 120, chinaLoans: 5 };
      }),
    ).toEqual([
      `story[${i}].set.russiaSupport: 120 is outside 0..100`,
      expect.stringMatching(new RegExp(`^story\\[${i}\\]\\.set\\.chinaLoans: unknown lever "chinaLoans" \\(levers: `)),
    ]);
  });

  it('rejects a highlight that is not an outcome, and levers that are not levers', () => {
    expect(
      messages((d) => {
        d.story[0].highlight = 'held';
        d.story[0].levers = ['arrestRate', 'sentenceMonths'];
      }),
    ).toEqual([
      expect.stringMatching(/^story\[0\]\.highlight: unknown outcome "held" \(outcomes: prisonersHeld, /),
      expect.stringMatching(/^story\[0\]\.levers\[1\]: unknown lever "sentenceMonths" \(levers: polandClosureDays, /),
    ]);
  });

  it('rejects a month before the start or after the horizon, and a day the calendar does not have', () => {
    expect(messages((d) => (d.story[0].at = '2025-07'))).toEqual([
      'story[0].at: 2025-07 is before the scenario starts (2025-08)',
    ]);
    expect(messages((d) => (d.story[0].at = '2027-09'))).toEqual([
      "story[0].at: 2027-09 is after the scenario's horizon (its last month is 2027-08)",
    ]);
    expect(messages((d) => (d.story[0].at = '2026-02-30'))).toEqual([
      'story[0].at: 2026-02-30 is not a day of the calendar',
    ]);
    expect(messages((d) => (d.story[0].at = 'October 2025'))).toEqual(['story[0].at: a date is YYYY-MM or YYYY-MM-DD']);
    // The horizon's own month and any day before it are points the run has.
    expect(messages((d) => (d.story[0].at = '2027-08'))).toEqual([]);
    expect(messages((d) => (d.story[0].at = '2026-02-28'))).toEqual([]);
  });

  it('rejects a choice question with fewer than 2 or more than 3 choices', () => {
    const i = indexOf('airlineTrade');
    const path = `story[${i}].question.choices`;
    expect(messages((d) => step(d, 'airlineTrade').question.choices.splice(1))).toEqual([
      `${path}: a choice question has 2 or 3 choices`,
    ]);
    expect(
      messages((d) => {
        const { choices } = step(d, 'airlineTrade').question;
        choices.splice(2, 0, { text: { en: '80 to 100', ar: 'من 80 إلى 100' }, below: 100 });
      }),
    ).toEqual([`${path}: a choice question has 2 or 3 choices`]);
  });

  it('rejects choices whose upper ends are missing, given to the last choice, or not ascending', () => {
    const i = indexOf('airlineTrade');
    const path = `story[${i}].question.choices`;
    expect(messages((d) => delete step(d, 'airlineTrade').question.choices[0].below)).toEqual([
      `${path}[0]: every choice but the last needs \`below\`, the upper end (exclusive) of its range`,
    ]);
    expect(messages((d) => (step(d, 'airlineTrade').question.choices[2].below = 200))).toEqual([
      `${path}[2].below: the last choice has no upper limit: remove its \`below\``,
    ]);
    expect(messages((d) => (step(d, 'airlineTrade').question.choices[1].below = 30))).toEqual([
      `${path}[1].below: choices must be in increasing order of \`below\` (30 is not above 30)`,
    ]);
  });

  it('rejects a question of an unknown kind, and a number question with choices', () => {
    const i = indexOf('airlineTrade');
    expect(messages((d) => (step(d, 'airlineTrade').question.kind = 'guess'))).toEqual([
      `story[${i}].question.kind: a question's \`kind\` is \`number\` or \`choice\``,
    ]);
    expect(messages((d) => (step(d, 'airlineTrade').question.kind = 'number'))).toEqual([
      `story[${i}].question: unknown field "choices"`,
    ]);
  });

  it('asks for every text of a step in Arabic too', () => {
    expect(messages((d) => delete d.story[0].question.text.ar)).toEqual([
      'story[0].question.text.ar: missing Arabic text (ar)',
    ]);
  });

  it('reports a story problem at its line in the file', () => {
    const data = foundingData() as Data;
    data.story[2].highlight = 'freedInDeals';
    const text = toYaml(data);
    const { problems } = parseScenarioText(text, 'scenarios/broken.yaml');
    expect(problems).toHaveLength(1);
    expect(text.split('\n')[problems[0]!.line! - 1]).toContain('highlight: freedInDeals');
  });
});

/**
 * A step's highlighted outcome at the step's settings: its preset's values and dated events, its
 * own values on top (a value it sets replaces the preset's dates for that lever), read at `at` or
 * as the outcome's card summarises it.
 */
function settingOf(s: StoryStep) {
  const { scenario } = model;
  const preset = scenario.presets.find((p) => p.id === s.preset);
  const schedule = Object.fromEntries(
    Object.entries(scheduleOf(scenario, s.preset)).filter(([lever]) => s.set?.[lever] === undefined),
  );
  return { levers: { ...preset?.values, ...s.set }, schedule };
}

function valueOf(s: StoryStep): number {
  const { levers, schedule } = settingOf(s);
  const result = simulate(model, levers, { schedule });
  const series = result.series[s.highlight]!;
  return s.at === undefined
    ? result.outcomes[s.highlight]!
    : series[pointOf(model.scenario.time, s.at, series.length)]!;
}

/** The likely range (10th to 90th percentile of the Monte Carlo runs, as the app draws them) at a step. */
function likelyRangeOf(s: StoryStep): [number, number] {
  const { levers, schedule } = settingOf(s);
  const bands = monteCarlo(model, levers, { schedule, series: [s.highlight] });
  if (s.at === undefined) return [bands.outcomes[s.highlight]!.p10, bands.outcomes[s.highlight]!.p90];
  const band = bands.series[s.highlight]!;
  const i = pointOf(model.scenario.time, s.at, band.p10.length);
  return [band.p10[i]!, band.p90[i]!];
}

/** The indices of the choices whose range holds `value`. */
function rightChoices(choices: readonly { below?: number | undefined }[], value: number): number[] {
  return choices.flatMap((c, j) => {
    const from = choices[j - 1]?.below ?? -Infinity;
    return value >= from && (c.below === undefined || value < c.below) ? [j] : [];
  });
}

describe('the founding story', () => {
  const { story } = model.scenario;
  const choiceSteps = story.flatMap((s) => (s.question?.kind === 'choice' ? [{ s, q: s.question }] : []));

  it('asks at least four questions, of both kinds', () => {
    const kinds = story.flatMap((s) => (s.question ? [s.question.kind] : []));
    expect(kinds.length).toBeGreaterThanOrEqual(4);
    expect(new Set(kinds)).toEqual(new Set(['number', 'choice']));
  });

  it.each(choiceSteps.map(({ s, q }) => [s.id, s, q] as const))(
    'has exactly one right choice at the settings of step %s, and a model value clear of every threshold',
    (_id, s, q) => {
      const value = valueOf(s);
      expect(Number.isFinite(value)).toBe(true);
      expect(rightChoices(q.choices, value)).toHaveLength(1);
      // A small change to the model must not flip the answer silently: if a threshold is this
      // close, move the threshold in the scenario file.
      for (const c of q.choices) {
        if (c.below !== undefined) {
          expect(Math.abs(value - c.below), `${value} is within 5% of ${c.below}`).toBeGreaterThan(
            0.05 * Math.abs(c.below),
          );
        }
      }
    },
  );

  it.each(choiceSteps.map(({ s, q }) => [s.id, s, q] as const))(
    'keeps the same right choice at step %s across the likely range of its value',
    (_id, s, q) => {
      // The reveal shows the likely range next to the value; a right answer that changed within
      // it would tell students more about the constants' ranges than about the story.
      const [low, high] = likelyRangeOf(s);
      const why = `the likely range ${low.toFixed(1)}–${high.toFixed(1)} crosses a threshold: move it in the scenario file`;
      expect(rightChoices(q.choices, low), why).toEqual(rightChoices(q.choices, valueOf(s)));
      expect(rightChoices(q.choices, high), why).toEqual(rightChoices(q.choices, valueOf(s)));
    },
  );

  it('does not always put the right answer in the same place', () => {
    const places = new Set(choiceSteps.map(({ s, q }) => rightChoices(q.choices, valueOf(s))[0]));
    expect(places.size).toBeGreaterThan(1);
  });

  it('has a value to reveal at every step, questions or not', () => {
    for (const s of story) expect(Number.isFinite(valueOf(s)), s.id).toBe(true);
  });
});

describe('where a step’s answer is marked on its chart', () => {
  const { scenario } = model;
  const run = (s: StoryStep) => {
    const { levers, schedule } = settingOf(s);
    return simulate(model, levers, { schedule });
  };

  it('is the month the step reads, when it names one', () => {
    const s = scenario.story.find((x) => x.at !== undefined)!;
    const result = run(s);
    const i = answerIndex(scenario, s, result)!;
    expect(i).toBe(pointOf(scenario.time, s.at!, result.t.length));
    expect(result.series[s.highlight]![i]).toBe(valueOf(s));
  });

  it('is the point of the line where it takes the outcome’s value otherwise, so the dot sits on the line', () => {
    for (const s of scenario.story.filter((x) => x.at === undefined)) {
      const result = run(s);
      const i = answerIndex(scenario, s, result);
      expect(i, s.id).toBeDefined();
      expect(result.series[s.highlight]![i!], s.id).toBe(valueOf(s));
    }
  });

  it('is nowhere for a total over the months, which no point of the line shows', () => {
    const s = { ...scenario.story[0]!, highlight: 'prisonersHeld', at: undefined };
    const result = run(s);
    const shifted = { ...result, outcomes: { ...result.outcomes, prisonersHeld: -1 } };
    expect(answerIndex(scenario, s, shifted)).toBeUndefined();
  });
});
