/**
 * The store and the results derived from it as live values, for the parts of the page that move
 * with every lever step (see charts/live.ts). One of each per store, so every subscriber shares
 * one simulation per step.
 */
import { derive, type Live } from '../charts/live.ts';
import type { Scenario } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { baselineOf, resultOf } from '../state/results.ts';
import { currentScenario, type AppState, type AppStore } from '../state/store.ts';

export interface Results {
  scenario: Scenario;
  /** the run at the current settings */
  result: SimulationResult;
  /** the run at every lever's default */
  baseline: SimulationResult;
}

const sources = new WeakMap<AppStore, { state: Live<AppState>; results: Live<Results> }>();

export function sourcesOf(store: AppStore): { state: Live<AppState>; results: Live<Results> } {
  let s = sources.get(store);
  if (!s) {
    const state: Live<AppState> = { get: store.getState, subscribe: store.subscribe };
    // The same Results object while the scenario and the levers are the same: a notice or a
    // language change neither simulates nor redraws.
    let memo: Results | undefined;
    const results = derive(state, (st) => {
      const scenario = currentScenario(st);
      const result = resultOf(scenario, st.levers);
      if (!memo || memo.scenario !== scenario || memo.result !== result)
        memo = { scenario, result, baseline: baselineOf(scenario) };
      return memo;
    });
    s = { state, results };
    sources.set(store, s);
  }
  return s;
}
