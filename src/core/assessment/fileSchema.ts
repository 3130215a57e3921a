import { z } from '../shared/zod.ts';
import { questionIdPattern } from '../questionSet/ids.ts';
import { maxHistoryEntries } from '../delegation/fields.ts';
import { delegationSchema, historyEntrySchema } from '../delegation/schema.ts';
import {
  dateField as date,
  limited,
  nonBlank,
  setReferenceField,
  timestampField as timestamp,
} from './fieldSchemas.ts';
import { assessmentFormat, currentFormatVersion, readableFormatVersions } from './formatVersion.ts';

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
  /** Format 6: when the evidence text was last typed or received, beside when it was true. */
  evidenceEnteredAt: timestamp.optional(),
  /** Format 6: who changed, confirmed or merged this answer, oldest first. */
  history: z.array(historyEntrySchema).max(maxHistoryEntries).optional(),
});

export const integritySchema = z.strictObject({
  algorithm: z.literal('SHA-256'),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal characters'),
  exportedAt: timestamp,
});

// Without format and formatVersion, which come first in a file (the schemas keep key order).
const assessmentFields = {
  questionSet: setReferenceField,
  organisation: nonBlank('organisation'),
  scope: limited('scope'),
  cycle: nonBlank('cycle'),
  assessor: limited('assessor').optional(),
  /** The cycle this one was started from, when it was carried forward. */
  carriedFrom: limited('carriedFrom').optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  answers: z.record(z.string().regex(questionIdPattern, 'is not a question id'), answerSchema),
  /** Format 6: the people the lead sent questions to, and what came back. */
  delegation: delegationSchema.optional(),
};

/** The assessment as the app holds it; the `Assessment` type is derived from this schema. */
export const assessmentSchema = z.strictObject({
  format: z.literal(assessmentFormat),
  formatVersion: z.literal(currentFormatVersion),
  ...assessmentFields,
});

/** Formats 1 to 6 share one schema: each later format only added optional fields. */
export const assessmentFileSchema = z.strictObject({
  format: z.literal(assessmentFormat),
  formatVersion: z
    .number()
    .refine((version) => readableFormatVersions.includes(version), 'is not a known format version'),
  ...assessmentFields,
  integrity: integritySchema.optional(),
});
