import type { Assessment } from '../assessment/model.ts';
import { carriedSource, unconfirmedOrigins } from '../cycles/cycles.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { progressOf } from '../scoring/progress.ts';
import { plural } from '../text.ts';

/**
 * Whether a report may be read as this cycle's: 'final' when every answer was given or confirmed
 * in it, 'draft' while some carried-over answers are unconfirmed, 'issued-as-is' when the user
 * chose to issue it with them.
 */
export type ReportState = 'final' | 'draft' | 'issued-as-is';

export interface ReportStatus {
  state: ReportState;
  answered: number;
  visible: number;
  unconfirmed: number;
  /** One line for the cover and the summary: what the reader must know before the score. */
  statement: string;
  /** When questions are unanswered: how many, and how they count. */
  completeness?: string;
}

export function reportStatus(
  set: QuestionSet,
  assessment: Pick<Assessment, 'answers' | 'carriedFrom'>,
  issueAsIs: boolean,
  /** The title of another set that answers were taken from, by its id. */
  setTitle: (setId: string) => string = (id) => id,
): ReportStatus {
  const progress = progressOf(set, assessment.answers);
  const { answered, visible, unconfirmed } = progress;
  const taken = Object.values(assessment.answers).some((a) => a.carriedOver && a.takenFrom);
  const source = taken
    ? 'the answers they were taken from'
    : `the answers of ${carriedSource(assessment.carriedFrom)}`;
  const carried = `${unconfirmed} of ${visible} answers were ${unconfirmedOrigins(assessment, setTitle)} and not confirmed in this cycle`;
  const state: ReportState = unconfirmed === 0 ? 'final' : issueAsIs ? 'issued-as-is' : 'draft';
  const statement = {
    final: `Every answer was given or confirmed in this cycle.`,
    draft: `DRAFT: ${carried}; for them the score rests on ${source}.`,
    'issued-as-is': `Issued as it is: ${carried}; the assessor issued the report with ${source} for them.`,
  }[state];
  const unanswered = visible - answered;
  return {
    state,
    answered,
    visible,
    unconfirmed,
    statement,
    ...(unanswered > 0
      ? {
          completeness: `Incomplete: ${plural(unanswered, 'question is', 'questions are')} not answered (of ${visible}); each counts as not in place, so the score is as bad as it can be for them.`,
        }
      : {}),
  };
}
