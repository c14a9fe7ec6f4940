import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/model/schema.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { parseScenarioText } from '../../src/scenarios/parse.ts';
import { SCENARIO_DIR } from '../../src/scenarios/files.ts';
import { foundingData, toYaml } from '../helpers.ts';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(mutate: (d: Data) => void) {
  const data = foundingData() as Data;
  mutate(data);
  return validateScenario(data, 'broken.yaml').problems;
}

function messages(mutate: (d: Data) => void) {
  return problemsOf(mutate).map((p) => `${p.path}: ${p.message}`);
}

describe('scenario validation', () => {
  it('accepts the founding scenario', () => {
    expect(validateScenario(foundingData(), 'belarus-prisoners.yaml').problems).toEqual([]);
  });

  it('names an unknown name in an equation, with its path', () => {
    expect(messages((d) => (d.variables[0].equation = 'polandClosureDays / daysPerFortnight'))).toEqual([
      'variables[0].equation: unknown name "daysPerFortnight" in "polandClosureDays / daysPerFortnight"',
    ]);
  });

  it('finds a cycle between variables and shows it', () => {
    const [p] = problemsOf((d) => {
      const find = (id: string) => d.variables.find((v: Data) => v.id === id);
      find('closureTarget').equation = 'closedShare * 2';
    });
    expect(p?.message).toMatch(/cycle between equations: .*closureTarget.*closedShare.*closureTarget/);
  });

  it('rejects a default outside min..max', () => {
    expect(messages((d) => (d.levers[0].default = 400))).toEqual(['levers[0].default: default 400 is outside 0..365']);
  });

  it('rejects a missing or untranslated Arabic text', () => {
    expect(messages((d) => delete d.levers[1].label.ar)).toEqual(['levers[1].label.ar: missing Arabic text (ar)']);
    expect(messages((d) => (d.title.ar = 'Belarus'))).toEqual(['title.ar: Arabic text (ar) is not in Arabic']);
  });

  it('rejects an unknown source id', () => {
    expect(messages((d) => d.levers[2].sources.push('nowhere'))).toEqual([
      `levers[2].sources[${(foundingData() as Data).levers[2].sources.length}]: unknown source id "nowhere" (not in sources)`,
    ]);
  });

  it('asks for a source or an assumption behind every default and constant', () => {
    expect(
      messages((d) => {
        delete d.constants[0].sources;
      }),
    ).toEqual(['constants[0]: constant "initialPrisoners" needs sources or an assumption note']);
  });

  it('rejects presets and checks that name unknown levers or outcomes', () => {
    expect(
      messages((d) => {
        d.presets[1].values.bogus = 3;
        d.checks[0].expect[0].outcome = 'happiness';
      }),
    ).toEqual([
      expect.stringMatching(/^presets\[1\]\.values\.bogus: unknown lever "bogus" \(levers: polandClosureDays, /),
      expect.stringMatching(/^checks\[0\]\.expect\[0\]\.outcome: unknown outcome, variable or stock "happiness"/),
    ]);
  });

  it('rejects a check without a counter-setting, or with an empty one', () => {
    expect(messages((d) => delete d.checks[0].counter)).toEqual(['checks[0].counter: is required but missing']);
    expect(messages((d) => (d.checks[0].counter = {}))).toEqual([
      'checks[0].counter: the counter-setting is empty: name levers or constants under which the check fails',
    ]);
  });

  it('rejects a check that tests the data a constant was fitted to', () => {
    expect(
      messages((d) => {
        const check = d.checks.find((c: Data) => c.id === 'replayAirlineRung');
        check.expect[0].near = 'rungJun2025';
      }),
    ).toEqual([
      expect.stringMatching(
        /^checks\[\d+\]\.expect\[0\]\.near: this check tests "rungJun2025", which constant "releasesPerPoint" was fitted to/,
      ),
    ]);
  });

  it('rejects unknown observations, presets and constants, and assumptions outside their range', () => {
    expect(
      messages((d) => {
        d.checks[0].expect[0].near = 'heldIn1990';
        d.checks[0].preset = 'nowhere';
        d.checks[0].counter = { assume: { sentenceMonths: 400, luck: 1 } };
      }),
    ).toEqual([
      expect.stringMatching(/^checks\[0\]\.preset: unknown preset "nowhere"/),
      'checks[0].counter.assume.sentenceMonths: 400 is outside its range 32..50',
      expect.stringMatching(/^checks\[0\]\.counter\.assume\.luck: unknown constant "luck"/),
      expect.stringMatching(/^checks\[0\]\.expect\[0\]\.near: unknown observation "heldIn1990"/),
    ]);
  });

  it('rejects a schedule for an unknown lever, out of range, out of order or before the start', () => {
    expect(
      messages((d) => {
        const replay = d.presets.find((p: Data) => p.id === 'asItHappened');
        replay.schedule.usRelief = [
          { from: '2026-02', value: 4 },
          { from: '2025-11', value: 99 },
        ];
        replay.schedule.exileShare = [{ from: '2024-01', value: 6 }];
        replay.schedule.bogus = [{ from: '2026-01', value: 1 }];
      }),
    ).toEqual([
      expect.stringMatching(/presets\[\d+\]\.schedule\.usRelief\[1\]\.value: 99 is outside 0\.\.30/),
      expect.stringMatching(/presets\[\d+\]\.schedule\.usRelief\[1\]\.from: dates must be in order/),
      expect.stringMatching(
        /presets\[\d+\]\.schedule\.exileShare\[0\]\.from: 2024-01 is before the scenario starts \(2025-08\)/,
      ),
      expect.stringMatching(/presets\[\d+\]\.schedule\.bogus: unknown lever "bogus"/),
    ]);
  });

  it('rejects a lesson whose text names an outcome that does not exist', () => {
    expect(messages((d) => (d.lessons[0].text.en = 'It frees {a.happiness}.'))).toEqual([
      'lessons[0].text.en: "{a.happiness}" is not {a.<outcome>}, {b.<outcome>} or {diff.<outcome>}',
    ]);
  });

  it('rejects unknown fields and an unknown actor', () => {
    expect(
      messages((d) => {
        d.levers[0].colour = 'red';
      }),
    ).toEqual(['levers[0]: unknown field "colour"']);
    expect(messages((d) => (d.levers[0].actor = 'japan'))).toEqual([
      expect.stringMatching(/^levers\[0\]\.actor: unknown actor "japan" \(actors: poland, china/),
    ]);
  });

  it('lists every problem at once, not just the first', () => {
    const problems = problemsOf((d) => {
      d.levers[0].default = -1;
      d.variables[2].equation = 'nonsense +';
      d.constants[1].value = 1000;
      d.outcomes[0].bounds = { min: 5, max: 1 };
    });
    expect(problems.map((p) => p.path)).toEqual([
      'levers[0].default',
      'constants[1].value',
      'variables[2].equation',
      'outcomes[0].bounds',
    ]);
  });

  it('reports the line and column of each problem in the file', () => {
    const data = foundingData() as Data;
    data.levers[0].default = 999;
    const text = toYaml(data);
    const { problems } = parseScenarioText(text, 'scenarios/broken.yaml');
    expect(problems).toHaveLength(1);
    const line = text.split('\n')[problems[0]!.line! - 1]!;
    expect(line).toContain('default: 999');
  });

  it('reports a YAML syntax error with its line', () => {
    const { problems } = parseScenarioText('id: a\ntitle: [unclosed\n', 'x.yaml');
    expect(problems[0]).toMatchObject({ file: 'x.yaml', path: '(syntax)' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('keeps the committed JSON Schema in step with the zod schema', () => {
    const committed = JSON.parse(readFileSync(join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8')) as Data;
    const { $id: _id, title: _title, ...rest } = committed;
    expect(rest).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
