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

/** A calendar date: a month (the start of it) or a day. */
export const DateText = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date is YYYY-MM or YYYY-MM-DD')
  .meta({ description: 'A date, YYYY-MM (the start of that month) or YYYY-MM-DD.' });

/** A point in time: steps from the scenario's start, or a date. */
const When = z.union([z.number().min(0), DateText]).meta({
  description: 'Steps from the start (0 is the start), or a date: YYYY-MM is the state at the start of that month.',
});

const Direction = z.enum(['up', 'down']);

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
  mechanism: LocalizedText.meta({
    description: 'How this lever acts, in one sentence a teacher can say (what it changes, and through what).',
  }),
  actsWith: LocalizedText.optional().meta({
    description:
      'Shown next to the slider when the lever acts only together with another, e.g. "acts only on a US offer".',
  }),
  expect: z.record(z.string(), Direction).default({}).meta({
    description:
      'The direction in which raising this lever moves outcomes (outcome id: up or down). The effects test fails if the model moves one the other way.',
  }),
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
  step: z.number().positive().optional().meta({
    description: 'Grid for the Assumptions panel and share links (default: a round hundredth of the range).',
  }),
  fitted: z
    .strictObject({
      to: z.array(z.string()).min(1).meta({ description: 'Ids of the observations this constant was fitted to.' }),
      how: LocalizedText.meta({ description: 'How it was fitted, in a sentence.' }),
    })
    .optional()
    .meta({ description: 'A constant fitted to data. No model check may test the observations it was fitted to.' }),
  ...Provenance,
});

/** A recorded fact the model can be compared with (a count on a date, the size of a release). */
export const Observation = z.strictObject({
  id: Id,
  label: LocalizedText,
  value: z.number(),
  unit: LocalizedText,
  date: DateText,
  sources: SourceIds.min(1),
});

export const Bounds = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

/** How a value is written wherever it appears: on a card, an axis's read-out, an arrow. */
const Format = z.strictObject({
  decimals: z.number().int().min(0).max(6),
  style: z.enum(['number', 'percent']).default('number'),
});

