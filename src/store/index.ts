import { createAssessmentsStore, storageKey } from './assessments.ts';
import { browserLocalStorage, savedData } from './persistentStorage.ts';

/** The app's one store of assessments, persisted in this browser's localStorage. */
export const useAssessments = createAssessmentsStore({
  now: () => new Date(),
  storage: browserLocalStorage,
});

// Another tab saved: load its changes here too (the write-time merge keeps this tab's own edits).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey || event.key === null) void useAssessments.persist.rehydrate();
  });
}

/** Everything Cellguard keeps in this browser, for the user to download when a page fails. */
export const everythingSaved = (): string => savedData(browserLocalStorage(), storageKey);

export type { Position, StoredAssessment } from './assessments.ts';
export { useSaveStatus } from './saveStatus.ts';
