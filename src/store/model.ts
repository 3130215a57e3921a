import type { Assessment } from '../core/assessment/model.ts';
import type { AssessmentSummary } from '../core/scoring/summary.ts';

/** Where the user was in an assessment, so that reopening it resumes there. */
export type Position =
  { view: 'step'; domainId: string } | { view: 'review' } | { view: 'results' };

export interface StoredAssessment {
  id: string;
  assessment: Assessment;
  position: Position;
  /**
   * Progress and risk, kept up to date by the store on every change. Cached so that the list of
   * assessments can show them without loading the question set and the scoring code.
   */
  summary?: AssessmentSummary;
  /** Messages for the user about changes Cellguard made, such as a migration, until dismissed. */
  notice?: string[];
}

export interface Settings {
  /** Evidence older than this many days is flagged for re-checking. */
  staleEvidenceDays: number;
}
