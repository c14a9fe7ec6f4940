/**
 * Parses the text of a scenario file (YAML or JSON) and validates it, locating every problem at
 * its line and column. Used at build time (Vite plugin), by the command line and by the tests.
 */
import { isNode, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { compileScenario, type Model } from '../model/compile.ts';
import { ScenarioError, type PathPart, type Problem } from '../model/problems.ts';
import type { Scenario } from '../model/schema.ts';
import { validateScenario } from '../model/validate.ts';

export interface Parsed {
  scenario?: Scenario;
  problems: Problem[];
}

export function parseScenarioText(text: string, file: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, path: '(syntax)', message: e.message.split('\n')[0]!, line: pos.line, column: pos.col };
      }),
    };
  }
  const locate = (path: readonly PathPart[]) => {
    // Walk back up the path until a node exists (a missing field is reported at its parent).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as unknown;
      if (isNode(node) && (node as YamlNode).range) {
        const pos = lineCounter.linePos((node as YamlNode).range![0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  return validateScenario(doc.toJS(), file, locate);
}

/** Parses, validates and compiles, or throws a ScenarioError that lists every problem. */
export function loadScenarioText(text: string, file: string): Model {
  const { scenario, problems } = parseScenarioText(text, file);
  if (!scenario) throw new ScenarioError(problems);
  return compileScenario(scenario);
}
