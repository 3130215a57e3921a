import { z } from '../shared/zod.ts';
import type { Equivalence } from './equivalenceSchema.ts';
import type { SetMigration } from './migrationSchema.ts';
import { questionIdPattern } from './ids.ts';

/**
 * The question-set contract of docs/file-formats.md as zod schemas; the TypeScript types are
 * inferred from them so the files, the validator and the code can never disagree.
 * Objects are strict: a misspelt field ("wieght") is an error, not a silently ignored key.
 */

const optionIdPattern = /^[a-z][a-z0-9-]{0,39}$/;
const techniqueIdPattern = /^T\d{4}(\.\d{3})?$/;
const sourceIdPattern = /^[A-Z]{2,8}$/;
const programmeIdPattern = /^[A-Z][A-Z0-9-]{1,19}$/;
/** A letter for the kind of recommendation and its number: R1 (report), D4 (derived), V3, H21. */
const recommendationIdPattern = /^[A-Z]\d{1,2}$/;

/**
 * Who a recommendation is addressed to, where the source splits its readers: the December 2024
 * guidance writes for network engineers (who build and run devices) and network defenders (who
 * watch and test them).
 */
export const audiences = ['engineers', 'defenders'] as const;
export type Audience = (typeof audiences)[number];
const audienceList = z
  .array(z.enum(audiences))
  .min(1, 'must name engineers, defenders or both')
  .refine((list) => new Set(list).size === list.length, { message: 'names an audience twice' });

/** Answers every question accepts besides its own options. */
export const universalChoices = ['na', 'unknown'] as const;

/**
 * What a control does against the attack chain. `prevent` and `detect` controls name the phases
 * they prevent or detect, continuously. `hunt` controls (hunts, sweeps, reviews, compromise
 * assessments) look for the traces of those phases from time to time: they name the phases but
 * never count as a detection in place. `respond` (evicting an intruder for good) and `foundation`
 * (what other controls depend on, such as an inventory or a log store) stop no phase by themselves.
 */
export const effects = ['prevent', 'detect', 'hunt', 'respond', 'foundation'] as const;
export type Effect = (typeof effects)[number];

const coverageValue = z
  .number()
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const idList = (pattern: RegExp, what: string) =>
  z.array(z.string().regex(pattern, `is not a valid ${what}`));

export const optionSchema = z.strictObject({
  id: z
    .string()
    .regex(optionIdPattern, 'must be lower-case letters, digits and hyphens')
    .refine((id) => !(universalChoices as readonly string[]).includes(id), {
      message: "must not be 'na' or 'unknown', which every question already offers",
    }),
  label: text('label'),
  criteria: text('criteria').optional(),
  coverage: coverageValue.optional(),
  /**
   * The evidence of this option is recorded but nobody is alerted: the same coverage in every
   * question (see loggedNotAlertedCoverage), so that "logged only" means one thing everywhere.
   */
  loggedNotAlerted: z.literal(true).optional(),
});

export const showIfSchema = z.strictObject({
  question: z.string().regex(questionIdPattern, 'is not a valid question id'),
  anyOf: z.array(z.string()).min(1, 'must list at least one option id'),
});

/** Another control this one depends on: any one of `anyOf` in place satisfies it. */
export const requirementSchema = z.strictObject({
  anyOf: z
    .array(z.string().regex(questionIdPattern, 'is not a valid question id'))
    .min(1, 'must name at least one question'),
  why: text('why'),
});

/** A stop-gap for a critical gap whose full fix takes longer than 30 days. */
export const containmentSchema = z.strictObject({
  action: text('action'),
  detail: text('detail'),
});

const remediationBody = {
  action: text('action'),
  detail: text('detail'),
  effort: z.enum(['S', 'M', 'L']),
  /** The programme of set.yaml this action rolls up into for management. */
  programme: z.string().regex(programmeIdPattern, 'is not a valid programme id').optional(),
  containment: containmentSchema.optional(),
  /**
   * Looks for an intruder that may already be inside; the plan opens with it when detection is
   * weak and the risk is high (docs/methodology.md, "Assume breach first").
   */
  assumeBreach: z.literal(true).optional(),
};
const remediationIdPattern = /^[A-Z][A-Z0-9-]{1,39}$/;

