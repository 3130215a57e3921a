/**
 * The assessment as the design's file contract defines it; the store, the command line and the
 * PDF all work on this one shape. Format 2 added carry-over marks, evidence dates and the cycle an
 * assessment was carried from; format 3 the compensating control of a not-applicable critical
 * control; format 4 the reason for "not applicable" in its own field, which the note held before;
 * format 5 the mark of an answer taken from another set's assessment (see docs/file-formats.md). Older formats are upgraded on reading.
 */

import type { z } from 'zod';
import type { answerSchema, assessmentSchema } from './fileSchema.ts';

/** The two answers every question accepts besides its own options. */
export type UniversalChoice = 'na' | 'unknown';

/** One answer, as its schema in fileSchema.ts defines it. */
export type Answer = z.infer<typeof answerSchema>;

/** The assessment, as its schema in fileSchema.ts defines it. */
export type Assessment = z.infer<typeof assessmentSchema>;

/** What an exported file adds: a digest so that damage or hand edits are detected. */
export interface FileIntegrity {
  algorithm: 'SHA-256';
  /** Hex SHA-256 of the canonical JSON of the file without this block. */
  digest: string;
  exportedAt: string;
}

export { assessmentFormat, currentFormatVersion, readableFormatVersions } from './formatVersion.ts';
