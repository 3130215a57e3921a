import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkEquivalence } from '../core/questionSet/equivalences.ts';
import { parseQuestionSet, type ParseSetResult } from '../core/questionSet/parse.ts';
import { formatSetProblem } from '../core/questionSet/problems.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { fail, succeed, type Result } from '../core/result.ts';

/**
 * Reads every .yaml file of a set folder and parses them as one question set. Node only: the
 * command line and the build's question-set plugin share it; the browser gets the set as JSON.
 * A set that shares facts with another (equivalences.yaml) is checked against that set, which
 * lives in the folder beside it (questions/<id>/).
 */
export function loadQuestionSetFolder(folder: string): ParseSetResult {
  const loaded = loadOneFolder(folder);
  if (!loaded.ok) return loaded;
  const problems = loaded.value.equivalences.flatMap((equivalence) => {
    const besideFolder = join(dirname(folder), equivalence.with);
    const beside = equivalence.with === loaded.value.id ? undefined : loadOneFolder(besideFolder);
    if (beside && !beside.ok)
      return [
        {
          file: 'equivalences.yaml',
          field: 'with',
          message: `the set in ${besideFolder} does not load: ${beside.problems.map(formatSetProblem).join('; ')}`,
        },
      ];
    // A set lives in questions/<its id>/; a folder holding another set is not the one named.
    const other = beside?.value.id === equivalence.with ? beside.value : undefined;
    return checkEquivalence(loaded.value, equivalence, other);
  });
  return problems.length > 0 ? { ok: false, problems } : loaded;
}

function loadOneFolder(folder: string): ParseSetResult {
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    return { ok: false, problems: [{ file: folder, message: 'is not a folder' }] };
  }
  const files = new Map<string, string>();
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.yaml')) files.set(name, readFileSync(join(folder, name), 'utf8'));
  }
  return parseQuestionSet(files);
}

/** Every set folder under `root` (questions/), each loaded and checked, in a stable order. */
export function loadQuestionSetLibrary(root: string): Result<QuestionSet[], string> {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
    return fail(`${root} is not a folder of question sets`);
  const folders = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort(bySetOrder);
  const sets: QuestionSet[] = [];
  const problems: string[] = [];
  for (const name of folders) {
    const loaded = loadQuestionSetFolder(join(root, name));
    if (loaded.ok) sets.push(loaded.value);
    else problems.push(...loaded.problems.map((p) => `${name}/${formatSetProblem(p)}`));
  }
  return problems.length > 0 ? fail(...problems) : succeed(sets);
}

// The first set the app shipped comes first, so that its users find the app as they knew it.
const bySetOrder = (a: string, b: string) =>
  Number(b === 'softcell') - Number(a === 'softcell') || a.localeCompare(b);
