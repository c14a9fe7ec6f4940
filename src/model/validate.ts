/**
 * Turns untrusted scenario data into a checked Scenario, or lists every problem in it: schema
 * errors from zod, then the checks a schema cannot express (names in equations, cycles, ranges,
 * source and actor ids, presets, checks and story steps that name real levers and outcomes).
 */
import type { core } from 'zod';
import { ExprError, FUNCTIONS, namesIn, parseExpr, type Expr } from './expr.ts';
import { formatPath, type PathPart, type Problem } from './problems.ts';
import { ScenarioSchema, type Scenario } from './schema.ts';
import { BUILTIN_NAMES } from './graph.ts';
import { dateAt, timeOfDate } from './time.ts';

export type Locate = (path: readonly PathPart[]) => { line: number; column: number } | undefined;

export interface Validated {
  scenario?: Scenario;
  problems: Problem[];
}

function zodIssues(issues: readonly core.$ZodIssue[], base: PathPart[] = []): { path: PathPart[]; message: string }[] {
  const out: { path: PathPart[]; message: string }[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathPart[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch the author most likely meant: the one with the fewest problems.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      out.push(...zodIssues(best, path));
      continue;
    }
    let message = issue.message;
    if (/received undefined$/.test(message)) message = 'is required but missing';
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    out.push({ path, message });
  }
  return out;
}

const STAND_INS: Record<string, unknown> = {
  en: 'text',
  ar: 'نص',
  url: 'https://example.invalid',
  date: '2000',
  title: 'title',
  publisher: 'publisher',
  note: 'note',
  color: '#000000',
};

/** A copy of `data` with each problem leaf replaced by a valid stand-in, or undefined if one is not a leaf we know. */
function patchLeaves(data: unknown, paths: PathPart[][]): unknown {
  const copy = structuredClone(data) as Record<PathPart, unknown>;
  for (const path of paths) {
    const key = path.at(-1);
    if (typeof key !== 'string' || !(key in STAND_INS)) return undefined;
    let node: Record<PathPart, unknown> | undefined = copy;
    for (const part of path.slice(0, -1)) {
      const next: unknown = node?.[part];
      node = typeof next === 'object' && next !== null ? (next as Record<PathPart, unknown>) : undefined;
    }
    if (!node) return undefined;
    node[key] = STAND_INS[key];
  }
  return copy;
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (!graph.has(m)) continue;
      const s = state.get(m);
      if (s === 1) return [...stack.slice(stack.indexOf(m)), m];
      if (s === undefined) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of graph.keys()) {
    if (!state.has(n)) {
      const c = visit(n);
      if (c) return c;
    }
  }
  return undefined;
}

