import { z } from '../shared/zod.ts';
import { integritySchema } from '../assessment/fileSchema.ts';
import type { Assessment } from '../assessment/model.ts';

/**
 * The backup file: every assessment on a device with where its user was, and the settings, in one
 * file that restores on another browser. Each entry's `assessment` is exactly what a single
 * `cellguard-assessment` export holds, digest included, so that each is read by the same checks as
 * an imported file; a digest over the whole file detects any change to the rest. See
 * docs/file-formats.md.
 */

export const backupFormat = 'cellguard-backup';
export const backupFormatVersion = 1;

export const backupLimits = {
  /**
   * 160 assessments of about 60 KB each make 10 MB; 50 MB leaves room for long notes and years of
   * cycles, yet stays a size a browser tab reads, parses and hashes in a few seconds.
   */
  maxBytes: 50_000_000,
  /** Ten years of quarterly cycles for 25 scopes; far more than any device keeps. */
  maxAssessments: 1_000,
};

/** The range the settings page accepts for "flag evidence older than (days)". */
const staleEvidenceDays = { min: 1, max: 3650 };

const version = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0');

/** Where the user was in an assessment, as the store keeps it, so that a restore resumes there. */
export const positionSchema = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('step'), domainId: z.string().min(1).max(64) }),
  z.strictObject({ view: z.literal('review') }),
  z.strictObject({ view: z.literal('results') }),
]);

export type BackupPosition = z.infer<typeof positionSchema>;

export const settingsSchema = z.strictObject({
  staleEvidenceDays: z
    .number()
    .int('must be a whole number of days')
    .min(staleEvidenceDays.min, `must be at least ${staleEvidenceDays.min} day`)
    .max(staleEvidenceDays.max, `must be at most ${staleEvidenceDays.max} days`),
});

export type BackupSettings = z.infer<typeof settingsSchema>;

/**
 * The file's outer shape. An entry's assessment is only required to be an object here: the
 * assessment file's own parser checks it, with every rule and migration of a single import.
 */
export const backupFileSchema = z.strictObject({
  format: z.literal(backupFormat),
  formatVersion: z.literal(backupFormatVersion),
  createdAt: integritySchema.shape.exportedAt,
  /** What the writing Cellguard spoke, so that a restore on an older one can say what to update. */
  app: z.strictObject({
    assessmentFormatVersion: z.number().int().min(1),
    questionSets: z
      .array(z.strictObject({ id: z.string().min(1).max(40), version }))
      .max(backupLimits.maxAssessments),
  }),
  settings: settingsSchema,
  assessments: z
    .array(
      z.strictObject({
        assessment: z.custom<Record<string, unknown>>(
          (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
          'must be an assessment file (a JSON object)',
        ),
        position: positionSchema,
      }),
    )
    .max(
      backupLimits.maxAssessments,
      `holds more than ${backupLimits.maxAssessments.toLocaleString('en')} assessments, more than a backup can`,
    ),
  integrity: integritySchema,
});

export type BackupFile = z.infer<typeof backupFileSchema>;

/** What a device holds, as the store keeps it: enough to write a backup from. */
export interface BackupSource {
  assessments: Readonly<Record<string, { assessment: Assessment; position: BackupPosition }>>;
  settings: BackupSettings;
}

/** One assessment of a backup, read, checked and migrated like an imported file. */
export interface BackupEntry {
  assessment: Assessment;
  position: BackupPosition;
  /** Changes made to bring an older question-set version up to date, in plain words. */
  migrated: string[];
}

/** A backup that passed every check, ready to be compared with the device and restored. */
export interface ParsedBackup {
  createdAt: string;
  settings: BackupSettings;
  entries: BackupEntry[];
}
