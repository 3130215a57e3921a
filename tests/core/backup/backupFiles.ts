import type { Assessment } from '../../../src/core/assessment/model.ts';
import { assessmentDigest } from '../../../src/core/assessment/parseFile.ts';
import type {
  BackupPosition,
  BackupQuestionnaire,
  BackupSource,
} from '../../../src/core/backup/format.ts';
import { backupDigest, exportBackupFile } from '../../../src/core/backup/serialize.ts';
import type { Group } from '../../../src/core/group/model.ts';
import { formatProblem } from '../../../src/core/result.ts';
import {
  leadWithAna as leadAssessment,
  questionnaireIds,
  sendToAna as send,
} from '../../support/delegationFixtures.ts';

/** A device holding these assessments, each at the given position, with evidence flagged after 90 days. */
export function deviceWith(
  ...stored: (Assessment | { assessment: Assessment; position: BackupPosition })[]
): BackupSource {
  return {
    assessments: Object.fromEntries(
      stored.map((item, index) => [
        `device${index}`,
        'position' in item ? item : { assessment: item, position: { view: 'results' } },
      ]),
    ),
    questionnaires: {},
    groups: {},
    settings: { staleEvidenceDays: 90 },
  };
}

/** The same device, also keeping these questionnaires to answer. */
export function withQuestionnaires(
  source: BackupSource,
  ...questionnaires: BackupQuestionnaire[]
): BackupSource {
  return {
    ...source,
    questionnaires: Object.fromEntries(
      questionnaires.map((entry) => [entry.questionnaire.questionnaireId, entry]),
    ),
  };
}

/** The same device, also keeping these groups of operating companies. */
export function withGroups(source: BackupSource, ...groups: Group[]): BackupSource {
  return { ...source, groups: Object.fromEntries(groups.map((group) => [group.id, group])) };
}

/** A group office's group of two of the fixtures' operators, one weighted. */
export const northwind: Group = {
  id: '0a1b2c3d4e5f',
  name: 'Northwind Group',
  setId: 'softcell',
  members: [
    {
      organisation: 'Example Networks (mid-journey profile)',
      scope: 'Mobile core and OSS/BSS',
      weight: 12.5,
    },
    { organisation: 'ПАО «Северный Телеком»', scope: 'Κεντρικό δίκτυο και OSS/BSS' },
  ],
  staleAfterDays: 180,
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-11-20T16:30:00.000Z',
};

/** Another group, of the network-side set, named in Hebrew, with a member named in Arabic. */
export const southern: Group = {
  id: 'f0e1d2c3b4a5',
  name: 'קבוצת הדרום',
  setId: 'comms-hardening',
  members: [{ organisation: 'شبكة الواحة للاتصالات', scope: 'Mobile core and IT', weight: 3 }],
  staleAfterDays: 90,
  createdAt: '2026-09-15T08:00:00.000Z',
  updatedAt: '2026-09-15T08:00:00.000Z',
};

const round1 = send(leadAssessment());
const round2 = send(round1.assessment, questionnaireIds[1]);

/** The files J. Smith sent Ana Ruiz, as she received them: round 1 and round 2. */
export const sentQuestionnaires = { round1, round2 };

/**
 * Ana's browser: round 1 answered in part, its response file created; round 2 opened, not yet
 * answered.
 */
export const answeredRound1: BackupQuestionnaire = {
  questionnaire: round1.questionnaire,
  answers: {
    'EXP-01': { choice: 'yes', answeredAt: '2026-03-11T08:05:00.000Z' },
    'EXP-02': {
      choice: 'na',
      naReason: 'No web tier of our own',
      note: 'Hosted',
      answeredAt: '2026-03-11T08:06:00.000Z',
    },
    'EXP-03': { evidence: 'Patch report', answeredAt: '2026-03-11T08:07:00.000Z' },
  },
  openedAt: '2026-03-11T08:00:00.000Z',
  updatedAt: '2026-03-11T08:07:00.000Z',
  respondedAt: '2026-03-12T15:00:00.000Z',
};

export const openedRound2: BackupQuestionnaire = {
  questionnaire: round2.questionnaire,
  answers: {},
  openedAt: '2026-03-20T09:00:00.000Z',
  updatedAt: '2026-03-20T09:00:00.000Z',
};

/** A backup file's text, as the backup page would download it. */
export async function backupText(
  source: BackupSource,
  createdAt = new Date('2026-11-26T10:00:00Z'),
  passphrase?: string,
): Promise<string> {
  const file = await exportBackupFile(source, createdAt, passphrase);
  if (!file.ok) throw new Error(file.problems.map(formatProblem).join('; '));
  return file.value;
}

export interface BackupJson {
  assessments: { assessment: Record<string, unknown>; position: unknown }[];
  questionnaires?: {
    questionnaire: Record<string, unknown>;
    answers: Record<string, Record<string, unknown>>;
    [field: string]: unknown;
  }[];
  groups?: Record<string, unknown>[];
  [field: string]: unknown;
}

/**
 * A plain backup changed by `edit`, then sealed again with fresh digests (the assessments' and the
 * whole file's), as a buggy or hostile writer would: only the checks behind the digests can catch
 * what was changed. A questionnaire keeps the digest its lead wrote, unless `edit` renews it.
 */
export function resealed(text: string, edit: (file: BackupJson) => void): string {
  const file = JSON.parse(text) as BackupJson & { integrity: { digest: string } };
  edit(file);
  for (const { assessment } of file.assessments) {
    const integrity = assessment.integrity as { digest: string } | undefined;
    if (integrity) integrity.digest = assessmentDigest(assessment);
  }
  file.integrity.digest = backupDigest(file);
  return JSON.stringify(file, null, 2);
}
