import { formatProblem } from '../core/result.ts';
import { readPassphraseFile } from '../node/assessmentFile.ts';

/** Where an encrypted file's passphrase comes from; never from an argument (history, ps). */
export const passphraseVariable = 'CELLGUARD_PASSPHRASE';

export interface Passphrase {
  value: string;
  /** Named in the line that says it does not open a file: "--passphrase-file key.txt". */
  source: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The passphrase for encrypted files: the first line of --passphrase-file when given, otherwise
 * the CELLGUARD_PASSPHRASE environment variable, otherwise none. A named file that cannot be
 * read is a mistake even when no file turns out to be encrypted.
 */
export function passphraseFrom(
  file: string | undefined,
  env: Environment,
): { ok: true; value: Passphrase | undefined } | { ok: false; line: string } {
  if (file !== undefined) {
    const read = readPassphraseFile(file);
    if (!read.ok) {
      const [first] = read.problems;
      return { ok: false, line: first ? formatProblem(first) : `${file}: cannot be read` };
    }
    return { ok: true, value: { value: read.value, source: `--passphrase-file ${file}` } };
  }
  const fromEnv = env[passphraseVariable];
  if (fromEnv) return { ok: true, value: { value: fromEnv, source: passphraseVariable } };
  return { ok: true, value: undefined };
}
