/**
 * The scenario file format. Zod validates it with precise paths; the committed JSON Schema
 * (scenarios/scenario.schema.json) is generated from it for editor completion.
 */
import { z } from 'zod';

const LANGS = { en: 'English', ar: 'Arabic' } as const;
export type Lang = keyof typeof LANGS;

const ARABIC_LETTER = /[\u0600-\u06FF]/;
const LATIN_LETTER = /[A-Za-z]/;

function text(lang: Lang) {
  const base = z
    .string({
      error: (iss) =>
        iss.input === undefined ? `missing ${LANGS[lang]} text (${lang})` : `${LANGS[lang]} text must be a string`,
    })
    .trim()
    .min(1, `${LANGS[lang]} text (${lang}) is empty`);
  // An Arabic text that is really untranslated English is as missing as an absent one.
  return lang === 'ar'
    ? base.refine((s) => ARABIC_LETTER.test(s) || !LATIN_LETTER.test(s), 'Arabic text (ar) is not in Arabic')
    : base;
}

/** Every text a person reads exists in English and in Arabic. */
export const LocalizedText = z
  .strictObject({ en: text('en'), ar: text('ar') })
  .meta({ description: 'A text in English (en) and Arabic (ar).' });
export type LocalizedText = z.infer<typeof LocalizedText>;

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an id starts with a letter and has only letters, digits and _')
  .meta({ description: 'A name used in equations, share links and the command line.' });

const ScenarioId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a scenario id is lower-case letters, digits and hyphens');

/** An equation in the expression language, or a plain number. */
export const Expression = z.union([z.string().min(1), z.number()]).meta({
  description:
    'An equation: numbers, names, + - * / ^, comparisons, and/or/not, if, min, max, clamp, exp, log, sqrt, abs, pulse, step, ramp.',
});

const SourceIds = z.array(z.string()).meta({ description: 'Ids of entries in `sources`.' });

/** Either sources, or an explicit modelling-assumption note, or both. */
const Provenance = {
  sources: SourceIds.optional(),
  assumption: LocalizedText.optional().meta({
    description: 'Why this number is a modelling assumption rather than a sourced figure.',
  }),
};

export const Source = z.strictObject({
  id: Id,
  title: z.string().min(1),
  publisher: z.string().min(1),
  date: z.union([
    z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'),
    z.number().int().min(1000).max(9999),
  ]),
  url: z.url({ protocol: /^https?$/, error: 'a source url must start with http:// or https://' }),
  note: z.string().optional(),
});

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

export const Actor = z.strictObject({
  id: Id,
  name: LocalizedText,
  color: Colour,
  position: z
    .tuple([z.number().min(0).max(1), z.number().min(0).max(1)])
    .optional()
    .meta({ description: 'Where the actor sits in the leverage network: [x, y], each from 0 to 1.' }),
});

export const Lever = z.strictObject({
  id: Id,
  actor: z.string(),
  label: LocalizedText,
  description: LocalizedText,
  unit: LocalizedText,
  min: z.number(),
  max: z.number(),
  step: z.number().positive('step must be greater than 0'),
  default: z.number(),
  ...Provenance,
});

export const Constant = z.strictObject({
  id: Id,
  label: LocalizedText,
  unit: LocalizedText,
  value: z.number(),
  low: z.number().meta({ description: 'Lowest plausible value.' }),
  high: z.number().meta({ description: 'Highest plausible value.' }),
  note: LocalizedText.optional(),
  ...Provenance,
});

export const Bounds = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

export const Stock = z.strictObject({
  id: Id,
  label: LocalizedText,
  unit: LocalizedText,
  initial: Expression,
  inflows: z.array(Expression).default([]),
  outflows: z.array(Expression).default([]),
  bounds: Bounds.optional(),
  why: LocalizedText.optional(),
  sources: SourceIds.optional(),
});

export const Variable = z.strictObject({
  id: Id,
  label: LocalizedText,
  unit: LocalizedText,
  equation: Expression,
  why: LocalizedText.optional(),
  sources: SourceIds.optional(),
});

export const Band = z.strictObject({
  id: Id,
  below: z.number().optional().meta({ description: 'Upper limit (exclusive) of this band; the last band has none.' }),
  tone: z.enum(['bad', 'warn', 'good', 'neutral']),
  label: LocalizedText,
  text: LocalizedText,
});

export const Outcome = z.strictObject({
  id: Id,
  label: LocalizedText,
  unit: LocalizedText,
  equation: Expression,
  format: z.strictObject({
    decimals: z.number().int().min(0).max(6),
    style: z.enum(['number', 'percent']).default('number'),
  }),
  bounds: z.strictObject({ min: z.number(), max: z.number() }).meta({
    description: 'Every value this outcome can take, at any lever setting; the model checks hold it.',
  }),
  headline: z.boolean().default(false),
  better: z.enum(['higher', 'lower', 'neither']).default('neither'),
  bands: z.array(Band).optional(),
  why: LocalizedText.optional(),
  sources: SourceIds.optional(),
});

