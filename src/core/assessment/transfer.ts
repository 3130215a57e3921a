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
 * The one path every imported file takes, in the browser, on the command line and in tests: JSON,
 * then decryption when the file is encrypted, then every check of the assessment contract. An
 * encrypted file without a passphrase fails with the code 'needs-passphrase'. Never throws; never
 * changes anything itself.
 */
export async function importAssessmentFile(
  text: string,
  sets: SetChoice,
  passphrase?: string,
): Promise<Result<ParsedAssessment>> {
  // An encrypted file carries the whole assessment as one long base64 string: the outer text is
  // bounded in size, depth and entries only. Every limit applies to the assessment itself, inside
  // the encryption or not (parseJsonText below, parseAssessmentValue).
  const outer = parseJsonText(text, Infinity);
  if (!outer.ok) return outer;
  let value = outer.value;
  if (isEncryptedFile(value)) {
    if (!isWellFormedEncryptedFile(value)) return fail(damagedEncryptedFile);
    if (!passphrase)
      return fail({
        path: '',
        code: 'needs-passphrase',
        message: 'This file is encrypted; give its passphrase to open it.',
      });
    const opened = await decryptFile(value, passphrase);
    if (!opened.ok) return opened;
    const inner = parseJsonText(opened.value);
    if (!inner.ok) return inner;
    value = inner.value;
  }
  return parseAssessmentValue(value, sets);
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
