import { z } from '../shared/zod.ts';
import { integritySchema } from '../assessment/fileSchema.ts';
import {
  hexId,
  limited,
  nonBlank,
  questionIdField,
  setReferenceField,
  timestampField,
} from '../assessment/fieldSchemas.ts';
import { showIfSchema } from '../questionSet/schema.ts';
import { fail, succeed, type Result } from '../result.ts';
import { checkedFile, sealedJson, type FileKind } from './fileCheck.ts';
import { questionnaireFormat, questionnaireFormatVersion } from './fields.ts';
import { responseAnswerSchema } from './schema.ts';

/**
 * The questionnaire file: the questions a lead sends to one person, with what that person needs
 * to answer them (the question's text, help and answer criteria, the current answer, the lead's
 * note) and nothing else of the assessment: no score, no other answers. See docs/file-formats.md.
 */

const longText = z.string().max(20_000);

/** An answer as the questionnaire carries it: the current one, for the assignee to check or change. */
export const currentAnswerSchema = responseAnswerSchema.omit({ answeredAt: true });
export type CurrentAnswer = z.infer<typeof currentAnswerSchema>;

/** A question as the questionnaire carries it: enough to answer it without the question set. */
export const questionnaireQuestionSchema = z.strictObject({
  id: questionIdField,
  domain: z.strictObject({ id: z.string().min(1).max(64), title: longText }),
  title: longText,
  text: longText,
  help: longText,
  kind: z.enum(['control', 'scope']),
  critical: z.boolean(),
  options: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(40),
        label: longText,
        criteria: longText.optional(),
      }),
    )
    .min(1)
    .max(20),
  showIf: showIfSchema.optional(),
  current: currentAnswerSchema.optional(),
});

export type QuestionnaireQuestion = z.infer<typeof questionnaireQuestionSchema>;

/** The assessment a questionnaire or a response belongs to, as both files name it. */
export const assessmentReferenceSchema = z.strictObject({
  key: hexId(24),
  questionSet: setReferenceField.extend({ title: longText }),
  organisation: nonBlank('organisation'),
  scope: limited('scope'),
  cycle: nonBlank('cycle'),
});

export type AssessmentReference = z.infer<typeof assessmentReferenceSchema>;

export const personSchema = z.strictObject({
  name: nonBlank('person'),
  role: limited('role').optional(),
});

export const questionnaireSchema = z.strictObject({
  format: z.literal(questionnaireFormat),
  formatVersion: z.literal(questionnaireFormatVersion),
  questionnaireId: hexId(24),
  round: z.number().int().min(1).max(1000),
  createdAt: timestampField,
  assessment: assessmentReferenceSchema,
  from: personSchema,
  to: personSchema.extend({ id: hexId(12) }),
  note: limited('note').optional(),
  questions: z.array(questionnaireQuestionSchema).min(1).max(500),
  integrity: integritySchema,
});

export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** Questionnaires are small; a file beyond this is not one. */
export const questionnaireMaxBytes = 2_000_000;

const otherKinds = {
  'cellguard-assessment':
    'This is an assessment file, not a questionnaire: import it with "Import a file" on the home page.',
  'cellguard-backup':
    'This is a backup of a whole device, not a questionnaire: restore it with "Back up or restore everything".',
  'cellguard-response':
    'This is a response to a questionnaire: the lead who sent the questionnaire imports it.',
};

const questionnaireKind: FileKind<Questionnaire> = {
  format: questionnaireFormat,
  version: questionnaireFormatVersion,
  schema: questionnaireSchema,
  noun: 'a Cellguard questionnaire',
  otherKinds,
};

export function serializeQuestionnaire(
  questionnaire: Omit<Questionnaire, 'integrity'>,
  at: Date,
): string {
  return sealedJson(questionnaire, at);
}

