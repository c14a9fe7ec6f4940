/** Runs the uncertainty computation in a Web Worker (a module worker that Vite bundles on its own). */
import type { Scenario } from '../model/schema.ts';
import type { Uncertainty } from '../model/uncertainty.ts';
import { inlineRunner, type UncertaintyRunner } from './uncertainty.ts';
import type { WorkerRequest } from './uncertainty.worker.ts';

export function workerRunner(): UncertaintyRunner {
  if (typeof Worker === 'undefined') return inlineRunner();
  const worker = new Worker(new URL('./uncertainty.worker.ts', import.meta.url), { type: 'module' });
  const sent = new Set<string>();
  const waiting = new Map<number, { resolve: (u: Uncertainty) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<{ id: number; result?: Uncertainty; error?: string }>) => {
    const job = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (e.data.result) job?.resolve(e.data.result);
    else job?.reject(new Error(e.data.error ?? 'the uncertainty worker failed'));
  };
  return {
    run(scenario: Scenario, request) {
      const id = next++;
      const message: WorkerRequest = { id, scenarioId: scenario.id, request };
      if (!sent.has(scenario.id)) {
        message.scenario = scenario;
        sent.add(scenario.id);
      }
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage(message);
      });
    },
    stop() {
      worker.terminate();
    },
  };
}
