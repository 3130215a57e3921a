import {
  parseAssessmentValue,
  type ParsedAssessment,
  type SetChoice,
} from '../assessment/parseFile.ts';
import { importLimits } from '../assessment/inspectJson.ts';
import { openFileJson } from '../assessment/transfer.ts';
import { fail, type Problem, type Result } from '../result.ts';
import { questionnaireFormat, responseFormat } from './fields.ts';
import {
  parseQuestionnaireValue,
  questionnaireMaxBytes,
  type Questionnaire,
} from './questionnaire.ts';
import { parseResponseValue, type ResponseFile } from './response.ts';

/**
 * Reading questionnaire and response files, in the browser and on the command line: the size, the
 * JSON, decryption with the passphrase when the file is encrypted, then the file kind's checks.
 * Never throws; never changes anything itself.
 */

export interface OpenedQuestionnaire {
  questionnaire: Questionnaire;
  digest: string;
}

export interface OpenedResponse {
  response: ResponseFile;
  digest: string;
}

function tooLarge(text: string, limit: number, what: string): Problem | undefined {
  return text.length > limit
    ? {
        path: '',
        message: `The file is ${(text.length / 1e6).toFixed(1)} MB; ${what} is never larger than ${limit / 1e6} MB.`,
      }
    : undefined;
}

const questionnaireSize = (text: string) =>
  tooLarge(text, questionnaireMaxBytes, 'a questionnaire or a response');

export async function importQuestionnaireFile(
  text: string,
  passphrase?: string,
): Promise<Result<OpenedQuestionnaire>> {
  const problem = questionnaireSize(text);
  if (problem) return fail(problem);
  const opened = await openFileJson(text, passphrase);
  return opened.ok ? parseQuestionnaireValue(opened.value) : opened;
}

export async function importResponseFile(
  text: string,
  passphrase?: string,
): Promise<Result<OpenedResponse>> {
  const problem = questionnaireSize(text);
  if (problem) return fail(problem);
  const opened = await openFileJson(text, passphrase);
  return opened.ok ? parseResponseValue(opened.value) : opened;
}

/** Any file the import page takes: an assessment, a questionnaire to answer, or a response to merge. */
export type OpenedFile =
  | { kind: 'assessment'; parsed: ParsedAssessment }
  | ({ kind: 'questionnaire' } & OpenedQuestionnaire)
  | ({ kind: 'response' } & OpenedResponse);

/**
 * Opens a file of any kind the import page takes, decrypting it first when it is encrypted (its
 * kind is only known inside), then reads it by its format. Never throws.
 */
export async function importAnyFile(
  text: string,
  sets: SetChoice,
  passphrase?: string,
): Promise<Result<OpenedFile>> {
  const problem = tooLarge(text, importLimits.maxBytes, 'a Cellguard file');
  if (problem) return fail(problem);
  const opened = await openFileJson(text, passphrase);
  if (!opened.ok) return opened;
  const value = opened.value;
  const format =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>).format
      : undefined;
  if (format === questionnaireFormat) {
    const read = parseQuestionnaireValue(value);
    return read.ok ? { ok: true, value: { kind: 'questionnaire', ...read.value } } : read;
  }
  if (format === responseFormat) {
    const read = parseResponseValue(value);
    return read.ok ? { ok: true, value: { kind: 'response', ...read.value } } : read;
  }
  const read = parseAssessmentValue(value, sets);
  return read.ok ? { ok: true, value: { kind: 'assessment', parsed: read.value } } : read;
}
