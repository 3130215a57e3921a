import { z } from 'zod';
import { questionIdPattern } from '../questionSet/schema.ts';
import { assessmentFormat } from './model.ts';

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonBlank = (max: number) =>
  shortText(max).refine((value) => value.trim() !== '', 'must not be empty');
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const isRealDate = (value: string): boolean => {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

const date = z.string().refine(isRealDate, 'must be a real date written YYYY-MM-DD');
const timestamp = z
  .string()
  .max(40)
  .refine(
    (value) => !Number.isNaN(Date.parse(value)),
    'must be a date and time such as 2026-11-26T10:00:00Z',
  );

export const answerSchema = z.strictObject({
  choice: z.string().max(40).optional(),
  note: shortText(10_000).optional(),
  evidence: shortText(10_000).optional(),
  evidenceDate: date.optional(),
  owner: shortText(200).optional(),
  due: date.optional(),
  carriedOver: z.literal(true).optional(),
  compensatingControl: shortText(10_000).optional(),
  riskAcceptedBy: shortText(200).optional(),
});

export const integritySchema = z.strictObject({
  algorithm: z.literal('SHA-256'),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal characters'),
  exportedAt: timestamp,
});

/** Formats 1 to 3 share one schema: formats 2 and 3 only added optional fields. */
export const assessmentFileSchema = z.strictObject({
  format: z.literal(assessmentFormat),
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  questionSet: z.strictObject({
    id: z.string().min(1).max(40),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
  }),
  organisation: nonBlank(200),
  scope: shortText(200),
  cycle: nonBlank(40),
  assessor: shortText(200).optional(),
  carriedFrom: shortText(40).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  answers: z.record(z.string().regex(questionIdPattern, 'is not a question id'), answerSchema),
  integrity: integritySchema.optional(),
});
