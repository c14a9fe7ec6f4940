/**
 * The Monte Carlo bands and the "no effect here" marks of the current settings: derived from the
 * store like the results, but computed off the main thread (uncertainty.worker.ts), so a moving
 * slider stays instant. While the settings differ from those the shown bands were drawn for, the
 * bands are marked as updating; a new computation starts once the settings have rested for
 * `quietMs`, and only the latest settings are ever computed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { compileScenario } from '../model/compile.ts';
import { leverSchedules } from '../model/inputs.ts';
import type { Scenario } from '../model/schema.ts';
import { uncertaintyOf, type Uncertainty, type UncertaintyRequest } from '../model/uncertainty.ts';
import { shownSeries } from './results.ts';
import { currentScenario, type AppState, type AppStore } from './store.ts';

export interface UncertaintyState {
  /** the bands and marks for `shownFor`, or none yet */
  value: Uncertainty | undefined;
  /** the settings they were computed for */
  shownFor: string | undefined;
  /** whether the settings have changed since (the bands are being updated) */
  updating: boolean;
}

export type UncertaintyStore = StoreApi<UncertaintyState>;

/** Runs a computation somewhere: in a worker in the browser, in the page in tests. */
export interface UncertaintyRunner {
  run(scenario: Scenario, request: UncertaintyRequest): Promise<Uncertainty>;
  stop(): void;
}

/** Computes in the page, after the current task: for tests and for browsers without workers. */
export function inlineRunner(): UncertaintyRunner {
  return {
    run: (scenario, request) =>
      new Promise((resolve) => setTimeout(() => resolve(uncertaintyOf(compileScenario(scenario), request)), 0)),
    stop() {},
  };
}

function requestOf(state: AppState): { scenario: Scenario; request: UncertaintyRequest; key: string } {
  const scenario = currentScenario(state);
  const request: UncertaintyRequest = {
    levers: state.levers,
    constants: state.constants,
    schedule: leverSchedules(scenario, state.follows),
    seed: state.seed,
    draws: state.draws,
    series: shownSeries(scenario),
  };
  const key = JSON.stringify([scenario.id, state.levers, state.follows, state.constants, state.seed, state.draws]);
  return { scenario, request, key };
}

export function watchUncertainty(
  app: AppStore,
  runner: UncertaintyRunner,
  quietMs = 120,
): UncertaintyStore & { stop(): void } {
  const store = createStore<UncertaintyState>()(() => ({ value: undefined, shownFor: undefined, updating: true }));
  let wanted = requestOf(app.getState());
  let running = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = () => {
    timer = undefined;
    if (running || stopped) return;
    running = true;
    const job = wanted;
    runner.run(job.scenario, job.request).then(
      (value) => {
        running = false;
        if (stopped) return;
        store.setState({ value, shownFor: job.key, updating: job.key !== wanted.key });
        if (job.key !== wanted.key) start();
      },
      () => {
        // A failed computation leaves the last bands up, marked as updating, and tries the latest.
        running = false;
        if (!stopped && job.key !== wanted.key) start();
      },
    );
  };

  const unsubscribe = app.subscribe((state, prev) => {
    const same = (['scenarioId', 'levers', 'follows', 'constants', 'seed', 'draws'] as const).every(
      (k) => state[k] === prev[k],
    );
    if (same) return;
    wanted = requestOf(state);
    const updating = wanted.key !== store.getState().shownFor;
    if (store.getState().updating !== updating) store.setState({ updating });
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(start, quietMs);
  });
  start();

  return Object.assign(store, {
    stop() {
      stopped = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      runner.stop();
    },
  });
}
