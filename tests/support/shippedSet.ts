import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionSet } from '../../src/core/questionSet/parse.ts';
import type { QuestionSet } from '../../src/core/questionSet/schema.ts';
import { loadQuestionSetLibrary } from '../../src/node/questionSetFolder.ts';

export const shippedSetFolder = join(import.meta.dirname, '../../questions/softcell');

/** The shipped set's files by name, for tests that break one of them on purpose. */
export function shippedSetFiles(): Map<string, string> {
  return new Map(
    readdirSync(shippedSetFolder)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [name, readFileSync(join(shippedSetFolder, name), 'utf8')]),
  );
}

export function loadShippedSet(): QuestionSet {
  const result = parseQuestionSet(shippedSetFiles());
  if (!result.ok) throw new Error(`the shipped set is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** Every set the app ships (questions/*), checked with the facts they share, as the build reads them. */
export function loadShippedSets(): QuestionSet[] {
  const result = loadQuestionSetLibrary(join(import.meta.dirname, '../../questions'));
  if (!result.ok) throw new Error(`the shipped sets are invalid: ${result.problems.join('\n')}`);
  return result.value;
}
