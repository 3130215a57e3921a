import type { Answer } from '../assessment/model.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { answerStatus, isSettled } from './answerStatus.ts';
import { visibleQuestionIds } from './visibility.ts';

export interface DomainProgress {
  domainId: string;
  answered: number;
  visible: number;
  /** Of the answered, those carried over from an earlier cycle that nobody has confirmed yet. */
  unconfirmed: number;
}

/**
 * Answered against shown questions, per domain and overall; scoping questions count too. A
 * carried-over answer counts as answered (it is scored) and as unconfirmed, so that last cycle's
 * answers are never shown as this cycle's.
 */
export function progressOf(set: QuestionSet, answers: Readonly<Record<string, Answer>>) {
  const shownIds = visibleQuestionIds(set, answers);
  const domains: DomainProgress[] = set.domains.map((domain) => {
    const shown = set.questions.filter((q) => q.domain === domain.id && shownIds.has(q.id));
    const settled = shown.filter((q) => isSettled(answerStatus(q, answers[q.id])));
    return {
      domainId: domain.id,
      visible: shown.length,
      answered: settled.length,
      unconfirmed: settled.filter((q) => answers[q.id]?.carriedOver === true).length,
    };
  });
  const sum = (field: 'answered' | 'visible' | 'unconfirmed') =>
    domains.reduce((total, d) => total + d[field], 0);
  const answered = sum('answered');
  const visible = sum('visible');
  return {
    domains,
    answered,
    visible,
    unconfirmed: sum('unconfirmed'),
    complete: answered === visible,
  };
}
