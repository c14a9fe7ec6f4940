/** The engine's public surface: pure TypeScript, no DOM, no React, no store. */
export { compileScenario, type Model } from './compile.ts';
export { runCheck, runChecks, runMatrix, matrixSettings, boundsProblems, holds, type CheckResult } from './checks.ts';
export { monteCarlo, leverEffects, DEFAULT_DRAWS, DEFAULT_SEED, type MonteCarloResult } from './analysis.ts';
export { resolveConstants, scheduleOf, leverSchedules, constantGrid, type LeverSchedule } from './inputs.ts';
export { inputsOf } from './explain.ts';
export { timeOfDate, pointOf, dateAt } from './time.ts';
export { evaluate, parseExpr, ExprError, FUNCTIONS } from './expr.ts';
export { defaultLevers, resolveLevers, type LeverNotice } from './levers.ts';
export { formatProblem, ScenarioError, type Problem } from './problems.ts';
export {
  scenarioJsonSchema,
  ScenarioSchema,
  type Scenario,
  type Lever,
  type Outcome,
  type LocalizedText,
} from './schema.ts';
export {
  simulate,
  simulateBatch,
  resolveHorizon,
  type BatchRun,
  type SimulationResult,
  type SimulateOptions,
} from './simulate.ts';
export { validateScenario } from './validate.ts';
