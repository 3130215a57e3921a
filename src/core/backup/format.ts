import { z } from '../shared/zod.ts';
import { timestampField } from '../assessment/fieldSchemas.ts';
import { integritySchema } from '../assessment/fileSchema.ts';
import type { Assessment } from '../assessment/model.ts';
import type { Questionnaire } from '../delegation/questionnaire.ts';
import type { Group } from '../group/model.ts';
import type { ResponseAnswer } from '../delegation/schema.ts';

/**
 * The backup file: every assessment on a device with where its user was, the questionnaires its
 * user was sent to answer with the answers given so far, the groups of operating companies it
 * oversees, and the settings, in one file that restores on another browser. Each entry's `assessment` is exactly what a single
 * `cellguard-assessment` export holds, and each `questionnaire` exactly the questionnaire file as
 * received, digests included, so that each is read by the same checks as an imported file; a
 * digest over the whole file detects any change to the rest. See docs/file-formats.md.
 */

export const backupFormat = 'cellguard-backup';
/** The version written. Versions 1 (no questionnaires) and 2 (no groups) are still read. */
export const backupFormatVersion = 3;
export const readableBackupFormatVersions: readonly number[] = [1, 2, 3];

export const backupLimits = {
  /**
   * 160 assessments of about 60 KB each make 10 MB; 50 MB leaves room for long notes and years of
   * cycles, yet stays a size a browser tab reads, parses and hashes in a few seconds.
   */
  maxBytes: 50_000_000,
  /** Ten years of quarterly cycles for 25 scopes; far more than any device keeps. */
  maxAssessments: 1_000,
  /** A person asked every week for years; far more than anyone is sent. */
  maxQuestionnaires: 1_000,
  /** One group per question set and region of a very large operator group; far more than that. */
  maxGroups: 1_000,
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

const jsonObject = (message: string) =>
  z.custom<Record<string, unknown>>(
    (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
    message,
  );

/**
 * One questionnaire of a backup, as the questionnaires' store keeps it. The questionnaire is only
 * required to be an object here, and each answer too: the questionnaire file's own parser and the
 * answer's schema check them, so that a problem names the questionnaire (see parse.ts).
 */
export const questionnaireEntrySchema = z.strictObject({
  questionnaire: jsonObject('must be a questionnaire file (a JSON object)'),
  answers: jsonObject('must be the answers given, by question (a JSON object)'),
  openedAt: timestampField,
  updatedAt: timestampField,
  respondedAt: timestampField.optional(),
});

/**
 * The file's outer shape, version 1: no questionnaires. An entry's assessment is only required to
 * be an object here: the assessment file's own parser checks it, with every rule and migration of
 * a single import.
 */
export const backupFileV1Schema = z.strictObject({
  format: z.literal(backupFormat),
  formatVersion: z.literal(1),
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

/**
 * Version 2 adds the questionnaires, each only required to be an object here: every problem of
 * one is reported with its name, after the digest (see parse.ts).
 */
export const backupFileV2Schema = backupFileV1Schema.extend({
  formatVersion: z.literal(2),
  questionnaires: z
    .array(jsonObject('must be a questionnaire with its answers (a JSON object)'))
    .max(
      backupLimits.maxQuestionnaires,
      `holds more than ${backupLimits.maxQuestionnaires.toLocaleString('en')} questionnaires, more than a backup can`,
    ),
});

/**
 * Version 3 adds the groups, each only required to be an object here, for the same reason: the
 * group's schema checks it after the digest, naming the group (see parse.ts).
 */
export const backupFileSchema = backupFileV2Schema.extend({
  formatVersion: z.literal(3),
  groups: z
    .array(jsonObject('must be a group of operating companies (a JSON object)'))
    .max(
      backupLimits.maxGroups,
      `holds more than ${backupLimits.maxGroups.toLocaleString('en')} groups, more than a backup can`,
    ),
});

export type BackupFile =
  | z.infer<typeof backupFileV1Schema>
  | z.infer<typeof backupFileV2Schema>
  | z.infer<typeof backupFileSchema>;

/**
 * A questionnaire this device's user was sent to answer, with the answers given so far: what the
 * questionnaires' store keeps (`StoredQuestionnaire`), and what a backup holds of each.
 */
export interface BackupQuestionnaire {
  /** The questionnaire file as received, its digest included. */
  questionnaire: Questionnaire;
  /** The answers by question id. */
  answers: Record<string, ResponseAnswer>;
  openedAt: string;
  updatedAt: string;
  respondedAt?: string;
}

/** What a device holds, as the store keeps it: enough to write a backup from. */
export interface BackupSource {
  assessments: Readonly<Record<string, { assessment: Assessment; position: BackupPosition }>>;
  /** The questionnaires' store, by questionnaire id. */
  questionnaires: Readonly<Record<string, BackupQuestionnaire>>;
  /** The groups' store, by group id. */
  groups: Readonly<Record<string, Group>>;
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
  /** Every one checked like an imported questionnaire; none in a version 1 backup. */
  questionnaires: BackupQuestionnaire[];
  /** Every one checked by the group's schema; none before version 3. */
  groups: Group[];
}
