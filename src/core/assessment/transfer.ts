import {
  damagedEncryptedFile,
  decryptFile,
  encryptText,
  isEncryptedFile,
  isWellFormedEncryptedFile,
} from '../crypto/passphrase.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { serializeAssessmentFile } from './exportFile.ts';
import { importLimits } from './inspectJson.ts';
import type { Assessment } from './model.ts';
import { formatFileProblem, parseAssessmentValue } from './parseFile.ts';

export type ImportResult =
  | { kind: 'ok'; assessment: Assessment; integrity: 'verified' | 'absent'; migrated: string[] }
  | { kind: 'needs-passphrase' }
  | { kind: 'problems'; problems: string[] };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (text.length > importLimits.maxBytes) {
    return {
      ok: false,
      problem: `The file is ${(text.length / 1e6).toFixed(1)} MB; an assessment file is never larger than ${importLimits.maxBytes / 1e6} MB.`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      problem:
        'The file is not a Cellguard assessment file: it is not JSON text, or it was cut off before its end.',
    };
  }
}

/**
 * The one path every imported file takes, in the browser and in tests: JSON, then decryption when
 * the file is encrypted, then every check of the assessment contract. Never throws; never changes
 * anything itself.
 */
export async function importAssessmentFile(
  text: string,
  set: QuestionSet,
  passphrase?: string,
): Promise<ImportResult> {
  const outer = parseJson(text.replace(/^\uFEFF/, ''));
  if (!outer.ok) return { kind: 'problems', problems: [outer.problem] };
  let value = outer.value;
  if (isEncryptedFile(value)) {
    if (!isWellFormedEncryptedFile(value))
      return { kind: 'problems', problems: [damagedEncryptedFile] };
    if (!passphrase) return { kind: 'needs-passphrase' };
    const opened = await decryptFile(value, passphrase);
    if (!opened.ok) return { kind: 'problems', problems: [opened.message] };
    const inner = parseJson(opened.text);
    if (!inner.ok) return { kind: 'problems', problems: [inner.problem] };
    value = inner.value;
  }
  const parsed = parseAssessmentValue(value, set);
  if (!parsed.ok) return { kind: 'problems', problems: parsed.problems.map(formatFileProblem) };
  return {
    kind: 'ok',
    assessment: parsed.assessment,
    integrity: parsed.integrity,
    migrated: parsed.migrated,
  };
}

/** The exported file's text, encrypted when a passphrase is given. */
export async function exportAssessmentFile(
  assessment: Assessment,
  exportedAt: Date,
  passphrase?: string,
): Promise<string> {
  const text = serializeAssessmentFile(assessment, exportedAt);
  return passphrase ? encryptText(text, passphrase) : text;
}
