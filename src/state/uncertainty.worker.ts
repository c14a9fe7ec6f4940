/**
 * The worker that draws the Monte Carlo bands: the engine runs here as it does in the page, on the
 * scenario the page sends once. One message in, one out.
 */
import { compileScenario, type Model } from '../model/compile.ts';
import type { Scenario } from '../model/schema.ts';
import { uncertaintyOf, type UncertaintyRequest } from '../model/uncertainty.ts';

export interface WorkerRequest {
  id: number;
  /** sent with the first request for a scenario; later requests name it by id */
  scenario?: Scenario;
  scenarioId: string;
  request: UncertaintyRequest;
}

const models = new Map<string, Model>();

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { id, scenario, scenarioId, request } = e.data;
  if (scenario) models.set(scenario.id, compileScenario(scenario));
  const model = models.get(scenarioId);
  if (!model) {
    self.postMessage({ id, error: `no scenario "${scenarioId}" in the worker` });
    return;
  }
  self.postMessage({ id, result: uncertaintyOf(model, request) });
};
