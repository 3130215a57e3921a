import type { Assessment } from '../../../src/core/assessment/model.ts';
import { assessmentDigest } from '../../../src/core/assessment/parseFile.ts';
import type { BackupPosition, BackupSource } from '../../../src/core/backup/format.ts';
import { backupDigest, exportBackupFile } from '../../../src/core/backup/serialize.ts';
import { formatProblem } from '../../../src/core/result.ts';

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
    settings: { staleEvidenceDays: 90 },
  };
}

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
  [field: string]: unknown;
}

/**
 * A plain backup changed by `edit`, then sealed again with fresh digests (the entries' and the
 * whole file's), as a buggy or hostile writer would: only the checks behind the digests can catch
 * what was changed.
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
