import { z } from '../shared/zod.ts';
import { questionIdPattern } from './ids.ts';

const questionId = z.string().regex(questionIdPattern, 'is not a question id');
const optionMap = z.record(
  z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'is not an option id'),
  z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'is not an option id'),
);

/**
 * One fact two sets both ask: a question of this set, the question of the other set that asks the
 * same fact about the same systems, and how each one's options read in the other's ladder.
 */
export const equivalencePairSchema = z.strictObject({
  here: questionId,
  there: questionId,
  /** A short name of the shared fact, as the assessor sees it ("Out-of-band management"). */
  fact: z.string().trim().min(1, 'fact must not be empty').max(80),
  /** Every option of `here` to an option of `there`. */
  toThere: optionMap,
  /** Every option of `there` to an option of `here`. */
  toHere: optionMap,
});

/** equivalences.yaml: the facts this set shares with one other set, answered once. */
export const equivalenceFileSchema = z.strictObject({
  with: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be the id of another question set'),
  pairs: z.array(equivalencePairSchema).min(1, 'list at least one pair'),
});

export type EquivalencePair = z.infer<typeof equivalencePairSchema>;
export type Equivalence = z.infer<typeof equivalenceFileSchema>;
