import { join, resolve } from 'node:path';
import type { Assessment } from '../core/assessment/model.ts';
import { importAssessmentFile } from '../core/assessment/transfer.ts';
import { isEncryptedFile } from '../core/crypto/passphrase.ts';
import type { ParseSetResult } from '../core/questionSet/parse.ts';
import { formatSetProblem } from '../core/questionSet/problems.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { fail, formatProblem, succeed, type Problem, type Result } from '../core/result.ts';
import { readAssessmentText } from '../node/assessmentFile.ts';
import { loadQuestionSetFolder, loadQuestionSetLibrary } from '../node/questionSetFolder.ts';
import { passphraseVariable, type Passphrase } from './passphrase.ts';

export type Loaded =
  | {
      ok: true;
      set: QuestionSet;
      assessment: Assessment;
      /** The file was encrypted: what is written from it is encrypted again (assign, merge). */
      encrypted: boolean;
    }
  | { ok: false; line: string };

/** Where the shipped sets live, one folder per set id: found from this file, wherever it runs from. */
export const setsFolder = resolve(import.meta.dirname, '../../questions');

/**
 * The set an assessment names, from questions/<id>, unless --set names a folder. An encrypted
 * file keeps its set's id inside the encryption: undefined, and every shipped set is offered.
 */
function setFolderFor(text: string, explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  try {
    const id: unknown = (JSON.parse(text) as { questionSet?: { id?: unknown } } | null)?.questionSet
      ?.id;
    return typeof id === 'string' && /^[a-z][a-z0-9-]{1,39}$/.test(id)
      ? join(setsFolder, id)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The one line for a file the import path refused; the passphrase cases say what to do. */
function refusal(
  file: string,
  problems: readonly Problem[],
  passphrase: Passphrase | undefined,
  setChosen: boolean,
): string {
  const [first, ...rest] = problems;
  switch (first?.code) {
    case 'needs-passphrase':
      return `${file}: this file is encrypted; give its passphrase with --passphrase-file FILE (first line) or the ${passphraseVariable} environment variable.`;
    case 'wrong-passphrase':
      return `${file}: the passphrase from ${passphrase?.source ?? 'nowhere'} does not open it (a wrong passphrase, or the file was changed after it was encrypted).`;
    case 'crypto-unavailable':
      return `${file}: this Node.js has no Web Crypto to decrypt it; use Node.js 20.19 or later.`;
  }
  const more =
    rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  const hint =
    first?.path === 'questionSet.id' && !setChosen ? ' Name its set with --set <folder>.' : '';
  return `${file}: ${first ? formatProblem(first) : 'invalid'}${more}${hint}`;
}

/**
 * Reads an assessment file and its question set, and opens the file through the browser's own
 * import path (JSON, decryption, every contract check, migration of older sets). Every failure is
 * one plain line.
 */
export async function loadAssessment(
  file: string,
  setFolder: string | undefined,
  passphrase: Passphrase | undefined,
  /** Sets already read in this command, by folder: a report and its --previous share one. */
  sets: Map<string, ParseSetResult> = new Map(),
): Promise<Loaded> {
  const text = readAssessmentText(file);
  if (!text.ok) {
    const [first] = text.problems;
    return { ok: false, line: first ? formatProblem(first) : `${file}: cannot be read` };
  }
  const folder = setFolderFor(text.value, setFolder);
  const loadedSets = folder === undefined ? library() : one(folder, sets);
  if (!loadedSets.ok) {
    return {
      ok: false,
      line: `${file}: its question set ${folder ?? setsFolder} cannot be used (${loadedSets.problems[0] ?? 'invalid'})`,
    };
  }
  const opened = await importAssessmentFile(text.value, loadedSets.value, passphrase?.value);
  if (!opened.ok)
    return { ok: false, line: refusal(file, opened.problems, passphrase, setFolder !== undefined) };
  const { assessment } = opened.value;
  const set = loadedSets.value.find((s) => s.id === assessment.questionSet.id);
  // importAssessmentFile admits only a file of one of the given sets.
  if (!set) return { ok: false, line: `${file}: no question set ${assessment.questionSet.id}` };
  return { ok: true, set, assessment, encrypted: isEncryptedText(text.value) };
}

/** Whether a file's text, already opened once, is an encrypted envelope. */
function isEncryptedText(text: string): boolean {
  try {
    return isEncryptedFile(JSON.parse(text));
  } catch {
    return false;
  }
}

function one(folder: string, cache: Map<string, ParseSetResult>): Result<QuestionSet[], string> {
  const loaded = cache.get(folder) ?? loadQuestionSetFolder(folder);
  cache.set(folder, loaded);
  return loaded.ok ? succeed([loaded.value]) : fail(...loaded.problems.map(formatSetProblem));
}

function library(): Result<QuestionSet[], string> {
  return loadQuestionSetLibrary(setsFolder);
}

/** Every shipped set's title by id, for a report that names the set answers were taken from. */
export function shippedSetTitles(): Record<string, string> {
  const loaded = library();
  return loaded.ok ? Object.fromEntries(loaded.value.map((s) => [s.id, s.title])) : {};
}