/** A remediation written inside the question it closes. */
export const inlineRemediationSchema = z.strictObject(remediationBody);

/** A remediation in set.yaml that closes several questions at once; questions name it by id. */
export const sharedRemediationSchema = z.strictObject({
  id: z.string().regex(remediationIdPattern, 'must be upper-case letters, digits and hyphens'),
  ...remediationBody,
});

export const refsSchema = z.strictObject({
  nistCsf: idList(/^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/, 'NIST CSF 2.0 id').min(1),
  /** Empty where no CIS safeguard fits (threat-intelligence sharing has none). */
  cisV8: idList(/^\d{1,2}\.\d{1,2}$/, 'CIS Controls v8 safeguard id'),
});

const questionCommon = {
  id: z.string().regex(questionIdPattern, 'must look like EXP-01'),
  domain: z.string().min(1),
  /** A short name for lists and sentences, such as "WAF in blocking mode". */
  title: text('title').max(60, 'a title is at most 60 characters'),
  text: text('text'),
  help: text('help'),
  /** Ids of the set's sources that the help text relies on for what the intruders did. */
  sources: idList(sourceIdPattern, 'source id').default([]),
  showIf: showIfSchema.optional(),
  /** Who answers it, where the set's source addresses several audiences (see `audiences`). */
  audience: audienceList.optional(),
};

/** A control the operator has or lacks; it is scored. */
export const controlQuestionSchema = z.strictObject({
  ...questionCommon,
  kind: z.literal('control'),
  recommendations: idList(recommendationIdPattern, 'recommendation id').min(
    1,
    'must name at least one recommendation',
  ),
  effect: z
    .array(z.enum(effects))
    .min(1, 'must name what the control does: prevent, detect, hunt, respond or foundation')
    .max(2, 'names at most two effects'),
  attack: idList(techniqueIdPattern, 'ATT&CK technique id'),
  phases: idList(/^P\d{1,2}$/, 'phase id'),
  weight: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 to 5')
    .max(5, 'must be 1 to 5'),
  weightReason: text('weightReason'),
  critical: z.boolean().default(false),
  criticalReason: text('criticalReason').optional(),
  requires: z.array(requirementSchema).default([]),
  options: z
    .array(optionSchema.extend({ coverage: coverageValue }))
    .min(3, 'a control needs 3 to 5 graded options')
    .max(5, 'a control needs 3 to 5 graded options'),
  remediation: z.union([
    z.string().regex(remediationIdPattern, 'must name a shared remediation of set.yaml'),
    inlineRemediationSchema,
  ]),
  refs: refsSchema,
});

/** A scoping question ("Do you run internet-facing web applications?"): never scored, only gates. */
export const scopeQuestionSchema = z.strictObject({
  ...questionCommon,
  kind: z.literal('scope'),
  options: z
    .array(optionSchema.omit({ coverage: true, loggedNotAlerted: true }))
    .min(2, 'a scoping question needs at least 2 options'),
});

export const questionSchema = z.preprocess(
  (raw) =>
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !('kind' in raw)
      ? { kind: 'control', ...raw }
      : raw,
  z.discriminatedUnion('kind', [controlQuestionSchema, scopeQuestionSchema]),
);

export const domainFileSchema = z.strictObject({
  questions: z.array(z.unknown()).min(1, 'a domain file needs at least one question'),
});

const isoDate = /^\d{4}-\d{2}(-\d{2})?$/;

export const sourceSchema = z.strictObject({
  id: z.string().regex(sourceIdPattern, 'must be 2 to 8 upper-case letters, such as CR'),
  title: text('title'),
  publisher: text('publisher'),
  date: z.string().regex(isoDate, 'must be a date as YYYY-MM-DD or YYYY-MM').optional(),
  link: z.url('must be a URL').optional(),
  note: text('note').optional(),
});