export const Stock = z.strictObject({
  id: Id,
  label: LocalizedText,
  unit: LocalizedText,
  format: Format.optional().meta({ description: 'How the value is written where it is shown (default: by its size).' }),
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
  format: Format.optional().meta({ description: 'How the value is written where it is shown (default: by its size).' }),
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
  format: Format,
  bounds: z.strictObject({ min: z.number(), max: z.number() }).meta({
    description: 'Every value this outcome can take, at any lever setting; the model checks hold it.',
  }),
  headline: z.boolean().default(false),
  better: z.enum(['higher', 'lower', 'neither']).default('neither'),
  bands: z.array(Band).optional(),
  summary: z
    .strictObject({
      of: z.enum(['end', 'peak', 'total', 'at']),
      at: DateText.optional().meta({ description: 'For `of: at`: the date whose value is shown.' }),
    })
    .default({ of: 'end' })
    .meta({
      description:
        'What a card shows of this outcome: its value at the end, its peak, its total over the horizon (a flow per step, summed), or its value at a date.',
    }),
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
const ConstantValues = z.record(z.string(), z.number()).meta({ description: 'Constant id: value (within its range).' });

/** A lever that changes during a run: each entry sets it from a date on. */
const Schedule = z.record(
  z.string(),
  z
    .array(z.strictObject({ from: DateText, value: z.number() }))
    .min(1)
    .meta({ description: 'From each date on, the lever takes the value (dates in order).' }),
);

export const Preset = z.strictObject({
  id: Id,
  label: LocalizedText,
  description: LocalizedText,
  values: LeverValues,
  schedule: Schedule.optional().meta({ description: 'Levers that change at dates (a replay of events).' }),
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
    at: When.optional().meta({ description: 'When; default: the outcome as its card summarises it.' }),
    min: z.number().optional(),
    max: z.number().optional(),
    near: z
      .union([z.number(), z.string()])
      .optional()
      .meta({ description: 'A number, `start` (the value at the start), or the id of an observation.' }),
    within: z.number().positive().optional().meta({ description: 'Relative tolerance for `near`.' }),
  })
  .refine((e) => e.min !== undefined || e.max !== undefined || e.near !== undefined, {
    message: 'an expectation needs min, max or near',
  })
  .refine((e) => e.near === undefined || e.within !== undefined, {
    message: '`near` needs `within` (a relative tolerance such as 0.15)',
  });

const Relation = z
  .strictObject({
    outcome: z.string(),
    at: When.optional(),
    relation: z.enum(['less', 'greater', 'equal']).optional().meta({ description: 'How A compares with B.' }),
    tolerance: z.number().min(0).optional().meta({ description: 'Absolute tolerance for `equal`.' }),
    difference: z
      .strictObject({ min: z.number().optional(), max: z.number().optional() })
      .optional()
      .meta({ description: 'Bounds on A minus B.' }),
  })
  .refine((e) => e.relation !== undefined || e.difference !== undefined, {
    message: 'a comparison needs `relation` or `difference`',
  });

const Trend = z.strictObject({
  outcome: z.string(),
  at: When.optional(),
  trend: z.enum(['increasing', 'decreasing', 'nondecreasing', 'nonincreasing', 'constant']),
});

/** A setting to run: a preset (values and schedule) as the base, then levers and constants. */
const Setting = {
  preset: z.string().optional().meta({ description: 'Start from this preset (its values and schedule).' }),
  assume: ConstantValues.optional(),
};

const CheckBase = {
  id: Id,
  claim: z.string().min(1).meta({ description: 'The claim this check tests, in a sentence.' }),
  horizon: z.number().int().positive().optional(),
  ...Setting,
  tests: z
    .array(z.string())
    .optional()
    .meta({ description: 'Observations this check tests besides those it names in `near`.' }),
  counter: z.strictObject({ set: LeverValues.optional(), ...Setting }).meta({
    description:
      'A setting (levers and/or constants, applied on top of every run of the check) under which the check must fail: proof that it can fail.',
  }),
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

/** A base setting for the lever-effects table. */
const EffectBase = z.strictObject({ id: Id, label: LocalizedText, values: LeverValues });

export const Effects = z.strictObject({
  bases: z.array(EffectBase).min(1).meta({ description: 'Settings at which each lever is moved from min to max.' }),
  columns: z.array(z.string()).optional().meta({ description: 'Outcomes in the table (default: the headline ones).' }),
  reach: z
    .strictObject({ actors: z.array(z.string()), outcomes: z.array(z.string()).min(1) })
    .optional()
    .meta({ description: 'Every lever of these actors must move at least one of these outcomes, at some base.' }),
});

/** A lesson of the model in the scenario's own words, with numbers worked out by the model. */
export const Lesson = z.strictObject({
  id: Id,
  title: LocalizedText,
  text: LocalizedText.meta({
    description:
      'May hold {a.<outcome>}, {b.<outcome>} and {diff.<outcome>} (the size of A minus B), filled in from the two settings.',
  }),
  a: z.strictObject({ set: LeverValues.default({}), preset: z.string().optional() }),
  b: z.strictObject({ set: LeverValues.default({}), preset: z.string().optional() }),
});

/**
 * One of a choice question's answers: a range of the highlighted outcome's value. The right
 * choice is worked out by the model (the one whose range holds its value), never written down.
 */
const StoryChoice = z.strictObject({
  text: LocalizedText.meta({ description: 'The range in words, e.g. "fewer than 50" or "50 to 150".' }),
  below: z.number().optional().meta({
    description: "Upper end (exclusive) of this choice's range; every choice but the last has one, the last has none.",
  }),
});

/** What students predict before a story step's result is revealed. */
const StoryQuestion = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('number').meta({
          description: "Students guess the highlighted outcome's value (at `at`, or as its card summarises it).",
        }),
        text: LocalizedText.meta({ description: 'The question, e.g. "How many will be held in August 2027?"' }),
      }),
      z.strictObject({
        kind: z.literal('choice').meta({
          description: "Students pick the range that holds the highlighted outcome's value.",
        }),
        text: LocalizedText.meta({ description: 'The question.' }),
        choices: z
          .array(StoryChoice)
          .min(2, 'a choice question has 2 or 3 choices')
          .max(3, 'a choice question has 2 or 3 choices')
          .meta({ description: 'Ranges of the highlighted outcome, in ascending order (2 or 3).' }),
      }),
    ],
    { error: "a question's `kind` is `number` or `choice`" },
  )
  .meta({ description: 'A prediction students make before the result is revealed; the model gives the answer.' });
export type StoryQuestion = z.infer<typeof StoryQuestion>;

/** A step of the story a teacher walks a class through: a setting, an outcome to watch, a question. */
const StoryStep = z.strictObject({
  id: Id,
  title: LocalizedText.meta({ description: 'A short title.' }),
  text: LocalizedText.meta({
    description: "Two to four sentences for students, in the scenario's own words; they must not give the answer away.",
  }),
  preset: z
    .string()
    .optional()
    .meta({ description: 'A preset id: its lever values and dated events (e.g. asItHappened).' }),
  set: LeverValues.optional().meta({ description: 'Lever values on top of the preset (or of the defaults).' }),
  at: DateText.optional().meta({
    description:
      "The month the step reads its outcome at (a point in the replay; YYYY-MM is the state at the start of that month); default: as the outcome's card summarises it.",
  }),
  highlight: z.string().meta({ description: 'The outcome the step is about (an outcome id).' }),
  levers: z
    .array(z.string())
    .default([])
    .meta({ description: 'The levers the step is about (lever ids); the presentation view shows only these.' }),
  question: StoryQuestion.optional(),
});
export type StoryStep = z.infer<typeof StoryStep>;

const Story = z
  .array(StoryStep)
  .meta({ description: 'Ordered steps a teacher walks a class through; students predict before each result.' });
export type Story = z.infer<typeof Story>;

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
  observations: z.array(Observation).default([]),
  checks: z.array(Check).default([]),
  effects: Effects.optional(),
  lessons: z.array(Lesson).default([]),
  story: Story.default([]),
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
export type Observation = z.infer<typeof Observation>;
export type Lesson = z.infer<typeof Lesson>;
export type Effects = z.infer<typeof Effects>;

/** The JSON Schema that editors use to complete and check scenario files. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
}
