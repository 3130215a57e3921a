/**
 * The assessment as the design's file contract defines it; the store, the command line and the
 * PDF all work on this one shape.
 */

/** The two answers every question accepts besides its own options. */
export type UniversalChoice = 'na' | 'unknown';

export interface Answer {
  /** An option id of the question, 'na' (not applicable; the note is the reason) or 'unknown'. */
  choice?: string;
  note?: string;
  evidence?: string;
  owner?: string;
  /** YYYY-MM-DD */
  due?: string;
}

export interface Assessment {
  format: 'cellguard-assessment';
  formatVersion: 1;
  questionSet: { id: string; version: string };
  organisation: string;
  scope: string;
  cycle: string;
  assessor?: string;
  createdAt: string;
  updatedAt: string;
  answers: Record<string, Answer>;
}

export const assessmentFormat = 'cellguard-assessment';
export const currentFormatVersion = 1;
