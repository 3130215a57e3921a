import { z } from '../shared/zod.ts';
import { questionIdPattern } from './ids.ts';

const questionId = z.string().regex(questionIdPattern, 'is not a question id');
const optionId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'is not an option id');

/** How one question of an older version maps into the newer one. */
export const questionMappingSchema = z.union([
  z.strictObject({ from: questionId, to: questionId }),
  z.strictObject({
    from: questionId,
    to: z.array(questionId).min(2, 'a split needs at least two new questions'),
  }),
  z.strictObject({
    from: questionId,
    drop: z.string().trim().min(1, 'say why the question was removed'),
  }),
]);

export const migrationSchema = z.strictObject({
  /** The major version answers are migrated from. */
  from: z.string().regex(/^\d+$/, 'must be a major version number such as "1"'),
  /** The version they are migrated to. */
  to: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 2.0.0'),
  questions: z.array(questionMappingSchema).default([]),
  /**
   * An option renamed, or (with a reason) an answer moved to the option of the new ladder that it
   * still guarantees; a moved answer is marked for confirmation.
   */
  options: z
    .array(
      z.strictObject({
        question: questionId,
        from: optionId,
        to: optionId,
        reason: z.string().trim().min(1).optional(),
      }),
    )
    .default([]),
  /**
   * Answers kept under the same id whose meaning may have shifted (a ladder made precise): they
   * are kept, marked for confirmation, and the reason is listed. `options` limits it to answers
   * that chose one of them.
   */
  confirm: z
    .array(
      z.strictObject({
        question: questionId,
        options: z.array(optionId).min(1).optional(),
        reason: z.string().trim().min(1, 'say why the answer needs confirming'),
      }),
    )
    .default([]),
});

export const migrationFileSchema = z.strictObject({ migrations: z.array(migrationSchema) });

export type SetMigration = z.infer<typeof migrationSchema>;
export type QuestionMapping = z.infer<typeof questionMappingSchema>;