/** An ATT&CK technique's name; an object marks a mapping that is ours, not ATT&CK's. */
const techniqueSchema = z.union([
  text('name'),
  z.strictObject({ name: text('name'), ownMapping: text('ownMapping') }),
]);

export const recommendationSchema = z.strictObject({
  id: z
    .string()
    .regex(recommendationIdPattern, 'must be a capital and a number, such as R1 or H21'),
  title: text('title'),
  origin: z.enum(['report', 'derived']),
  audience: audienceList.optional(),
  summary: text('summary'),
  /** The report's own words, checked against its text. */
  quote: text('quote').optional(),
  /** A paraphrase of the report that could not be checked against its text. */
  unverified: z.literal(true).optional(),
});

export const setFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be lower-case letters, digits and hyphens'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
  title: text('title'),
  source: z.strictObject({
    report: text('report'),
    publisher: text('publisher'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    link: z.url('must be a URL'),
  }),
  /** Everything the help texts may cite for what the intruders did. */
  sources: z.array(sourceSchema).default([]),
  /** The words the options use in a fixed sense ("all", "most", "alerted"), shown to assessors. */
  definitions: z
    .array(z.strictObject({ term: text('term'), meaning: text('meaning') }))
    .default([]),
  recommendations: z.array(recommendationSchema).min(1),
  domains: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z]{2,5}$/, 'must be 2 to 5 upper-case letters'),
        title: text('title'),
        summary: text('summary'),
        file: z.string().regex(/^[a-z0-9-]+\.yaml$/, 'must name a .yaml file in the set folder'),
      }),
    )
    .min(1),
  phases: z
    .array(
      z.strictObject({
        id: z.string().regex(/^P\d{1,2}$/, 'must look like P1'),
        title: text('title'),
        summary: text('summary'),
        attack: idList(techniqueIdPattern, 'ATT&CK technique id').min(1),
      }),
    )
    .min(1),
  /** At most ten groups of actions that management reads instead of the single actions. */
  programmes: z
    .array(
      z.strictObject({
        id: z.string().regex(programmeIdPattern, 'must be upper-case letters, digits and hyphens'),
        title: text('title'),
        summary: text('summary'),
      }),
    )
    .max(10, 'at most 10 programmes: management reads them on one page')
    .default([]),
  remediations: z.array(sharedRemediationSchema).default([]),
  techniques: z.record(
    z.string().regex(techniqueIdPattern, 'is not an ATT&CK id'),
    techniqueSchema,
  ),
});

export type SetFile = z.infer<typeof setFileSchema>;
/** Every remediation has an id: its shared id, or for an inline one the id of its question. */
export type Remediation = z.infer<typeof sharedRemediationSchema>;
export type Effort = Remediation['effort'];
export type ControlQuestion = Omit<z.infer<typeof controlQuestionSchema>, 'remediation'> & {
  remediation: Remediation;
};
export type ScopeQuestion = z.infer<typeof scopeQuestionSchema>;
export type Question = ControlQuestion | ScopeQuestion;
export type QuestionOption = z.infer<typeof optionSchema>;
export type ControlOption = ControlQuestion['options'][number];
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Requirement = z.infer<typeof requirementSchema>;

/** An ATT&CK technique the set cites, with the reason when the mapping is Cellguard's own. */
export interface Technique {
  name: string;
  ownMapping?: string;
}

/** A validated question set, questions in domain order and then file order. */
export interface QuestionSet extends Omit<SetFile, 'domains' | 'remediations' | 'techniques'> {
  domains: Omit<SetFile['domains'][number], 'file'>[];
  techniques: Record<string, Technique>;
  questions: Question[];
  /** How answers given under older major versions map to this one (migrations.yaml). */
  migrations: SetMigration[];
  /** The facts this set shares with other sets, answered once (equivalences.yaml). */
  equivalences: Equivalence[];
}
