import type { Answer, Assessment } from '../assessment/model.ts';
import type { Question, QuestionSet } from '../questionSet/schema.ts';
import { visibleQuestionIds } from '../scoring/visibility.ts';
import { leadOf } from './attribution.ts';
import { questionnaireFormat, questionnaireFormatVersion, respondentFields } from './fields.ts';
import type {
  AssessmentReference,
  CurrentAnswer,
  Questionnaire,
  QuestionnaireQuestion,
} from './questionnaire.ts';
import type { Assignee } from './schema.ts';

/**
 * Building a questionnaire from an assessment: which questions a person gets, and what of each
 * goes into their file. Apart from the file's schema (questionnaire.ts), so that the store can
 * prepare a questionnaire without loading the schema library.
 */

/**
 * The questions of the set an assignee was given (their domains and single questions), in the
 * set's order, that the assessment asks at present: a question behind a scoping question is sent
 * when its scope applies now, or when its scoping question is sent too, for the assignee to decide.
 */
export function assignedQuestions(
  assignee: Pick<Assignee, 'domains' | 'questions'>,
  set: QuestionSet,
  answers: Readonly<Record<string, Answer>>,
): Question[] {
  const chosen = set.questions.filter(
    (q) => assignee.domains.includes(q.domain) || assignee.questions.includes(q.id),
  );
  const chosenIds = new Set(chosen.map((q) => q.id));
  const visible = visibleQuestionIds(set, answers);
  return chosen.filter(
    (q) => visible.has(q.id) || (q.showIf !== undefined && chosenIds.has(q.showIf.question)),
  );
}

/** The part of an answer an assignee may see and change. */
function currentOf(answer: Answer | undefined): CurrentAnswer | undefined {
  if (!answer) return undefined;
  const current = Object.fromEntries(
    respondentFields.flatMap((field) => (answer[field] ? [[field, answer[field]]] : [])),
  ) as CurrentAnswer;
  return Object.keys(current).length > 0 ? current : undefined;
}

function snapshotOf(
  question: Question,
  set: QuestionSet,
  answer: Answer | undefined,
  sent: ReadonlySet<string>,
): QuestionnaireQuestion {
  const domain = set.domains.find((d) => d.id === question.domain);
  const current = currentOf(answer);
  return {
    id: question.id,
    domain: { id: question.domain, title: domain?.title ?? question.domain },
    title: question.title,
    text: question.text,
    help: question.help,
    kind: question.kind,
    critical: question.kind === 'control' && question.critical,
    options: question.options.map((option) => ({
      id: option.id,
      label: option.label,
      ...(option.criteria ? { criteria: option.criteria } : {}),
    })),
    // A condition whose scoping question is not sent was met when the questionnaire was written
    // (see assignedQuestions): the assignee's page could not apply it, so it is left out.
    ...(question.showIf && sent.has(question.showIf.question) ? { showIf: question.showIf } : {}),
    ...(current ? { current } : {}),
  };
}

/** The reference to an assessment its questionnaires and responses carry. */
export function assessmentReference(
  assessment: Assessment,
  set: QuestionSet,
  key: string,
): AssessmentReference {
  return {
    key,
    questionSet: { id: set.id, version: set.version, title: set.title },
    organisation: assessment.organisation,
    scope: assessment.scope,
    cycle: assessment.cycle,
  };
}

export interface QuestionnaireRequest {
  assessment: Assessment;
  set: QuestionSet;
  /** The assessment's delegation key. */
  key: string;
  assignee: Assignee;
  round: number;
  questionnaireId: string;
  questions: readonly Question[];
  now: Date;
}

/** The questionnaire for one assignee, without its digest (see serializeQuestionnaire). */
export function buildQuestionnaire(
  request: QuestionnaireRequest,
): Omit<Questionnaire, 'integrity'> {
  const { assessment, set, assignee } = request;
  const lead = leadOf(assessment);
  const sent = new Set(request.questions.map((q) => q.id));
  return {
    format: questionnaireFormat,
    formatVersion: questionnaireFormatVersion,
    questionnaireId: request.questionnaireId,
    round: request.round,
    createdAt: request.now.toISOString(),
    assessment: assessmentReference(assessment, set, request.key),
    from: { name: lead.name, ...(assessment.assessor?.trim() ? { role: 'lead' } : {}) },
    to: { id: assignee.id, name: assignee.name, ...(assignee.role ? { role: assignee.role } : {}) },
    ...(assignee.note?.trim() ? { note: assignee.note } : {}),
    questions: request.questions.map((q) => snapshotOf(q, set, assessment.answers[q.id], sent)),
  };
}
