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
import { isUpdating, type UncertaintyState, type UncertaintyStore } from '../state/uncertainty.ts';
import type { Uncertainty } from '../model/uncertainty.ts';

export interface Results {
  scenario: Scenario;
  /** the run at the current settings */
  result: SimulationResult;
  /** the run at every lever's default */
  baseline: SimulationResult;
  /** the Monte Carlo bands (computed off the main thread), and whether they are for earlier settings */
  uncertainty: { value: Uncertainty | undefined; updating: boolean };
}

export interface Sources {
  state: Live<AppState>;
  results: Live<Results>;
  /**
   * One lever's value in the store (undefined at its default), followed on its own: a step
   * notifies the controls of the levers that changed (their value, or whether they follow a
   * schedule), not every lever's.
   */
  lever(id: string): Live<number | undefined>;
}

const sources = new WeakMap<AppStore, Sources>();

const NO_UNCERTAINTY: UncertaintyState = { value: undefined, shownFor: undefined };

/** Per-lever live values over one store subscription. */
function leverSources(store: AppStore): (id: string) => Live<number | undefined> {
  const listeners = new Map<string, Set<() => void>>();
  const lives = new Map<string, Live<number | undefined>>();
  let levers = store.getState().levers;
  let follows = store.getState().follows;
  let unsubscribe: (() => void) | undefined;
  const onChange = () => {
    const prev = levers;
    const prevFollows = follows;
    levers = store.getState().levers;
    follows = store.getState().follows;
    if (levers === prev && follows === prevFollows) return;
    for (const [id, set] of listeners) {
      if (!Object.is(levers[id], prev[id]) || follows[id] !== prevFollows[id]) for (const l of set) l();
    }
  };
  return (id) => {
    let live = lives.get(id);
    if (!live) {
      live = {
        get: () => store.getState().levers[id],
        subscribe(listener) {
          if (!unsubscribe) {
            levers = store.getState().levers;
            follows = store.getState().follows;
            unsubscribe = store.subscribe(onChange);
          }
          let set = listeners.get(id);
          if (!set) listeners.set(id, (set = new Set()));
          set.add(listener);
          return () => {
            set.delete(listener);
            if (set.size === 0) listeners.delete(id);
            if (listeners.size === 0) {
              unsubscribe?.();
              unsubscribe = undefined;
            }
          };
        },
      };
      lives.set(id, live);
    }
    return live;
  };
}

export function sourcesOf(store: AppStore, uncertainty?: UncertaintyStore): Sources {
  let s = sources.get(store);
  if (!s) {
    const state: Live<AppState> = { get: store.getState, subscribe: store.subscribe };
    // The settings and the bands drawn for them, followed together.
    const both: Live<{ app: AppState; bands: UncertaintyState }> = (() => {
      let memo: { app: AppState; bands: UncertaintyState } | undefined;
      return {
        get() {
          const app = store.getState();
          const bands = uncertainty?.getState() ?? NO_UNCERTAINTY;
          if (!memo || memo.app !== app || memo.bands !== bands) memo = { app, bands };
          return memo;
        },
        subscribe(listener) {
          const a = store.subscribe(listener);
          const b = uncertainty?.subscribe(listener);
          return () => {
            a();
            b?.();
          };
        },
      };
    })();
    // The same Results object while the scenario, the settings and the bands are the same: a
    // notice or a language change neither simulates nor redraws.
    let memo: Results | undefined;
    const results = derive(both, ({ app: st, bands }) => {
      const scenario = currentScenario(st);
      const result = resultOf(scenario, st.levers, st.follows, st.constants);
      const updating = isUpdating(st, bands);
      if (
        !memo ||
        memo.scenario !== scenario ||
        memo.result !== result ||
        memo.uncertainty.value !== bands.value ||
        memo.uncertainty.updating !== updating
      ) {
        memo = { scenario, result, baseline: baselineOf(scenario), uncertainty: { value: bands.value, updating } };
      }
      return memo;
    });
    s = { state, results, lever: leverSources(store) };
    sources.set(store, s);
  }
  return s;
}
