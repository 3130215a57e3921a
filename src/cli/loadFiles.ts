import type { ParseSetResult } from '../core/questionSet/parse.ts';
import type { ParsedCommand } from './args.ts';
import { loadAssessment, type Loaded } from './assessmentInput.ts';
import { passphraseFrom, type Environment } from './passphrase.ts';

/**
 * Opens the named assessment files with one passphrase (from --passphrase-file or the
 * environment), in order; stops at the first failure. The files share the question sets read
 * for the first, so a file and its --previous are read against the same set.
 */
export async function loadFiles(
  files: readonly string[],
  options: ParsedCommand['options'],
  env: Environment,
): Promise<{ ok: true; loaded: Extract<Loaded, { ok: true }>[] } | { ok: false; line: string }> {
  const passphrase = passphraseFrom(options['passphrase-file'], env);
  if (!passphrase.ok) return passphrase;
  const loaded: Extract<Loaded, { ok: true }>[] = [];
  const sets = new Map<string, ParseSetResult>();
  for (const file of files) {
    const one = await loadAssessment(file, options.set, passphrase.value, sets);
    if (!one.ok) return one;
    loaded.push(one);
  }
  return { ok: true, loaded };
}

type LoadedFile = Extract<Loaded, { ok: true }>;

export const missingFile =
  'name an assessment file, e.g. tests/fixtures/assessments/middle-profile.json';

/**
 * Opens an assessment file and, when --previous names one, an earlier cycle's file, which must
 * answer the same question set (report and navigator compare the two).
 */
export async function loadWithPrevious(
  file: string | undefined,
  options: ParsedCommand['options'],
  env: Environment,
): Promise<{ ok: true; main: LoadedFile; earlier?: LoadedFile } | { ok: false; line: string }> {
  if (!file) return { ok: false, line: missingFile };
  const previousFile = options.previous;
  const files = await loadFiles(
    previousFile === undefined ? [file] : [file, previousFile],
    options,
    env,
  );
  if (!files.ok) return files;
  const [main, earlier] = files.loaded;
  if (!main) return { ok: false, line: missingFile };
  if (earlier && earlier.set.id !== main.set.id)
    return {
      ok: false,
      line: `${previousFile ?? 'the previous file'} answers ${earlier.set.id}, ${file} answers ${main.set.id}: --previous must be an earlier cycle of the same question set.`,
    };
  return { ok: true, main, ...(earlier ? { earlier } : {}) };
}
