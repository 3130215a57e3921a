/**
 * The assessment as the design's file contract defines it; the store, the command line and the
 * PDF all work on this one shape. Format 2 added carry-over marks, evidence dates and the cycle an
 * assessment was carried from; format 3 the compensating control of a not-applicable critical
 * control (see docs/file-formats.md). Older formats are upgraded on reading.
 */

/** The two answers every question accepts besides its own options. */
export type UniversalChoice = 'na' | 'unknown';

export interface Answer {
  /** An option id of the question, 'na' (not applicable; the note is the reason) or 'unknown'. */
  choice?: string;
  note?: string;
  evidence?: string;
  /** When the evidence was gathered or last checked, YYYY-MM-DD. */
  evidenceDate?: string;
  owner?: string;
  /** YYYY-MM-DD */
  due?: string;
  /** Copied from the previous cycle and not yet confirmed or changed by anyone. */
  carriedOver?: boolean;
  /** For "not applicable" on a critical control: what stands in for it. */
  compensatingControl?: string;
  /** For "not applicable" on a critical control: who accepted the remaining risk (name and role). */
  riskAcceptedBy?: string;
}

export interface Assessment {
  format: 'cellguard-assessment';
  formatVersion: 3;
  questionSet: { id: string; version: string };
  organisation: string;
  scope: string;
  cycle: string;
  assessor?: string;
  /** The cycle this one was started from, when it was carried forward. */
  carriedFrom?: string;
  createdAt: string;
  updatedAt: string;
  answers: Record<string, Answer>;
}

/** What an exported file adds: a digest so that damage or hand edits are detected. */
export interface FileIntegrity {
  algorithm: 'SHA-256';
  /** Hex SHA-256 of the canonical JSON of the file without this block. */
  digest: string;
  exportedAt: string;
}

export const assessmentFormat = 'cellguard-assessment';
export const currentFormatVersion = 3 as const;
export const readableFormatVersions: readonly number[] = [1, 2, 3];
