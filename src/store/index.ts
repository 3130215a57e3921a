import { createAssessmentsStore } from './assessments.ts';
import { browserLocalStorage } from './persistentStorage.ts';

/** The app's one store of assessments, persisted in this browser's localStorage. */
export const useAssessments = createAssessmentsStore({
  now: () => new Date(),
  storage: browserLocalStorage,
});

export type { Position, StoredAssessment } from './assessments.ts';
export { useSaveStatus } from './saveStatus.ts';
