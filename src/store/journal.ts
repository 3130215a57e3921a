/**
 * The journals a tab writes to localStorage when it is hidden or closed with a write pending (see
 * recordSync.ts and keyedRecordPersistence.ts): read back at the next start, each under its own key.
 */

/**
 * Every journal under the prefix that `isJournal` accepts, with its key, for the caller to apply
 * then remove; one that is not JSON or not a journal is removed at once, having nothing to apply.
 */
export function readJournals<T>(
  storage: Storage,
  prefix: string,
  isJournal: (value: Partial<T>) => boolean,
): { key: string; journal: T }[] {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string => key?.startsWith(prefix) === true,
  );
  const journals: { key: string; journal: T }[] = [];
  for (const key of keys) {
    try {
      const journal = JSON.parse(storage.getItem(key) ?? '') as Partial<T>;
      if (journal === null || typeof journal !== 'object' || !isJournal(journal)) throw new Error();
      journals.push({ key, journal: journal as T });
    } catch {
      storage.removeItem(key);
    }
  }
  return journals;
}
