import type { StateStorage } from 'zustand/middleware';
import { merge3 } from './merge3.ts';
import { checkPersisted } from './persistedShape.ts';

export interface StorageEvents {
  saved: () => void;
  failed: (message: string) => void;
  /** Stored data could not be read (wholly or partly); a raw copy was kept under `copyKey`. */
  recovered: (copyKey: string, message: string) => void;
  /** Another tab had saved in between; this is the merged state, which this tab must now show. */
  mergedFromOtherTab: (merged: string) => void;
}

const quotaMessage =
  "This browser's storage for Cellguard is full, so your last change is kept in this tab but not saved yet. " +
  'Delete an assessment you no longer need or export one to a file; Cellguard keeps trying to save.';

export const retryDelayMs = 5_000;

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
  );
}

export const recoveryPrefix = 'cellguard:recovered:';

/**
 * localStorage behind zustand's persist middleware, made safe for real use:
 * - every write reports success or a plain-words failure, and a failed write is retried;
 * - data it cannot read is copied aside before anything could overwrite it;
 * - when another tab saved since this one last read, the two are merged (three-way) so that
 *   neither tab's edits are lost.
 */
export interface SyncedStorage extends StateStorage {
  /**
   * Keeps a copy of data the app cannot use (an assessment that breaks the contract) under a
   * recovery key and tells the user; false when there was no room, and then nothing is saved over it.
   */
  setAside: (name: string, raw: string, message: string) => boolean;
}

export function syncedStorage(
  backing: () => Storage | undefined,
  events: StorageEvents,
  now = () => new Date(),
): SyncedStorage {
  let base: string | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // Set when unreadable data could not be copied aside: saving would destroy it, so nothing is saved.
  let blocked = false;

  const keepCopy = (storage: Storage, name: string, raw: string, message: string): boolean => {
    const copyKey = `${recoveryPrefix}${name}:${now().toISOString()}`;
    try {
      storage.setItem(copyKey, raw);
      events.recovered(copyKey, message);
      return true;
    } catch {
      blocked = true;
      events.recovered(
        '',
        `${message} Cellguard could not keep a copy because the storage is full, so it will not save over it.`,
      );
      return false;
    }
  };

  const write = (name: string, value: string) => {
    const storage = backing();
    if (blocked) {
      events.failed(
        'Nothing is saved, to protect saved data this browser could not read. Export your work to a file.',
      );
      return;
    }
    if (!storage) {
      events.failed(
        'This browser does not let Cellguard store data, so nothing is saved after you close the tab.',
      );
      return;
    }
    let text = value;
    let merged = false;
    const current = storage.getItem(name);
    // Another tab saved since this one read (or since it found nothing): merge, never overwrite.
    if (current !== null && current !== base) {
      try {
        text = JSON.stringify(
          merge3(JSON.parse(base ?? 'null'), JSON.parse(value), JSON.parse(current)),
        );
        merged = true;
      } catch {
        // Another tab left something unreadable: keep it aside, then save ours.
        if (!keepCopy(storage, name, current, 'Data saved by another tab could not be read.'))
          return;
      }
    }
    try {
      storage.setItem(name, text);
      base = text;
      clearTimeout(retry);
      retry = undefined;
      events.saved();
      if (merged) events.mergedFromOtherTab(text);
    } catch (error) {
      events.failed(
        isQuotaError(error)
          ? quotaMessage
          : 'Your last change could not be saved in this browser; it is kept in this tab and Cellguard keeps trying.',
      );
      clearTimeout(retry);
      retry = setTimeout(() => write(name, value), retryDelayMs);
    }
  };

  return {
    getItem: (name) => {
      const storage = backing();
      const raw = storage?.getItem(name) ?? null;
      if (!storage || raw === null) {
        base = null;
        return null;
      }
      const check = checkPersisted(raw);
      if (!check.ok) {
        const reason = check.problems.map((p) => p.message).join('; ');
        if (keepCopy(storage, name, raw, `The saved assessments could not be read (${reason}).`)) {
          storage.removeItem(name);
        }
        base = null;
        return null;
      }
      const { text, dropped } = check.value;
      if (dropped === 0) {
        base = raw;
        return raw;
      }
      const message = `${dropped} saved assessment${dropped === 1 ? '' : 's'} could not be read and ${dropped === 1 ? 'is' : 'are'} left out.`;
      if (keepCopy(storage, name, raw, message)) {
        try {
          storage.setItem(name, text);
          base = text;
        } catch {
          base = raw;
        }
      }
      return text;
    },
    setItem: (name, value) => write(name, value),
    removeItem: (name) => backing()?.removeItem(name),
    setAside: (name, raw, message) => {
      const storage = backing();
      return storage ? keepCopy(storage, name, raw, message) : false;
    },
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

/**
 * Everything Cellguard keeps in this browser (the assessments and any copies set aside), as one
 * JSON text the user can download when a page fails: the way out that never depends on the page.
 */
export function savedData(storage: Storage | undefined, name: string): string {
  const keys = storage
    ? Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
        (key): key is string => key !== null && (key === name || key.startsWith(recoveryPrefix)),
      )
    : [];
  return JSON.stringify(
    Object.fromEntries(keys.map((key) => [key, storage?.getItem(key)])),
    null,
    2,
  );
}
