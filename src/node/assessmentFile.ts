import { readFileSync, statSync } from 'node:fs';
import { importLimits } from '../core/assessment/inspectJson.ts';
import { fail, succeed, type Result } from '../core/result.ts';

/**
 * An assessment file's text from disk, for `importAssessmentFile` (the browser's own import path)
 * to check. A missing path, a folder, or a file far larger than any assessment is one problem
 * whose path is the file's name. Never throws.
 */
export function readAssessmentText(file: string): Result<string> {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return fail({ path: file, message: 'no such file' });
  // UTF-8 needs at most 4 bytes per character: anything larger cannot pass the character limit.
  if (stat.size > 4 * importLimits.maxBytes)
    return fail({
      path: file,
      message: `is ${(stat.size / 1e6).toFixed(1)} MB; an assessment file is never larger than ${importLimits.maxBytes / 1e6} MB.`,
    });
  return readText(file);
}

/**
 * The passphrase kept in a file: its first line, without the line break. Kept on disk so that it
 * never appears in shell history or in the process list, as a command-line argument would.
 */
export function readPassphraseFile(file: string): Result<string> {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return fail({ path: file, message: 'no such file' });
  if (stat.size > 64_000)
    return fail({
      path: file,
      message: 'is too large to be a passphrase file; its first line is the passphrase.',
    });
  const text = readText(file);
  if (!text.ok) return text;
  const firstLine = (text.value.replace(/^\uFEFF/, '').split('\n')[0] ?? '').replace(/\r$/, '');
  if (firstLine === '')
    return fail({ path: file, message: 'its first line is empty; write the passphrase on it.' });
  return succeed(firstLine);
}

function readText(file: string): Result<string> {
  try {
    return succeed(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    return fail({ path: file, message: `cannot be read (${reason})` });
  }
}
