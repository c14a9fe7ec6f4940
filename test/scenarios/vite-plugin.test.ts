import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { reachOf, type Reach } from '../../src/model/reach.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { scenariosPlugin } from '../../src/scenarios/vite-plugin.ts';
import { founding, foundingData, toYaml } from '../helpers.ts';

type Load = (this: unknown, id: string) => string | undefined;

function load(dir: string): string {
  const plugin = scenariosPlugin(dir);
  const resolved = (plugin.resolveId as (id: string) => string)('virtual:scenarios');
  const context = {
    addWatchFile: () => undefined,
    error: (message: string) => {
      throw new Error(message);
    },
  };
  return (plugin.load as Load).call(context, resolved)!;
}

describe('the scenarios build plugin', () => {
  it('gives the app every valid scenario as checked data, with what its series can reach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, 'belarus-prisoners.yaml'), toYaml(foundingData()));
    const module = (await import(`data:text/javascript,${encodeURIComponent(load(dir))}`)) as {
      default: Scenario[];
      reach: Reach[];
    };
    const scenarios = module.default;
    expect(scenarios.map((s) => s.id)).toEqual(['belarus-prisoners']);
    // The data the app gets simulates exactly as the file read in Node does.
    expect(simulate(scenarios[0]!, { usRelief: 8 }).outcomes).toEqual(simulate(founding(), { usRelief: 8 }).outcomes);
    // The reach worked out at build time is the one the page would work out.
    expect(module.reach).toEqual([reachOf(founding())]);
    expect(module.reach[0]!.extents.prisonersHeld![1]).toBeGreaterThan(1000);
  });

  it('fails the build on an invalid file, listing every problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const data = foundingData() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    data.levers[0].default = 999;
    data.outcomes[0].equation = 'heldd';
    writeFileSync(join(dir, 'belarus-prisoners.yaml'), toYaml(data));
    expect(() => load(dir)).toThrow(
      /2 problems in .*belarus-prisoners\.yaml[\s\S]*default 999 is outside[\s\S]*unknown name "heldd"/,
    );
  });
});
