import type { Answer } from '../assessment/model.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { answerStatus, isSettled } from './answerStatus.ts';
import { visibleQuestionIds } from './visibility.ts';

export interface DomainProgress {
  domainId: string;
  answered: number;
  visible: number;
}

/** Answered against shown questions, per domain and overall; scoping questions count too. */
export function progressOf(set: QuestionSet, answers: Readonly<Record<string, Answer>>) {
  const visible = visibleQuestionIds(set, answers);
  const domains: DomainProgress[] = set.domains.map((domain) => {
    const shown = set.questions.filter((q) => q.domain === domain.id && visible.has(q.id));
    return {
      domainId: domain.id,
      visible: shown.length,
      answered: shown.filter((q) => isSettled(answerStatus(q, answers[q.id]))).length,
    };
  });
  const answered = domains.reduce((sum, d) => sum + d.answered, 0);
  const total = domains.reduce((sum, d) => sum + d.visible, 0);
  return { domains, answered, visible: total, complete: answered === total };
}
