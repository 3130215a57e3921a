import { z } from '../shared/zod.ts';
import { questionIdPattern } from '../questionSet/ids.ts';
import { isRealDate, textLimits, type LimitedField } from './limits.ts';

/** The schemas of single fields, shared by every Cellguard file that holds them. */

export const limited = (field: LimitedField) => {
  const max = textLimits[field];
  return z.string().max(max, `must be at most ${max} characters`);
};

export const nonBlank = (field: LimitedField) =>
  limited(field).refine((value) => value.trim() !== '', 'must not be empty');

export const dateField = z.string().refine(isRealDate, 'must be a real date written YYYY-MM-DD');

export const timestampField = z
  .string()
  .max(40)
  .refine(
    (value) => !Number.isNaN(Date.parse(value)),
    'must be a date and time such as 2026-11-26T10:00:00Z',
  );

export const questionIdField = z.string().regex(questionIdPattern, 'is not a question id');

/** A random identifier written as hexadecimal digits, of the given length. */
export const hexId = (length: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `must be ${length} hexadecimal digits`);

export const setReferenceField = z.strictObject({
  id: z.string().min(1).max(40),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
});
