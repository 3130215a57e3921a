import { createAssessmentsStore } from './assessments.ts';
import { useGroups } from './groups.ts';
import { browserDependencies, browserStorage, keepWhenLeaving } from './keyedRecordPersistence.ts';
import { useQuestionnaires } from './questionnaires.ts';

/** The app's one store of assessments, kept in this browser's IndexedDB. */
export const useAssessments = createAssessmentsStore({
  now: browserDependencies.now,
  open: browserDependencies.open,
  legacy: browserStorage,
  channel: browserDependencies.channel,
});

keepWhenLeaving(useAssessments.persistence);

/**
 * Everything Cellguard keeps in this browser, for the user to download when a page fails: the
 * assessments, settings and kept copies, the questionnaires the user was sent to answer, and the
 * groups of operating companies. One that cannot be read leaves the others whole.
 */
export const everythingSaved = async (): Promise<string> => {
  const [assessments, questionnaires, groups] = await Promise.all([
    useAssessments.persistence.everything(),
    useQuestionnaires.persistence
      .everything()
      .catch(() => Object.values(useQuestionnaires.getState().questionnaires)),
    useGroups.persistence.everything().catch(() => Object.values(useGroups.getState().groups)),
  ]);
  return JSON.stringify({ ...(assessments as object), questionnaires, groups }, null, 2);
};

/** The untouched copy of data that could not be read, for the user to download. */
export const recoveredCopy = (copy: number): Promise<string | undefined> =>
  useAssessments.persistence.recoveredCopy(copy);

export type { Position, Settings, StoredAssessment } from './assessments.ts';
export { useSaveStatus } from './saveStatus.ts';
export { askToKeepData, storageUse, type StorageUse } from './storageUse.ts';
export { useGroups, type GroupsState } from './groups.ts';
export type { Group, GroupMember } from '../core/group/model.ts';
export {
  useQuestionnaires,
  type AnswerChange,
  type OpenedQuestionnaire,
  type StoredQuestionnaire,
} from './questionnaires.ts';
