/**
 * The Monte Carlo bands and the "no effect here" marks of the current settings: derived from the
 * store like the results, but computed off the main thread (uncertainty.worker.ts), so a moving
 * slider stays instant. A computation starts once the settings have rested for `quietMs`, and only
 * the latest settings are ever computed. The bands shown are those of `shownFor`; whether they are
 * out of date is derived by comparing that with the current settings (see `settingsKey`), so a
 * lever step changes nothing here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { compileScenario } from '../model/compile.ts';
import { leverSchedules } from '../model/inputs.ts';
import type { Scenario } from '../model/schema.ts';
import { uncertaintyOf, type Uncertainty, type UncertaintyRequest } from '../model/uncertainty.ts';
import { shownSeries } from './derived.ts';
import { currentScenario, type AppState, type AppStore } from './store.ts';

export interface UncertaintyState {
  /** the bands and marks for `shownFor`, or none yet */
  value: Uncertainty | undefined;
  /** the settings they were computed for (a `settingsKey`) */
  shownFor: string | undefined;
}

/** The settings the bands depend on, as one string: bands drawn for another key are out of date. */
export function settingsKey(state: AppState): string {
  return JSON.stringify([state.scenarioId, state.levers, state.follows, state.constants, state.seed, state.draws]);
}

/** Whether the bands shown were drawn for other settings than the current ones. */
export function isUpdating(app: AppState, bands: UncertaintyState): boolean {
  return bands.shownFor !== settingsKey(app);
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
  return { scenario, request, key: settingsKey(state) };
}

export function watchUncertainty(
  app: AppStore,
  runner: UncertaintyRunner,
  quietMs = 120,
): UncertaintyStore & { stop(): void } {
  const store = createStore<UncertaintyState>()(() => ({ value: undefined, shownFor: undefined }));
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
        store.setState({ value, shownFor: job.key });
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
