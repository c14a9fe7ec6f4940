/**
 * A scenario's story, as the engine reads it: what each step sets (its preset's values and dated
 * events, with its own values on top), and what its question's answer is at those settings. The
 * right answer is always worked out by the model, never written in the file: a number question's
 * answer is the highlighted outcome's value, a choice question's is the choice whose range holds it.
 */
import type { MonteCarloResult } from './analysis.ts';
import type { Scenario, StoryStep } from './schema.ts';
import type { SimulationResult } from './simulate.ts';
import { pointOf } from './time.ts';

/** The lever values a step sets, and the levers that follow its preset's dated events. */
export interface StepSetting {
  values: Record<string, number>;
  follows: Record<string, string>;
}

export function stepSetting(scenario: Scenario, step: StoryStep): StepSetting {
  const preset = step.preset === undefined ? undefined : scenario.presets.find((p) => p.id === step.preset);
  const values = { ...preset?.values, ...step.set };
  const follows: Record<string, string> = {};
  for (const lever of Object.keys(preset?.schedule ?? {})) {
    // A value the step sets itself replaces the preset's dates for that lever.
    if (step.set?.[lever] === undefined) follows[lever] = preset!.id;
  }
  return { values, follows };
}

/** What a step's highlighted outcome is at a run: its value, its likely range, and the right choice. */
export interface StepAnswer {
  value: number;
  /** the 10th and 90th percentiles of the Monte Carlo runs, when they are known */
  low?: number;
  high?: number;
  /** for a choice question: the index of the choice whose range holds the value */
  choice?: number;
  /** the time index the value is read at, when the step names a month */
  at?: number;
}

export function stepAnswer(
  scenario: Scenario,
  step: StoryStep,
  result: SimulationResult,
  bands?: MonteCarloResult,
): StepAnswer {
  const id = step.highlight;
  let answer: StepAnswer;
  if (step.at !== undefined) {
    const at = pointOf(scenario.time, step.at, result.t.length);
    const band = bands?.series[id];
    answer = { value: result.series[id]?.[at] ?? NaN, at };
    if (band) Object.assign(answer, { low: band.p10[at], high: band.p90[at] });
  } else {
    const band = bands?.outcomes[id];
    answer = { value: result.outcomes[id] ?? NaN };
    if (band) Object.assign(answer, { low: band.p10, high: band.p90 });
  }
  const q = step.question;
  if (q?.kind === 'choice') {
    const i = q.choices.findIndex((c) => c.below === undefined || answer.value < c.below);
    answer.choice = i < 0 ? q.choices.length - 1 : i;
  }
  return answer;
}

/** A number guess as typed (the store keeps the text): its value, or NaN when it is none. */
export function guessValue(text: string | undefined): number {
  return text === undefined || text.trim() === '' ? NaN : Number(text);
}

/**
 * Where a step's answer sits on its outcome's line: the time index it is read at, or the last
 * point where the line takes the outcome's value (its end or its peak). Undefined for a value no
 * point of the line shows (a total over the months).
 */
export function answerIndex(scenario: Scenario, step: StoryStep, result: SimulationResult): number | undefined {
  const series = result.series[step.highlight];
  if (!series) return undefined;
  if (step.at !== undefined) return pointOf(scenario.time, step.at, series.length);
  const value = result.outcomes[step.highlight];
  const i = series.lastIndexOf(value ?? NaN);
  return i < 0 ? undefined : i;
}
