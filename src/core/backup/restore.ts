import { assessmentIdentity } from '../assessment/identity.ts';
import type { Assessment } from '../assessment/model.ts';
import { canonicalJson } from '../integrity/canonicalJson.ts';
import { fail, formatProblem, succeed, type Problem, type Result } from '../result.ts';
import { assessmentTitle } from '../text.ts';
import type { BackupEntry, BackupPosition, BackupSettings, ParsedBackup } from './format.ts';

/** An assessment kept on the device, as the store lists it. */
export interface DeviceAssessment {
  id: string;
  assessment: Assessment;
}

export interface Replacement {
  entry: BackupEntry;
  /** The device's assessment with the same organisation, scope, set and cycle. */
  existing: DeviceAssessment;
  /** The device's copy was changed after the backup's: restoring loses those later changes. */
  deviceIsNewer: boolean;
}

/** What a restore would do, entry by entry, in the backup's order. Nothing on the device is removed. */
export interface RestorePlan {
  /** No assessment on the device has their organisation, scope, set and cycle. */
  added: BackupEntry[];
  /** One on the device has, with other answers. */
  replaced: Replacement[];
  /** One on the device has, with the same answers. */
  unchanged: { entry: BackupEntry; existing: DeviceAssessment }[];
}

const sameAnswers = (a: Assessment, b: Assessment) =>
  canonicalJson(a.answers) === canonicalJson(b.answers);

/**
 * Matches the backup's assessments with the device's by organisation, scope, question set and
 * cycle. A device may hold two with the same identity (a file imported as a new one); each of
 * the device's assessments then stands for at most one entry, identical answers paired first so
 * that an unchanged copy is never counted as replaced.
 */
export function planRestore(
  existing: Iterable<DeviceAssessment>,
  backup: Pick<ParsedBackup, 'entries'>,
): RestorePlan {
  const byIdentity = new Map<string, DeviceAssessment[]>();
  for (const stored of existing) {
    const key = assessmentIdentity(stored.assessment);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), stored]);
  }
  const claimed = new Set<string>();
  const claim = (entry: BackupEntry, fits: (stored: DeviceAssessment) => boolean) => {
    const found = byIdentity
      .get(assessmentIdentity(entry.assessment))
      ?.find((stored) => !claimed.has(stored.id) && fits(stored));
    if (found) claimed.add(found.id);
    return found;
  };

  const plan: RestorePlan = { added: [], replaced: [], unchanged: [] };
  const differing: BackupEntry[] = [];
  for (const entry of backup.entries) {
    const same = claim(entry, (stored) => sameAnswers(stored.assessment, entry.assessment));
    if (same) plan.unchanged.push({ entry, existing: same });
    else differing.push(entry);
  }
  for (const entry of differing) {
    const other = claim(entry, () => true);
    if (!other) plan.added.push(entry);
    else
      plan.replaced.push({
        entry,
        existing: other,
        deviceIsNewer:
          Date.parse(other.assessment.updatedAt) > Date.parse(entry.assessment.updatedAt),
      });
  }
  return plan;
}

/** The store's actions a restore uses; the app's store has them all. */
export interface RestoreTarget {
  add: (assessment: Assessment, position: BackupPosition) => Result<string>;
  replace: (id: string, assessment: Assessment) => Result<string>;
  remove: (id: string) => void;
  setStaleEvidenceDays: (days: number) => void;
}

/**
 * Carries out a plan: adds, replaces, then takes the backup's settings. The entries passed every
 * rule the store applies, so a refusal is not expected; should one come, everything already done
 * is undone and nothing is left half-restored.
 */
export function applyRestore(
  plan: RestorePlan,
  settings: BackupSettings,
  target: RestoreTarget,
): Result<{ added: number; replaced: number; unchanged: number }> {
  const undo: (() => void)[] = [];
  const refused = (entry: BackupEntry, problems: readonly Problem[]) => {
    for (const step of [...undo].reverse()) step();
    return fail(
      ...problems.map((problem) => ({
        path: problem.path,
        message: `${assessmentTitle(entry.assessment)} could not be restored, so nothing was: ${formatProblem(problem)}`,
      })),
    );
  };
  for (const entry of plan.added) {
    const kept = target.add(entry.assessment, entry.position);
    if (!kept.ok) return refused(entry, kept.problems);
    undo.push(() => target.remove(kept.value));
  }
  for (const { entry, existing } of plan.replaced) {
    const kept = target.replace(existing.id, entry.assessment);
    if (!kept.ok) return refused(entry, kept.problems);
    undo.push(() => target.replace(existing.id, existing.assessment));
  }
  target.setStaleEvidenceDays(settings.staleEvidenceDays);
  return succeed({
    added: plan.added.length,
    replaced: plan.replaced.length,
    unchanged: plan.unchanged.length,
  });
}