export function validateScenario(data: unknown, file: string, locate?: Locate): Validated {
  const problems: Problem[] = [];
  const add = (path: PathPart[], message: string) => {
    const pos = locate?.(path);
    problems.push({ file, path: formatPath(path), message, ...(pos ?? {}) });
  };

  /**
   * Ranges of a value, each up to its `below` (exclusive), the last one open: an outcome's verdict
   * bands, a story question's choices.
   */
  const checkRanges = (items: readonly { below?: number | undefined }[], path: PathPart[], noun: string) => {
    items.forEach((item, j) => {
      const last = j === items.length - 1;
      if (last && item.below !== undefined) {
        add([...path, j, 'below'], `the last ${noun} has no upper limit: remove its \`below\``);
      }
      if (!last && item.below === undefined) {
        add([...path, j], `every ${noun} but the last needs \`below\`, the upper end (exclusive) of its range`);
      }
      const prev = items[j - 1]?.below;
      if (item.below !== undefined && prev !== undefined && item.below <= prev) {
        add(
          [...path, j, 'below'],
          `${noun}s must be in increasing order of \`below\` (${item.below} is not above ${prev})`,
        );
      }
    });
  };

  let parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    for (const { path, message } of issues) add(path, message);
    // Problems in texts, sources and colours do not stop the checks below: patch them with
    // stand-ins and go on, so that an author sees every problem in one run.
    const patched = patchLeaves(
      data,
      issues.map((i) => i.path),
    );
    parsed = patched === undefined ? parsed : ScenarioSchema.safeParse(patched);
    if (!parsed.success) return { problems };
  }
  const s = parsed.data;

  // Ids: unique within and across the namespaces that equations share.
  const kinds = new Map<string, string>();
  for (const b of BUILTIN_NAMES) kinds.set(b, 'built-in');
  for (const f of Object.keys(FUNCTIONS)) kinds.set(f, 'function');
  const claim = (id: string, kind: string, path: PathPart[]) => {
    const prev = kinds.get(id);
    if (prev) add(path, `"${id}" is already used as a ${prev} name`);
    else kinds.set(id, kind);
  };
  s.levers.forEach((l, i) => claim(l.id, 'lever', ['levers', i, 'id']));
  s.constants.forEach((c, i) => claim(c.id, 'constant', ['constants', i, 'id']));
  s.stocks.forEach((st, i) => claim(st.id, 'stock', ['stocks', i, 'id']));
  s.variables.forEach((v, i) => claim(v.id, 'variable', ['variables', i, 'id']));
  s.outcomes.forEach((o, i) => claim(o.id, 'outcome', ['outcomes', i, 'id']));

  const uniqueIn = (items: { id: string }[], section: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id)) add([section, i, 'id'], `duplicate id "${it.id}" in ${section}`);
      seen.add(it.id);
    });
  };
  uniqueIn(s.sources, 'sources');
  uniqueIn(s.actors, 'actors');
  uniqueIn(s.presets, 'presets');
  uniqueIn(s.checks, 'checks');
  uniqueIn(s.notes, 'notes');

  // Sources and provenance.
  const sourceIds = new Set(s.sources.map((x) => x.id));
  const checkSources = (ids: string[] | undefined, path: PathPart[]) =>
    ids?.forEach((id, i) => {
      if (!sourceIds.has(id)) add([...path, i], `unknown source id "${id}" (not in sources)`);
    });
  const needProvenance = (
    item: { sources?: string[] | undefined; assumption?: unknown },
    path: PathPart[],
    what: string,
  ) => {
    checkSources(item.sources, [...path, 'sources']);
    if ((item.sources?.length ?? 0) === 0 && item.assumption === undefined) {
      add(path, `${what} needs sources or an assumption note`);
    }
  };

  const actorIds = new Set(s.actors.map((a) => a.id));
  s.levers.forEach((l, i) => {
    const p: PathPart[] = ['levers', i];
    if (!actorIds.has(l.actor))
      add([...p, 'actor'], `unknown actor "${l.actor}" (actors: ${[...actorIds].join(', ')})`);
    if (!(l.min < l.max)) add([...p, 'max'], `max (${l.max}) must be greater than min (${l.min})`);
    if (l.default < l.min || l.default > l.max) {
      add([...p, 'default'], `default ${l.default} is outside ${l.min}..${l.max}`);
    }
    if (l.step > l.max - l.min) add([...p, 'step'], `step ${l.step} is larger than the range ${l.min}..${l.max}`);
    needProvenance(l, p, `the default of lever "${l.id}"`);
  });
  s.constants.forEach((c, i) => {
    const p: PathPart[] = ['constants', i];
    if (c.low > c.high) add([...p, 'low'], `low (${c.low}) is above high (${c.high})`);
    if (c.value < c.low || c.value > c.high) {
      add([...p, 'value'], `value ${c.value} is outside its plausible range ${c.low}..${c.high}`);
    }
    needProvenance(c, p, `constant "${c.id}"`);
  });
  s.presets.forEach((pr, i) => checkSources(pr.sources, ['presets', i, 'sources']));
  s.stocks.forEach((x, i) => checkSources(x.sources, ['stocks', i, 'sources']));
  s.variables.forEach((x, i) => checkSources(x.sources, ['variables', i, 'sources']));
  s.outcomes.forEach((x, i) => checkSources(x.sources, ['outcomes', i, 'sources']));
  s.notes.forEach((n, i) => checkSources(n.sources, ['notes', i, 'sources']));
  s.checks.forEach((c, i) => checkSources(c.sources, ['checks', i, 'sources']));

  // Equations: parse, and every name must exist.
  const leverIds = new Set(s.levers.map((l) => l.id));
  const constantIds = new Set(s.constants.map((c) => c.id));
  const stockIds = new Set(s.stocks.map((x) => x.id));
  const outcomeIds = new Set(s.outcomes.map((o) => o.id));
  const known = new Set(kinds.keys());
  for (const f of Object.keys(FUNCTIONS)) known.delete(f);

  const parse = (source: string | number, path: PathPart[], allowed: Set<string>, context: string) => {
    let expr: Expr;
    try {
      expr = parseExpr(source);
    } catch (e) {
      add(path, e instanceof ExprError ? e.message : String(e));
      return undefined;
    }
    for (const n of namesIn(expr)) {
      if (!allowed.has(n)) {
        const why = known.has(n) ? `${context} cannot read "${n}"` : `unknown name "${n}"`;
        add(path, `${why} in "${String(source)}"`);
      }
    }
    return expr;
  };

  const initialNames = new Set<string>([...leverIds, ...constantIds, 't', 'dt', 'month']);
  const deps = new Map<string, Set<string>>();
  s.stocks.forEach((st, i) => {
    parse(st.initial, ['stocks', i, 'initial'], initialNames, 'an initial value (levers and constants only)');
    st.inflows.forEach((f, j) => parse(f, ['stocks', i, 'inflows', j], known, 'a flow'));
    st.outflows.forEach((f, j) => parse(f, ['stocks', i, 'outflows', j], known, 'a flow'));
    if (st.bounds?.min !== undefined && st.bounds.max !== undefined && st.bounds.min > st.bounds.max) {
      add(['stocks', i, 'bounds'], 'bounds.min is above bounds.max');
    }
  });
  const equationPaths = new Map<string, PathPart[]>();
  s.variables.forEach((v, i) => {
    const path: PathPart[] = ['variables', i, 'equation'];
    equationPaths.set(v.id, path);
    const e = parse(v.equation, path, known, 'an equation');
    deps.set(v.id, e ? namesIn(e) : new Set());
  });
  s.outcomes.forEach((o, i) => {
    const path: PathPart[] = ['outcomes', i, 'equation'];
    equationPaths.set(o.id, path);
    const e = parse(o.equation, path, known, 'an equation');
    deps.set(o.id, e ? namesIn(e) : new Set());
    if (o.bounds.min > o.bounds.max) add(['outcomes', i, 'bounds'], 'bounds.min is above bounds.max');
    checkRanges(o.bands ?? [], ['outcomes', i, 'bands'], 'band');
  });
  const cycle = findCycle(deps);
  if (cycle) {
    add(
      equationPaths.get(cycle[0]!) ?? ['variables'],
      `cycle between equations: ${cycle.join(' → ')} (a loop must pass through a stock)`,
    );
  }

  s.links.forEach((l, i) => {
    if (!actorIds.has(l.from)) add(['links', i, 'from'], `unknown actor "${l.from}"`);
    if (!actorIds.has(l.to)) add(['links', i, 'to'], `unknown actor "${l.to}"`);
    if (!deps.has(l.strength) && !stockIds.has(l.strength)) {
      add(['links', i, 'strength'], `unknown variable or outcome "${l.strength}"`);
    }
  });

  const recorded = new Set([...stockIds, ...deps.keys()]);
  uniqueIn(s.charts, 'charts');
  s.charts.forEach((c, i) => {
    c.series.forEach((x, j) => {
      if (!recorded.has(x.id)) add(['charts', i, 'series', j, 'id'], `unknown stock, variable or outcome "${x.id}"`);
    });
    if (c.bands !== undefined && !s.outcomes.some((o) => o.id === c.bands && o.bands)) {
      add(['charts', i, 'bands'], `"${c.bands}" is not an outcome with bands`);
    }
    if (c.min !== undefined && c.max !== undefined && c.min >= c.max)
      add(['charts', i, 'max'], 'max must be above min');
  });
  s.timeMarks.forEach((m, i) => {
    if (!recorded.has(m.series)) add(['timeMarks', i, 'series'], `unknown stock, variable or outcome "${m.series}"`);
  });

  // Presets, checks, effects and lessons name real levers (values in range), constants, outcomes
  // and observations.
  const leverById = new Map(s.levers.map((l) => [l.id, l]));
  const constantById = new Map(s.constants.map((c) => [c.id, c]));
  const presetIds = new Set(s.presets.map((p) => p.id));
  const observationIds = new Set(s.observations.map((o) => o.id));
  uniqueIn(s.observations, 'observations');
  uniqueIn(s.lessons, 'lessons');
  s.observations.forEach((o, i) => checkSources(o.sources, ['observations', i, 'sources']));
  const checkValues = (values: Record<string, number>, path: PathPart[]) => {
    for (const [id, value] of Object.entries(values)) {
      const l = leverById.get(id);
      if (!l) add([...path, id], `unknown lever "${id}" (levers: ${[...leverIds].join(', ')})`);
      else if (value < l.min || value > l.max) add([...path, id], `${value} is outside ${l.min}..${l.max}`);
    }
  };
  const checkAssumed = (values: Record<string, number> | undefined, path: PathPart[]) => {
    for (const [id, value] of Object.entries(values ?? {})) {
      const c = constantById.get(id);
      if (!c) add([...path, id], `unknown constant "${id}" (constants: ${[...constantById.keys()].join(', ')})`);
      else if (value < c.low || value > c.high) add([...path, id], `${value} is outside its range ${c.low}..${c.high}`);
    }
  };
  const checkPreset = (id: string | undefined, path: PathPart[]) => {
    if (id !== undefined && !presetIds.has(id))
      add(path, `unknown preset "${id}" (presets: ${[...presetIds].join(', ')})`);
  };
  const checkOutcome = (id: string, path: PathPart[]) => {
    if (!outcomeIds.has(id)) add(path, `unknown outcome "${id}" (outcomes: ${[...outcomeIds].join(', ')})`);
  };
  // A check may read any series: an outcome, a variable or a stock.
  const checkSeries = (id: string, path: PathPart[]) => {
    if (!recorded.has(id)) add(path, `unknown outcome, variable or stock "${id}"`);
  };
  const checkDate = (date: string | number | undefined, path: PathPart[]) => {
    if (typeof date === 'string' && date.slice(0, 7) < s.time.start) {
      add(path, `${date} is before the scenario starts (${s.time.start})`);
    }
  };

  /** A date the run has a point for: a day of the calendar, from the start to the horizon. */
  const checkPoint = (date: string | undefined, path: PathPart[]) => {
    if (date === undefined) return;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined];
    if (d !== undefined && d > new Date(Date.UTC(y, m, 0)).getUTCDate()) {
      add(path, `${date} is not a day of the calendar`);
      return;
    }
    const step = Math.floor(timeOfDate(s.time, date) / s.time.step + 1e-9);
    if (step < 0) add(path, `${date} is before the scenario starts (${s.time.start})`);
    else if (step > Math.round(s.time.horizon / s.time.step)) {
      add(path, `${date} is after the scenario's horizon (its last month is ${dateAt(s.time, s.time.horizon)})`);
    }
  };

  s.levers.forEach((l, i) => {
    for (const id of Object.keys(l.expect)) checkOutcome(id, ['levers', i, 'expect', id]);
  });
  s.outcomes.forEach((o, i) => {
    if (o.summary.of === 'at' && o.summary.at === undefined)
      add(['outcomes', i, 'summary'], '`of: at` needs `at`, a date');
    checkDate(o.summary.at, ['outcomes', i, 'summary', 'at']);
  });
  s.presets.forEach((pr, i) => {
    checkValues(pr.values, ['presets', i, 'values']);
    for (const [id, entries] of Object.entries(pr.schedule ?? {})) {
      const path: PathPart[] = ['presets', i, 'schedule', id];
      const l = leverById.get(id);
      if (!l) {
        add(path, `unknown lever "${id}"`);
        continue;
      }
      entries.forEach((e, j) => {
        if (e.value < l.min || e.value > l.max) add([...path, j, 'value'], `${e.value} is outside ${l.min}..${l.max}`);
        checkDate(e.from, [...path, j, 'from']);
        if (j > 0 && e.from <= entries[j - 1]!.from) add([...path, j, 'from'], 'dates must be in order');
      });
    }
  });

  // Which observations each constant was fitted to, so that no check tests them.
  const fittedBy = new Map<string, string>();
  s.constants.forEach((c, i) => {
    c.fitted?.to.forEach((id, j) => {
      if (!observationIds.has(id)) add(['constants', i, 'fitted', 'to', j], `unknown observation "${id}"`);
      fittedBy.set(id, c.id);
    });
  });
  s.checks.forEach((c, i) => {
    const p: PathPart[] = ['checks', i];
    checkPreset(c.preset, [...p, 'preset']);
    checkAssumed(c.assume, [...p, 'assume']);
    checkPreset(c.counter.preset, [...p, 'counter', 'preset']);
    checkValues(c.counter.set ?? {}, [...p, 'counter', 'set']);
    checkAssumed(c.counter.assume, [...p, 'counter', 'assume']);
    if (Object.keys(c.counter).length === 0)
      add([...p, 'counter'], 'the counter-setting is empty: name levers or constants under which the check fails');
    if ('set' in c) checkValues(c.set, [...p, 'set']);
    if ('compare' in c) {
      checkValues(c.compare.a, [...p, 'compare', 'a']);
      checkValues(c.compare.b, [...p, 'compare', 'b']);
    }
    if ('sweep' in c) {
      checkValues(c.sweep.set, [...p, 'sweep', 'set']);
      const l = leverById.get(c.sweep.lever);
      if (!l) add([...p, 'sweep', 'lever'], `unknown lever "${c.sweep.lever}"`);
      else checkValues(Object.fromEntries(c.sweep.values.map((v) => [l.id, v])), [...p, 'sweep', 'values']);
    }
    const tested: [string, PathPart[]][] = (c.tests ?? []).map((id, j) => [id, [...p, 'tests', j]]);
    c.expect.forEach((e, j) => {
      checkSeries(e.outcome, [...p, 'expect', j, 'outcome']);
      checkDate(e.at, [...p, 'expect', j, 'at']);
      if ('near' in e && typeof e.near === 'string' && e.near !== 'start')
        tested.push([e.near, [...p, 'expect', j, 'near']]);
    });
    for (const [id, path] of tested) {
      if (!observationIds.has(id)) add(path, `unknown observation "${id}" (a number, "start" or an observation id)`);
      const constant = fittedBy.get(id);
      if (constant) {
        add(path, `this check tests "${id}", which constant "${constant}" was fitted to: test it on other data`);
      }
    }
  });

  if (s.effects) {
    s.effects.bases.forEach((b, i) => checkValues(b.values, ['effects', 'bases', i, 'values']));
    s.effects.columns?.forEach((id, i) => checkOutcome(id, ['effects', 'columns', i]));
    s.effects.reach?.actors.forEach((id, i) => {
      if (!actorIds.has(id)) add(['effects', 'reach', 'actors', i], `unknown actor "${id}"`);
    });
    s.effects.reach?.outcomes.forEach((id, i) => checkOutcome(id, ['effects', 'reach', 'outcomes', i]));
  }

  s.lessons.forEach((lesson, i) => {
    for (const side of ['a', 'b'] as const) {
      checkValues(lesson[side].set, ['lessons', i, side, 'set']);
      checkPreset(lesson[side].preset, ['lessons', i, side, 'preset']);
    }
    for (const lang of ['en', 'ar'] as const) {
      for (const m of lesson.text[lang].matchAll(/\{([^}]*)\}/g)) {
        const [kind, id] = m[1]!.split('.');
        if (!['a', 'b', 'diff'].includes(kind!) || id === undefined || !recorded.has(id)) {
          add(['lessons', i, 'text', lang], `"{${m[1]}}" is not {a.<outcome>}, {b.<outcome>} or {diff.<outcome>}`);
        }
      }
    }
  });

  // The story: each step names a real preset, levers, an outcome and a point of the run, and a
  // choice question's ranges are in order (the model, not the file, says which one is right).
  uniqueIn(s.story, 'story');
  s.story.forEach((step, i) => {
    const p: PathPart[] = ['story', i];
    checkPreset(step.preset, [...p, 'preset']);
    checkValues(step.set ?? {}, [...p, 'set']);
    checkPoint(step.at, [...p, 'at']);
    checkOutcome(step.highlight, [...p, 'highlight']);
    step.levers.forEach((id, j) => {
      if (!leverIds.has(id)) add([...p, 'levers', j], `unknown lever "${id}" (levers: ${[...leverIds].join(', ')})`);
    });
    if (step.question?.kind === 'choice') checkRanges(step.question.choices, [...p, 'question', 'choices'], 'choice');
  });

  if (s.time.horizon > s.time.maxHorizon)
    add(['time', 'horizon'], `horizon is above maxHorizon (${s.time.maxHorizon})`);

  return problems.length > 0 ? { problems } : { scenario: s, problems };
}
