import { assessmentIdentity } from '../assessment/identity.ts';
import type { Assessment } from '../assessment/model.ts';
import type { Group } from '../group/model.ts';
import { groupSchema } from '../group/schema.ts';
import { canonicalJson } from '../integrity/canonicalJson.ts';
import { describeIssue, formatPath } from '../shared/zodIssues.ts';
import { fail, formatProblem, succeed, type Problem, type Result } from '../result.ts';
import { assessmentTitle } from '../text.ts';
import type {
  BackupEntry,
  BackupPosition,
  BackupQuestionnaire,
  BackupSettings,
  ParsedBackup,
} from './format.ts';

/**
 * "Questions from J. Smith · Example Networks · Mobile core · 2026-Q4": how a questionnaire is
 * named, as the page that answers it is headed; its round when it is not the first.
 */
export const questionnaireTitle = ({
  from,
  assessment,
  round,
}: {
  from: { name: string };
  assessment: { organisation: string; scope: string; cycle: string };
  round: number;
}): string =>
  `Questions from ${from.name} · ${assessmentTitle(assessment)}${round > 1 ? ` · round ${round}` : ''}`;

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

/** A record of the backup in place of the device's with the same id. */
export interface RecordReplacement<T> {
  entry: T;
  /** The device's record with the same id. */
  existing: T;
  /** The device's copy was changed after the backup's: restoring loses those changes. */
  deviceIsNewer: boolean;
}

export type QuestionnaireReplacement = RecordReplacement<BackupQuestionnaire>;
export type GroupReplacement = RecordReplacement<Group>;

/** Records matched by an id of their own: what the backup adds, replaces or holds unchanged. */
interface RecordPlan<T> {
  /** The device has none with this id. */
  added: T[];
  /** The device has one, with other content. */
  replaced: RecordReplacement<T>[];
  /** The device has one, the same. */
  unchanged: T[];
}

/** What a restore would do, entry by entry, in the backup's order. Nothing on the device is removed. */
export interface RestorePlan {
  /** No assessment on the device has their organisation, scope, set and cycle. */
  added: BackupEntry[];
  /** One on the device has, with other answers. */
  replaced: Replacement[];
  /** One on the device has, with the same answers. */
  unchanged: { entry: BackupEntry; existing: DeviceAssessment }[];
  /** The questionnaires to answer, matched with the device's by their id. */
  questionnaires: RecordPlan<BackupQuestionnaire>;
  /** The groups, matched with the device's by their id; replaced when their name, members, weights or age for stale differ. */
  groups: RecordPlan<Group>;
}

const sameAnswers = (a: Assessment, b: Assessment) =>
  canonicalJson(a.answers) === canonicalJson(b.answers);

/** What a respondent kept of a questionnaire: the file received, their answers, when they responded. */
const questionnaireContent = (entry: BackupQuestionnaire) =>
  canonicalJson({
    digest: entry.questionnaire.integrity.digest,
    answers: entry.answers,
    respondedAt: entry.respondedAt ?? null,
  });

/**
 * Matches the backup's records with the device's by their id; `content` is what makes two with
 * one id the same, and `updatedAt` says which copy was changed last.
 */
function planById<T>(
  existing: Iterable<T>,
  backup: readonly T[],
  by: {
    id: (record: T) => string;
    content: (record: T) => string;
    updatedAt: (record: T) => string;
  },
): RecordPlan<T> {
  const byId = new Map<string, T>();
  for (const record of existing) byId.set(by.id(record), record);
  const plan: RecordPlan<T> = { added: [], replaced: [], unchanged: [] };
  for (const entry of backup) {
    const other = byId.get(by.id(entry));
    if (!other) plan.added.push(entry);
    else if (by.content(other) === by.content(entry)) plan.unchanged.push(entry);
    else
      plan.replaced.push({
        entry,
        existing: other,
        deviceIsNewer: Date.parse(by.updatedAt(other)) > Date.parse(by.updatedAt(entry)),
      });
  }
  return plan;
}

/** What a group office set up: everything but its id and dates. */
const groupContent = ({ name, setId, members, staleAfterDays }: Group) =>
  canonicalJson({ name, setId, members, staleAfterDays });

/**
 * Matches the backup's assessments with the device's by organisation, scope, question set and
 * cycle. A device may hold two with the same identity (a file imported as a new one); each of
 * the device's assessments then stands for at most one entry, identical answers paired first so
 * that an unchanged copy is never counted as replaced. Questionnaires and groups are matched by
 * their id.
 */
