import { canonicalJson } from './canonicalJson.ts';
import { sha256Hex } from './sha256.ts';

/**
 * The digest every Cellguard file carries (assessment, backup, questionnaire, response): SHA-256
 * over the canonical JSON of the file without its integrity block, so that re-indenting keeps it
 * and any changed value breaks it.
 */
export function contentDigest(file: Readonly<Record<string, unknown>>): string {
  const { integrity: _integrity, ...content } = file;
  return sha256Hex(canonicalJson(content));
}