export const Link = z.strictObject({
  from: z.string(),
  to: z.string(),
  strength: z.string().meta({ description: 'The variable or outcome that gives the channel its strength.' }),
  label: LocalizedText,
});

export const Chart = z.strictObject({
  id: Id,
  title: LocalizedText,
  unit: LocalizedText,
  series: z
    .array(
      z.strictObject({
        id: z.string().meta({ description: 'A stock, variable or outcome.' }),
        color: Colour,
        scale: z.number().positive().default(1).meta({ description: 'Multiply values by this for the chart.' }),
      }),
    )
    .min(1),
  min: z.number().optional().meta({ description: 'Lowest value of the value axis (default: from the data).' }),
  max: z.number().optional().meta({ description: 'Highest value of the value axis (default: from the data).' }),
  bands: z.string().optional().meta({ description: 'An outcome whose verdict bands are drawn behind the lines.' }),
});

export const TimeMark = z.strictObject({
  series: z.string().meta({ description: 'A variable that is above 0 while the period lasts.' }),
  label: LocalizedText,
});

const LeverValues = z.record(z.string(), z.number());

export const Preset = z.strictObject({
  id: Id,
  label: LocalizedText,
  description: LocalizedText,
  values: LeverValues,
  ...Provenance,
});

export const Note = z.strictObject({
  id: Id,
  title: LocalizedText,
  text: LocalizedText,
  sources: SourceIds.optional(),
});

const Expectation = z
  .strictObject({
    outcome: z.string(),
    at: z.number().optional().meta({ description: 'Time (in steps from the start); default: the end.' }),
    min: z.number().optional(),
    max: z.number().optional(),
    near: z.union([z.number(), z.literal('start')]).optional(),
    within: z.number().positive().optional().meta({ description: 'Relative tolerance for `near`.' }),
  })
  .refine((e) => e.min !== undefined || e.max !== undefined || e.near !== undefined, {
    message: 'an expectation needs min, max or near',
  })
  .refine((e) => e.near === undefined || e.within !== undefined, {
    message: '`near` needs `within` (a relative tolerance such as 0.15)',
  });

const Relation = z.strictObject({
  outcome: z.string(),
  at: z.number().optional(),
  relation: z.enum(['less', 'greater', 'equal']).meta({ description: 'How A compares with B.' }),
  tolerance: z.number().min(0).optional().meta({ description: 'Absolute tolerance for `equal`.' }),
});

const Trend = z.strictObject({
  outcome: z.string(),
  at: z.number().optional(),
  trend: z.enum(['increasing', 'decreasing', 'nondecreasing', 'nonincreasing', 'constant']),
});

const CheckBase = {
  id: Id,
  claim: z.string().min(1).meta({ description: 'The claim this check tests, in a sentence.' }),
  horizon: z.number().int().positive().optional(),
  sources: SourceIds.optional(),
};

export const Check = z.union([
  z.strictObject({ ...CheckBase, set: LeverValues.default({}), expect: z.array(Expectation).min(1) }),
  z.strictObject({
    ...CheckBase,
    compare: z.strictObject({ a: LeverValues, b: LeverValues }),
    expect: z.array(Relation).min(1),
  }),
  z.strictObject({
    ...CheckBase,
    sweep: z.strictObject({
      lever: z.string(),
      values: z.array(z.number()).min(2),
      set: LeverValues.default({}),
    }),
    expect: z.array(Trend).min(1),
  }),
]);

export const Time = z.strictObject({
  start: z.string().regex(/^\d{4}-\d{2}$/, 'start is YYYY-MM'),
  unit: z.enum(['month', 'week']),
  step: z.number().positive().max(1).default(1).meta({ description: 'Euler step, in units.' }),
  horizon: z.number().int().positive(),
  maxHorizon: z.number().int().positive().default(240),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: ScenarioId,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is MAJOR.MINOR.PATCH'),
  title: LocalizedText,
  summary: LocalizedText,
  caveat: LocalizedText.meta({ description: 'What this model is not; shown next to the results.' }),
  notes: z.array(Note).default([]),
  sources: z.array(Source).min(1),
  time: Time,
  actors: z.array(Actor).min(1),
  levers: z.array(Lever).min(1),
  constants: z.array(Constant).default([]),
  stocks: z.array(Stock).default([]),
  variables: z.array(Variable).default([]),
  outcomes: z.array(Outcome).min(1),
  links: z.array(Link).default([]),
  charts: z.array(Chart).default([]),
  timeMarks: z.array(TimeMark).default([]),
  presets: z.array(Preset).default([]),
  checks: z.array(Check).default([]),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Lever = z.infer<typeof Lever>;
export type Constant = z.infer<typeof Constant>;
export type Stock = z.infer<typeof Stock>;
export type Variable = z.infer<typeof Variable>;
export type Outcome = z.infer<typeof Outcome>;
export type Check = z.infer<typeof Check>;
export type Preset = z.infer<typeof Preset>;
export type Band = z.infer<typeof Band>;
export type Chart = z.infer<typeof Chart>;
export type Actor = z.infer<typeof Actor>;

/** The JSON Schema that editors use to complete and check scenario files. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
}
