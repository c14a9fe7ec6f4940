/**
 * Vite plugin: `import scenarios, { reach } from 'virtual:scenarios'` gives every scenario file,
 * parsed and validated at build time, and what each one's drawn series can reach (model/reach.ts),
 * worked out here so that the page does not run those simulations while it loads. An invalid file
 * fails the build (and the dev server shows why), so the browser never receives an unchecked
 * scenario, and no YAML parser ships to it. The data are written as JSON text for JSON.parse,
 * which a browser reads faster than the same object written as code.
 */
import type { Plugin } from 'vite';
import { compileScenario } from '../model/compile.ts';
import { ScenarioError, type Problem } from '../model/problems.ts';
import { reachOf } from '../model/reach.ts';
import type { Scenario } from '../model/schema.ts';
import { parseScenarioFile, scenarioFiles, scenarioIdOf, SCENARIO_DIR } from './files.ts';

const ID = 'virtual:scenarios';
const RESOLVED = `\0${ID}`;

/**
 * A scenario as the page needs it: without what only the build, the tests and the command line
 * read (the model checks, the recorded observations they compare with, the lever-effects table's
 * settings and the editor's schema link), which the build has already run.
 */
export function forThePage(scenario: Scenario): Scenario {
  const { $schema: _schema, effects: _effects, ...rest } = scenario;
  return { ...rest, checks: [], observations: [] };
}

export function scenariosPlugin(dir = SCENARIO_DIR): Plugin {
  return {
    name: 'leverage-lab-scenarios',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const scenarios: Scenario[] = [];
      const problems: Problem[] = [];
      for (const file of scenarioFiles(dir)) {
        this.addWatchFile(file);
        const parsed = parseScenarioFile(file);
        problems.push(...parsed.problems);
        if (parsed.scenario && parsed.scenario.id !== scenarioIdOf(file)) {
          problems.push({ file, path: 'id', message: `the id must match the file name "${scenarioIdOf(file)}"` });
        }
        if (parsed.scenario) scenarios.push(parsed.scenario);
      }
      if (problems.length > 0) this.error(new ScenarioError(problems).message);
      const reach = scenarios.map((s) => reachOf(compileScenario(s)));
      const json = (data: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(data))})`;
      return `export default ${json(scenarios.map(forThePage))};\nexport const reach = ${json(reach)};\n`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(dir)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
