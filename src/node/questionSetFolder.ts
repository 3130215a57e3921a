import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionSet, type ParseSetResult } from '../core/questionSet/parse.ts';

/**
 * Reads every .yaml file of a set folder and parses them as one question set. Node only: the
 * command line and the build's question-set plugin share it; the browser gets the set as JSON.
 */
export function loadQuestionSetFolder(folder: string): ParseSetResult {
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    return { ok: false, problems: [{ file: folder, message: 'is not a folder' }] };
  }
  const files = new Map<string, string>();
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.yaml')) files.set(name, readFileSync(join(folder, name), 'utf8'));
  }
  return parseQuestionSet(files);
}
