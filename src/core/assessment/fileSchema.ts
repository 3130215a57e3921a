import { z } from 'zod';
import { questionIdPattern } from '../questionSet/schema.ts';
import { assessmentFormat, currentFormatVersion } from './model.ts';

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const isRealDate = (value: string): boolean => {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

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
  owner: shortText(200).optional(),
  due: z.string().refine(isRealDate, 'must be a real date written YYYY-MM-DD').optional(),
});

export const assessmentFileSchema = z.strictObject({
  format: z.literal(assessmentFormat),
  formatVersion: z.literal(currentFormatVersion),
  questionSet: z.strictObject({
    id: z.string().min(1).max(40),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
  }),
  organisation: shortText(200).trim().min(1, 'must not be empty'),
  scope: shortText(200),
  cycle: shortText(40).trim().min(1, 'must not be empty'),
  assessor: shortText(200).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  answers: z.record(z.string().regex(questionIdPattern, 'is not a question id'), answerSchema),
});
