import { z } from '../shared/zod.ts';
import { integritySchema } from '../assessment/fileSchema.ts';
import { hexId, questionIdField, timestampField } from '../assessment/fieldSchemas.ts';
import { succeed, type Result } from '../result.ts';
import { checkedFile, sealedJson, type FileKind } from './fileCheck.ts';
import { responseFormat, responseFormatVersion } from './fields.ts';
import { assessmentReferenceSchema, personSchema, type Questionnaire } from './questionnaire.ts';
import { responseAnswerSchema, type ResponseAnswer } from './schema.ts';

/**
 * The response file: an assignee's answers to one questionnaire, for the lead to merge. It names
 * the questionnaire (id and round) and the assessment it belongs to, so that it is merged into
 * that assessment only. See docs/file-formats.md.
 */

export const responseSchema = z.strictObject({
  format: z.literal(responseFormat),
  formatVersion: z.literal(responseFormatVersion),
  questionnaireId: hexId(24),
  round: z.number().int().min(1).max(1000),
  assessment: assessmentReferenceSchema,
  from: personSchema.extend({ id: hexId(12) }),
  respondedAt: timestampField,
  answers: z.record(questionIdField, responseAnswerSchema),
  integrity: integritySchema,
});

export type ResponseFile = z.infer<typeof responseSchema>;

const responseKind: FileKind<ResponseFile> = {
  format: responseFormat,
  version: responseFormatVersion,
  schema: responseSchema,
  noun: 'a Cellguard response',
  otherKinds: {
    'cellguard-assessment':
      'This is an assessment file, not a response: import it with "Import a file" on the home page.',
    'cellguard-backup':
      'This is a backup of a whole device, not a response: restore it with "Back up or restore everything".',
    'cellguard-questionnaire':
      'This is the questionnaire itself, not a response to it: the person it was sent to answers it and sends back a response file.',
  },
};

/** The response to a questionnaire, without its digest: the assignee's answers, as given. */
export function buildResponse(
  questionnaire: Pick<
    Questionnaire,
    'questionnaireId' | 'round' | 'assessment' | 'to' | 'questions'
  >,
  answers: Readonly<Record<string, ResponseAnswer>>,
  now: Date,
): Omit<ResponseFile, 'integrity'> {
  const asked = new Set(questionnaire.questions.map((q) => q.id));
  return {
    format: responseFormat,
    formatVersion: responseFormatVersion,
    questionnaireId: questionnaire.questionnaireId,
    round: questionnaire.round,
    assessment: questionnaire.assessment,
    from: questionnaire.to,
    respondedAt: now.toISOString(),
    // Only the questions asked, in the questionnaire's order.
    answers: Object.fromEntries(
      questionnaire.questions
        .map((q) => q.id)
        .filter((id) => asked.has(id) && answers[id] !== undefined)
        .map((id) => [id, answers[id] as ResponseAnswer]),
    ),
  };
}

export function serializeResponse(response: Omit<ResponseFile, 'integrity'>, at: Date): string {
  return sealedJson(response, at);
}

/** Checks already-parsed JSON as a response file. Never throws. */
export function parseResponseValue(
  value: unknown,
): Result<{ response: ResponseFile; digest: string }> {
  const checked = checkedFile(value, responseKind);
  if (!checked.ok) return checked;
  return succeed({ response: checked.value.file, digest: checked.value.digest });
}
