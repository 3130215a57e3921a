import { createAssessmentsStore } from './assessments.ts';
import { browserIndexedDb, openDatabase } from './database.ts';
import { useGroups } from './groups.ts';
import { useQuestionnaires } from './questionnaires.ts';

function browserLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Some browsers throw on access when site data is disabled.
    return undefined;
  }
}

/** The app's one store of assessments, kept in this browser's IndexedDB. */
export const useAssessments = createAssessmentsStore({
  now: () => new Date(),
  open: async () => {
    const factory = browserIndexedDb();
    return factory ? openDatabase(factory) : undefined;
  },
  legacy: browserLocalStorage,
  channel: () =>
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('cellguard'),
});

if (typeof window !== 'undefined') {
  const { persistence } = useAssessments;
  // Hidden is the last moment a mobile browser promises: write now, and keep a copy for the next start.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') persistence.keepBeforeLeaving();
  });
  window.addEventListener('pagehide', () => persistence.keepBeforeLeaving());
  window.addEventListener('beforeunload', (event) => {
    // Only when a change could be neither saved nor kept for the next start (a full storage).
    if (persistence.unsavedOnLeaving()) event.preventDefault();
  });
}

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
