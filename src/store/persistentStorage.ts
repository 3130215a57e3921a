import type { StateStorage } from 'zustand/middleware';
import { useSaveStatus } from './saveStatus.ts';

const quotaMessage =
  "This browser's storage for Cellguard is full, so your last change is kept in this tab but not saved. " +
  'Delete an assessment you no longer need; Cellguard saves again on your next change.';

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
  );
}

/**
 * localStorage behind zustand's persist middleware, reporting every write's outcome so the user
 * always knows whether the last change is safe. A failed write keeps the in-memory state; the
 * next change writes the whole state again, which is the retry.
 */
export function reportingStorage(backing: () => Storage | undefined): StateStorage {
  return {
    getItem: (name) => backing()?.getItem(name) ?? null,
    setItem: (name, value) => {
      const storage = backing();
      if (!storage) {
        useSaveStatus
          .getState()
          .markFailed(
            'This browser does not let Cellguard store data, so nothing is saved after you close the tab.',
          );
        return;
      }
      try {
        storage.setItem(name, value);
        useSaveStatus.getState().markSaved();
      } catch (error) {
        useSaveStatus
          .getState()
          .markFailed(
            isQuotaError(error)
              ? quotaMessage
              : 'Your last change could not be saved in this browser; it is kept in this tab for now.',
          );
      }
    },
    removeItem: (name) => backing()?.removeItem(name),
  };
}

export function browserLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Some browsers throw on access when site data is disabled.
    return undefined;
  }
}
