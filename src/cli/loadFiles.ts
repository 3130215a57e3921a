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
