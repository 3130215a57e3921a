import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../core/assessment/model.ts';
import { formatFileProblem, parseAssessmentText } from '../core/assessment/parseFile.ts';
import { formatProblem } from '../core/questionSet/problems.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { loadQuestionSetFolder } from './questionSetFolder.ts';

export type Loaded =
  { ok: true; set: QuestionSet; assessment: Assessment } | { ok: false; line: string };

/** The set an assessment names, from questions/<id>, unless --set names a folder. */
function setFolderFor(text: string, explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  try {
    const id: unknown = (JSON.parse(text) as { questionSet?: { id?: unknown } } | null)?.questionSet
      ?.id;
    return typeof id === 'string' && /^[a-z][a-z0-9-]{1,39}$/.test(id)
      ? join('questions', id)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and checks an assessment file and its question set; every failure is one plain line. */
export function loadAssessment(file: string | undefined, setFolder: string | undefined): Loaded {
  if (!file)
    return {
      ok: false,
      line: 'name an assessment file, e.g. tests/fixtures/assessments/middle-profile.json',
    };
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return { ok: false, line: `${file}: no such file` };
  const text = readFileSync(file, 'utf8');
  const folder = setFolderFor(text, setFolder) ?? 'questions/softcell';
  const loadedSet = loadQuestionSetFolder(folder);
  if (!loadedSet.ok) {
    const [first] = loadedSet.problems;
    return {
      ok: false,
      line: `${file}: its question set ${folder} cannot be used (${first ? formatProblem(first) : 'invalid'})`,
    };
  }
  const parsed = parseAssessmentText(text, loadedSet.set);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.problems;
    const more =
      rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    return { ok: false, line: `${file}: ${first ? formatFileProblem(first) : 'invalid'}${more}` };
  }
  return { ok: true, set: loadedSet.set, assessment: parsed.assessment };
}