/** Whether following the conditions from this question comes back to one already passed. */
function inCycle(
  question: QuestionnaireQuestion,
  byId: ReadonlyMap<string, QuestionnaireQuestion>,
): boolean {
  const passed = new Set<string>();
  for (
    let at: QuestionnaireQuestion | undefined = question;
    at?.showIf;
    at = byId.get(at.showIf.question)
  ) {
    if (passed.has(at.id)) return true;
    passed.add(at.id);
  }
  return false;
}

/**
 * Every rule of a questionnaire beyond its schema: the conditions and current answers name its
 * own questions and options. Only a hand-made file breaks them.
 */
function consistencyProblems(questionnaire: Questionnaire): string[] {
  const problems: string[] = [];
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  if (byId.size !== questionnaire.questions.length) problems.push('It lists a question twice.');
  for (const question of questionnaire.questions) {
    const optionIds = new Set(question.options.map((o) => o.id));
    if (optionIds.size !== question.options.length)
      problems.push(`Question ${question.id} lists an answer twice.`);
    const gate = question.showIf && byId.get(question.showIf.question);
    if (question.showIf && (!gate || gate.kind !== 'scope' || inCycle(question, byId)))
      problems.push(
        `The condition of ${question.id} names no scoping question the questionnaire holds.`,
      );
    else if (gate && question.showIf?.anyOf.some((id) => !gate.options.some((o) => o.id === id)))
      problems.push(`The condition of ${question.id} names an answer ${gate.id} does not offer.`);
    const choice = question.current?.choice;
    if (choice && choice !== 'unknown' && choice !== 'na' && !optionIds.has(choice))
      problems.push(`The current answer of ${question.id} is not one of its answers.`);
  }
  return problems;
}

/** Checks already-parsed JSON as a questionnaire. Never throws. */
export function parseQuestionnaireValue(
  value: unknown,
): Result<{ questionnaire: Questionnaire; digest: string }> {
  const checked = checkedFile(value, questionnaireKind);
  if (!checked.ok) return checked;
  const problems = consistencyProblems(checked.value.file);
  if (problems.length > 0)
    return fail(
      ...problems.map((message) => ({
        path: 'questions',
        message: `${message} Cellguard never writes such a questionnaire; ask the lead for the file again.`,
      })),
    );
  return succeed({ questionnaire: checked.value.file, digest: checked.value.digest });
}

/** What the email accompanying a questionnaire says, from what the assessment records of it. */
export interface QuestionnaireLetter {
  assessment: {
    questionSet: { title: string };
    organisation: string;
    scope: string;
    cycle: string;
  };
  from: { name: string };
  to: { name: string };
  note?: string | undefined;
  questionCount: number;
  /** The questionnaire file's name, when known (it is, just after it was written). */
  fileName?: string | undefined;
  /** Where the assignee opens Cellguard: the address of the lead's own copy of the app. */
  appAddress: string;
}

/** "Hello Ana, …": the text of an email the user may send with their own mail program. */
export function questionnaireEmail(letter: QuestionnaireLetter): { subject: string; body: string } {
  const { assessment, questionCount: count } = letter;
  const about = [assessment.organisation, assessment.scope, assessment.cycle]
    .filter(Boolean)
    .join(', ');
  return {
    subject: `Questions for you: ${assessment.questionSet.title}, ${about}`,
    body: [
      `Hello ${letter.to.name},`,
      '',
      `Please answer ${count === 1 ? 'one question' : `${count} questions`} of the ${assessment.questionSet.title} for ${about}.`,
      ...(letter.note ? ['', letter.note] : []),
      '',
      `1. Open Cellguard at ${letter.appAddress} in your browser and choose "Import a file".`,
      `2. Open the attached ${letter.fileName ? `file ${letter.fileName}` : 'questionnaire file'}. If it is encrypted, I will give you its passphrase another way.`,
      '3. Answer the questions; your answers are kept in your browser only, nothing is sent anywhere.',
      '4. Choose "Create response file" and send me that file.',
      '',
      letter.from.name,
    ].join('\n'),
  };
}
