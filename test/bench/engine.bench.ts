/**
 * npm run bench [-- --json]
 * Times the engine on the founding scenario: one simulation, 1,000 simulations, and the engine's
 * hot loop against the same equations written by hand (the physical limit for this model).
 * Prints figures; budgets are stated next to them. Nothing here is a test.
 */
import { compileScenario } from '../../src/model/compile.ts';
import { DEFAULT_DRAWS, monteCarlo } from '../../src/model/analysis.ts';
import { run, simulate, simulateBatch } from '../../src/model/simulate.ts';
import { loadScenarioById } from '../../src/scenarios/files.ts';
import { makeHandwritten, RECORDED, type Levers } from './handwritten.ts';

const json = process.argv.includes('--json');
const model = loadScenarioById('belarus-prisoners')!;
const { scenario } = model;
const horizon = scenario.time.horizon;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median time of one call of `fn`, from `rounds` rounds of `inner` calls each (µs). */
function time(fn: (i: number) => void, inner: number, rounds: number): number {
  for (let i = 0; i < inner * 5; i++) fn(i); // warm up the JIT
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) fn(i);
    per.push(((performance.now() - t0) * 1000) / inner);
  }
  return median(per);
}

// Deterministic pseudo-random lever settings (a fixed seed, so runs are comparable).
let seed = 42;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const settings = Array.from({ length: 1000 }, () =>
  Object.fromEntries(scenario.levers.map((l) => [l.id, l.min + rand() * (l.max - l.min)])),
);
const leverArrays = settings.map((s) => Float64Array.from(scenario.levers.map((l) => s[l.id]!)));
const constants = Float64Array.from(scenario.constants, (c) => c.value);

const out = model.recordedIds.map(() => new Float64Array(horizon + 1));
const flat = new Float64Array(model.recordedIds.length * (horizon + 1));
const hand = makeHandwritten(scenario);
void compileScenario;

const simulateUs = time((i) => simulate(model, settings[i % 1000]!), 200, 40);
const batchMs =
  time(
    () =>
      simulateBatch(
        model,
        settings.map((levers) => ({ levers })),
      ),
    1,
    15,
  ) / 1000;
// What the app's worker does after each lever change: 200 draws of the constants, banded.
const charted = [...new Set(scenario.charts.flatMap((c) => c.series.map((s) => s.id)))];
const monteCarloMs =
  time((i) => monteCarlo(model, settings[i % 1000]!, { draws: DEFAULT_DRAWS, seed: i, series: charted }), 1, 15) / 1000;
const engineUs = time(
  (i) => run(model, { levers: leverArrays[i % 1000]!, constants }, horizon, flat, horizon + 1),
  500,
  40,
);
const handUs = time((i) => hand(settings[i % 1000] as Levers, horizon, out), 500, 40);
const ratio = engineUs / handUs;

const figures = {
  scenario: scenario.id,
  horizonSteps: horizon,
  seriesRecorded: RECORDED.length,
  oneSimulationMicroseconds: Number(simulateUs.toFixed(2)),
  thousandSimulationsMilliseconds: Number(batchMs.toFixed(2)),
  monteCarloDraws: DEFAULT_DRAWS,
  monteCarloMilliseconds: Number(monteCarloMs.toFixed(2)),
  engineHotLoopMicroseconds: Number(engineUs.toFixed(2)),
  handWrittenMicroseconds: Number(handUs.toFixed(2)),
  engineVsHandWritten: Number(ratio.toFixed(2)),
  budgetEngineVsHandWritten: 3,
  withinBudget: ratio <= 3,
};

if (json) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const rows: [string, string][] = [
    ['one simulation (simulate, all series)', `${figures.oneSimulationMicroseconds} µs (median)`],
    ['1,000 simulations (simulateBatch)', `${figures.thousandSimulationsMilliseconds} ms (median)`],
    [`Monte Carlo, ${DEFAULT_DRAWS} draws, charted series banded`, `${figures.monteCarloMilliseconds} ms (median)`],
    ['engine hot loop (run)', `${figures.engineHotLoopMicroseconds} µs`],
    ['same equations by hand', `${figures.handWrittenMicroseconds} µs`],
    [
      'engine ÷ hand-written',
      `${figures.engineVsHandWritten}× (budget ≤ 3×: ${figures.withinBudget ? 'within' : 'OVER'})`,
    ],
  ];
  process.stdout.write(`Engine benchmark: ${scenario.id}, ${horizon} monthly steps, ${RECORDED.length} series\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(48)} ${v}\n`);
}
