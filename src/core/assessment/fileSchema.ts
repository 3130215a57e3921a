import { z } from '../shared/zod.ts';
import { questionIdPattern } from '../questionSet/ids.ts';
import { isRealDate, textLimits, type LimitedField } from './limits.ts';
import { assessmentFormat, currentFormatVersion } from './formatVersion.ts';

const limited = (field: LimitedField) => {
  const max = textLimits[field];
  return z.string().max(max, `must be at most ${max} characters`);
};
const nonBlank = (field: LimitedField) =>
  limited(field).refine((value) => value.trim() !== '', 'must not be empty');

const date = z.string().refine(isRealDate, 'must be a real date written YYYY-MM-DD');
const timestamp = z
  .string()
  .max(40)
  .refine(
    (value) => !Number.isNaN(Date.parse(value)),
    'must be a date and time such as 2026-11-26T10:00:00Z',
  );

/** One answer; the `Answer` type is derived from this schema (model.ts). */
export const answerSchema = z.strictObject({
  /** An option id of the question, 'na' (not applicable) or 'unknown'. */
  choice: limited('choice').optional(),
  note: limited('note').optional(),
  /** Why the question does not apply, for the choice 'na' (format 4; before, the note said it). */
  naReason: limited('naReason').optional(),
  evidence: limited('evidence').optional(),
  /** When the evidence was gathered or last checked, YYYY-MM-DD. */
  evidenceDate: date.optional(),
  owner: limited('owner').optional(),
  /** YYYY-MM-DD */
  due: date.optional(),
  /**
   * Copied from the previous cycle, or taken from another set (`takenFrom`), and not yet
   * confirmed or changed by anyone.
   */
  carriedOver: z.literal(true).optional(),
  /**
   * Format 5: the answer of an equivalent question of another set's assessment for the same
   * organisation and scope, read into this question's options; dropped once confirmed.
   */
  takenFrom: z
    .strictObject({
      set: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'is not a question-set id'),
      cycle: limited('cycle'),
      question: z.string().regex(questionIdPattern, 'is not a question id'),
    })
    .optional(),
  /** For "not applicable" on a critical control: what stands in for it. */
  compensatingControl: limited('compensatingControl').optional(),
  /** For "not applicable" on a critical control: who accepted the remaining risk (name and role). */
  riskAcceptedBy: limited('riskAcceptedBy').optional(),
});

export const integritySchema = z.strictObject({
  algorithm: z.literal('SHA-256'),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal characters'),
  exportedAt: timestamp,
});

// Without format and formatVersion, which come first in a file (the schemas keep key order).
const assessmentFields = {
  questionSet: z.strictObject({
    id: z.string().min(1).max(40),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
  }),
  organisation: nonBlank('organisation'),
  scope: limited('scope'),
  cycle: nonBlank('cycle'),
  assessor: limited('assessor').optional(),
  /** The cycle this one was started from, when it was carried forward. */
  carriedFrom: limited('carriedFrom').optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  answers: z.record(z.string().regex(questionIdPattern, 'is not a question id'), answerSchema),
};

/** The assessment as the app holds it; the `Assessment` type is derived from this schema. */
export const assessmentSchema = z.strictObject({
  format: z.literal(assessmentFormat),
  formatVersion: z.literal(currentFormatVersion),
  ...assessmentFields,
});

/** Formats 1 to 5 share one schema: each later format only added optional fields. */
export const assessmentFileSchema = z.strictObject({
  format: z.literal(assessmentFormat),
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  ...assessmentFields,
  integrity: integritySchema.optional(),
});
