import {
  damagedEncryptedFile,
  decryptFile,
  isEncryptedFile,
  isWellFormedEncryptedFile,
  sealText,
} from '../crypto/passphrase.ts';
import { fail, succeed, type Result } from '../result.ts';
import { serializeAssessmentFile } from './exportFile.ts';
import type { Assessment } from './model.ts';
import {
  parseAssessmentValue,
  parseJsonText,
  type ParsedAssessment,
  type SetChoice,
} from './parseFile.ts';

/**
 * A file's JSON, decrypted when it is encrypted: the first steps every imported file takes. An
 * encrypted file carries its content as one long base64 string, so the outer text is bounded in
 * size, depth and entries only; the length of strings is checked on the content, inside the
 * encryption or not (by inspectJson, which each file kind's parser runs first). An encrypted file
 * without a passphrase fails with the code 'needs-passphrase'. Never throws.
 */
export async function openFileJson(
  text: string,
  passphrase: string | undefined,
): Promise<Result<unknown>> {
  const outer = parseJsonText(text, Infinity);
  if (!outer.ok) return outer;
  const value = outer.value;
  if (!isEncryptedFile(value)) return outer;
  if (!isWellFormedEncryptedFile(value)) return fail(damagedEncryptedFile);
  if (!passphrase)
    return fail({
      path: '',
      code: 'needs-passphrase',
      message: 'This file is encrypted; give its passphrase to open it.',
    });
  const opened = await decryptFile(value, passphrase);
  return opened.ok ? parseJsonText(opened.value) : opened;
}

/**
 * The one path every imported assessment file takes, in the browser, on the command line and in
 * tests: JSON, then decryption when the file is encrypted, then every check of the assessment
 * contract. Never throws; never changes anything itself.
 */
export async function importAssessmentFile(
  text: string,
  sets: SetChoice,
  passphrase?: string,
): Promise<Result<ParsedAssessment>> {
  const opened = await openFileJson(text, passphrase);
  return opened.ok ? parseAssessmentValue(opened.value, sets) : opened;
}

/** The exported file's text, encrypted when a passphrase is given. Never throws. */
export async function exportAssessmentFile(
  assessment: Assessment,
  exportedAt: Date,
  passphrase?: string,
): Promise<Result<string>> {
  const text = serializeAssessmentFile(assessment, exportedAt);
  return passphrase ? sealText(text, passphrase) : succeed(text);
}
