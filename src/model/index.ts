/** The engine's public surface: pure TypeScript, no DOM, no React, no store. */
export { compileScenario, type Model } from './compile.ts';
export { runCheck, runChecks, runMatrix, matrixSettings, boundsProblems, type CheckResult } from './checks.ts';
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
export { simulate, simulateBatch, resolveHorizon, type SimulationResult, type SimulateOptions } from './simulate.ts';
export { validateScenario } from './validate.ts';