export function planRestore(
  existing: Iterable<DeviceAssessment>,
  backup: Pick<ParsedBackup, 'entries'> & Partial<Pick<ParsedBackup, 'questionnaires' | 'groups'>>,
  existingQuestionnaires: Iterable<BackupQuestionnaire> = [],
  existingGroups: Iterable<Group> = [],
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

  const plan: RestorePlan = {
    added: [],
    replaced: [],
    unchanged: [],
    // Each file a lead sends has its own questionnaire id, so the same id is the same
    // questionnaire, a newer round another one; a group's id is random and never reused.
    questionnaires: planById(existingQuestionnaires, backup.questionnaires ?? [], {
      id: (entry) => entry.questionnaire.questionnaireId,
      content: questionnaireContent,
      updatedAt: (entry) => entry.updatedAt,
    }),
    groups: planById(existingGroups, backup.groups ?? [], {
      id: (group) => group.id,
      content: groupContent,
      updatedAt: (group) => group.updatedAt,
    }),
  };
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

/** The stores' actions a restore uses; the app's two stores have them all. */
export interface RestoreTarget {
  add: (assessment: Assessment, position: BackupPosition) => Result<string>;
  replace: (id: string, assessment: Assessment) => Result<string>;
  remove: (id: string) => void;
  setStaleEvidenceDays: (days: number) => void;
  /**
   * Keeps these questionnaires, each in place of the one with its id, all or none (the
   * questionnaires' store `restore`); the problem's path is the index of the one refused.
   */
  restoreQuestionnaires: (entries: readonly BackupQuestionnaire[]) => Result<number>;
  /**
   * Keeps these groups, each in place of the one with its id (the groups' store `restore`). It
   * cannot refuse them: applyRestore checks them first, by the schema the store checks them by.
   */
  restoreGroups: (groups: Group[]) => void;
}

interface Counts {
  added: number;
  replaced: number;
  unchanged: number;
}

export interface RestoreCounts extends Counts {
  questionnaires: Counts;
  groups: Counts;
}

const counts = (plan: { added: unknown[]; replaced: unknown[]; unchanged: unknown[] }): Counts => ({
  added: plan.added.length,
  replaced: plan.replaced.length,
  unchanged: plan.unchanged.length,
});

/** The first problem of a group the store would not keep, in words; undefined when it would. */
function groupRefusal(group: Group): Problem | undefined {
  const checked = groupSchema.safeParse(group);
  const [issue] = checked.success ? [] : checked.error.issues;
  if (!issue) return undefined;
  const path = formatPath(issue.path);
  return {
    path: '',
    message: `The group "${group.name}" could not be restored, so nothing was: ${path ? `${path}: ` : ''}${describeIssue(issue)}`,
  };
}

/**
 * Carries out a plan: adds and replaces assessments, keeps the questionnaires and the groups, then
 * takes the backup's settings. The entries passed every rule the stores apply, so a refusal is not
 * expected; should one come, everything already done is undone and nothing is left half-restored.
 */
export function applyRestore(
  plan: RestorePlan,
  settings: BackupSettings,
  target: RestoreTarget,
): Result<RestoreCounts> {
  const groups = [...plan.groups.added, ...plan.groups.replaced.map(({ entry }) => entry)];
  // Checked before anything changes: the groups' store keeps them only after it has read the
  // database, too late for this restore to undo the rest.
  for (const group of groups) {
    const refusal = groupRefusal(group);
    if (refusal) return fail(refusal);
  }
  const undo: (() => void)[] = [];
  const refused = (name: string, problems: readonly Problem[]) => {
    for (const step of [...undo].reverse()) step();
    return fail(
      ...problems.map((problem) => ({
        path: problem.path,
        message: `${name} could not be restored, so nothing was: ${formatProblem(problem)}`,
      })),
    );
  };
  for (const entry of plan.added) {
    const kept = target.add(entry.assessment, entry.position);
    if (!kept.ok) return refused(assessmentTitle(entry.assessment), kept.problems);
    undo.push(() => target.remove(kept.value));
  }
  for (const { entry, existing } of plan.replaced) {
    const kept = target.replace(existing.id, entry.assessment);
    if (!kept.ok) return refused(assessmentTitle(entry.assessment), kept.problems);
    undo.push(() => target.replace(existing.id, existing.assessment));
  }
  const questionnaires = [
    ...plan.questionnaires.added,
    ...plan.questionnaires.replaced.map(({ entry }) => entry),
  ];
  // Last of what may be refused, and all or none: nothing of it is left to undo.
  if (questionnaires.length > 0) {
    const kept = target.restoreQuestionnaires(questionnaires);
    if (!kept.ok) {
      const index = Number(kept.problems[0]?.path);
      const entry = questionnaires[Number.isInteger(index) ? index : 0];
      const problems = kept.problems.map(({ message }) => ({ path: '', message }));
      return refused(entry ? questionnaireTitle(entry.questionnaire) : 'A questionnaire', problems);
    }
  }
  if (groups.length > 0) target.restoreGroups(groups);
  target.setStaleEvidenceDays(settings.staleEvidenceDays);
  return succeed({
    ...counts(plan),
    questionnaires: counts(plan.questionnaires),
    groups: counts(plan.groups),
  });
}
