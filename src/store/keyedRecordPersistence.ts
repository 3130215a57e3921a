import {
  browserIndexedDb,
  openDatabase,
  type CellguardDatabase,
  type SetAsideFrom,
} from './database.ts';
import { readJournals } from './journal.ts';
import type { TabChannel } from './recordSync.ts';

/**
 * How the stores that keep one database record per item, under the item's id, keep the database
 * in step with what they show (the questionnaires, the groups; the assessments have recordSync.ts,
 * which also keeps revisions and settings):
 * - every change is written a moment later, each record in one read-compare-write transaction:
 *   when another tab wrote it since this tab read it, the two versions are merged;
 * - a failed write is retried, and the user told why in plain words;
 * - other tabs are told which ids were saved or removed, and read just those records;
 * - when the page is hidden with a write pending, what is not yet durable goes to localStorage at
 *   once (a synchronous write the browser cannot cut short) and is applied at the next start;
 * - a record restored from a backup replaces the database's instead of being merged with it.
 * What differs between the stores (the record, its id, its check, its merge, its journal entry,
 * the words) is passed in.
 */

export const retryDelayMs = 5_000;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);
export const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);
export const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

export function isQuotaError(error: unknown): boolean {
  return (
    (error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)) ||
    (error instanceof Error && error.name === 'QuotaExceededError')
  );
}

/** What a store is given to keep its records: the browser's, or a test's. */
export interface PersistenceDependencies {
  now: () => Date;
  /** The database, or undefined when the browser refuses one (then nothing is saved). */
  open: () => Promise<CellguardDatabase | undefined>;
  /** localStorage: where changes not yet written are kept when the page is left. */
  storage: () => Storage | undefined;
  /** How tabs tell each other what they saved (the same channel as the assessments'). */
  channel: () => TabChannel | undefined;
  /** Changes within this time are written together (default 300 ms). */
  saveDelayMs?: number;
}

/** One record as the database keeps it; `stored` is checked before use. */
export interface KeyedRecord {
  id: string;
  stored: unknown;
}

/** The database's methods for one store of keyed records. */
export interface RecordTable {
  read: (database: CellguardDatabase) => Promise<KeyedRecord[]>;
  /** Reads the record and writes what `decide` makes of it, in one transaction. */
  write: (
    database: CellguardDatabase,
    id: string,
    decide: (current: KeyedRecord | undefined) => KeyedRecord | undefined,
  ) => Promise<KeyedRecord | undefined>;
  remove: (database: CellguardDatabase, ids: readonly string[]) => Promise<void>;
}

/** A stored value as the store keeps it, or undefined when it is not one. */
export type Check<T> = (value: unknown) => T | undefined;

/** The part of a store's state this module reads and changes; `records` by id. */
export interface ShownState<T> {
  loaded: boolean;
  records: Record<string, T>;
  saveProblem: string | null;
}

export interface KeyedRecordOptions<T> {
  dependencies: PersistenceDependencies;
  /** The store's state, with its records under their own name there. */
  shown: {
    get: () => ShownState<T>;
    set: (change: Partial<ShownState<T>>) => void;
  };
  table: RecordTable;
  idOf: (record: T) => string;
  /** Resolves to the check of stored values: a store may load it only when first needed. */
  check: () => Promise<Check<T>>;
  /**
   * `ours` and `theirs` both changed from `base` (null when unknown): what to keep of both. Used
   * when another tab wrote, when a journal is applied, and for changes made during a write.
   */
  merge: (base: T | null, ours: T, theirs: T) => T;
  /** True when `ours` was removed and made again since `known` was read: written as it is. */
  madeAgain?: (known: T, ours: T) => boolean;
  /** Under which key the tabs' messages name the ids saved and removed. */
  channelKey: string;
  journal: {
    /** Each tab's journal is kept in localStorage under this prefix and the tab's id. */
    prefix: string;
    /** One record not yet written, as kept in the journal, with the version it was changed from. */
    toEntry: (record: T, base: T | null) => unknown;
    /** The record and its base back from an entry, both to be checked. */
    fromEntry: (entry: unknown) => { record: unknown; base?: unknown };
  };
  /** What the user is told, in plain words. */
  messages: {
    /** The storage is full. */
    quota: string;
    /** Any other failed write. */
    failed: string;
    /** The browser refuses a database. */
    noDatabase: string;
    /** The records could not be read at all. */
    unread: string;
  };
  /**
   * Records that fail the check are copied aside and removed; without this, they are left
   * untouched in the database, and not shown.
   */
  setAside?: {
    from: SetAsideFrom;
    describe: (count: number) => string;
    /** `copy` is the kept copy's number; undefined when none could be kept. */
    recovered: (copy: number | undefined, message: string) => void;
  };
}

/** What one tab keeps in localStorage when it is hidden with changes not yet written. */
interface Journal {
  entries: unknown[];
  removed: unknown[];
  /** Ids restored from a backup: written as they are, not merged. Absent in older journals. */
  replaced?: unknown;
}

/** The assessments' store says so when everything on the device was erased. */
const isErasedMessage = (value: unknown): boolean => isObject(value) && value.erased === true;

const isString = (value: unknown): value is string => typeof value === 'string';

export function keyedRecordPersistence<T>(options: KeyedRecordOptions<T>) {
  const {
    dependencies,
    shown,
    table,
    idOf,
    merge,
    channelKey,
    journal: format,
    messages,
  } = options;
  const { storage, saveDelayMs = 300 } = dependencies;
  const tabId = Math.random().toString(36).slice(2);
  const journalKey = `${format.prefix}${tabId}`;
  let db: CellguardDatabase | undefined;
  let check: Check<T> | undefined;
  let loading: Promise<void> | undefined;
  /** Each record as this tab last read or wrote it: the very object shown then. */
  const base = new Map<string, T>();
  const dirty = new Set<string>();
  const removals = new Set<string>();
  // Taken from the sets above by a write under way, until it is durable.
  const inFlight = new Set<string>();
  const removing = new Set<string>();
  /** Restored from a backup: the next write replaces the database's record instead of merging. */
  const replacing = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let channel: TabChannel | undefined;
  let failed = false;
  /** Bumped by every erase: a read that began before one shows nothing it read. */
  let erasures = 0;

  const pending = () => dirty.size + removals.size + inFlight.size + removing.size > 0;
  const records = () => shown.get().records;

  const setProblem = (saveProblem: string | null) => {
    if (shown.get().saveProblem !== saveProblem) shown.set({ saveProblem });
  };

  const post = (saved: string[], removed: string[]) =>
    channel?.postMessage({ [channelKey]: { saved, removed } });

  /** The ids another tab says it saved and removed in this store; undefined for other messages. */
  const savedIn = (message: unknown) => {
    const change = isObject(message) ? message[channelKey] : undefined;
    return isObject(change) && Array.isArray(change.saved) && Array.isArray(change.removed)
      ? { saved: change.saved as unknown[], removed: change.removed as unknown[] }
      : undefined;
  };

  const loadCheck = async (): Promise<Check<T>> => (check ??= await options.check());

  const schedule = () => {
    if (timer === undefined && db)
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, saveDelayMs);
  };

  /** Called after every change of the store: marks what differs from the database. */
  const noticeChange = () => {
    if (!db) return;
    const current = records();
    for (const [id, record] of Object.entries(current)) {
      // Made again before its removal was written: written afresh instead.
      removals.delete(id);
      if (base.get(id) !== record) dirty.add(id);
    }
    for (const id of base.keys()) if (!Object.hasOwn(current, id)) removals.add(id);
    if (pending()) schedule();
  };

  /** Shows records read from the database in place of the ones this tab shows. */
  const show = (put: Record<string, T>, removed: readonly string[]) => {
    let next = { ...records(), ...put };
    for (const id of removed) next = without(next, id);
    shown.set({ records: next });
  };

  const saveOne = async (database: CellguardDatabase, read: Check<T>, id: string) => {
    const ours = records()[id];
    const known = base.get(id);
    if (!ours || known === ours) return;
    const replaces = replacing.has(id);
    // Restored from a backup, or removed and made again before the removal was written: written
    // as it is.
    const afresh = replaces || (known !== undefined && options.madeAgain?.(known, ours) === true);
    let gone = false;
    const written = await table.write(database, id, (current) => {
      // Removed by another tab since this tab read it: the removal stands.
      if (!current && known && !afresh) {
        gone = true;
        return undefined;
      }
      const theirs = current && !afresh ? read(current.stored) : undefined;
      // Another tab wrote since this tab read it: both tabs' changes are kept.
      const stored = theirs && !sameJson(theirs, known) ? merge(known ?? null, ours, theirs) : ours;
      return { id, stored };
    });
    if (gone || !written) {
      base.delete(id);
      show({}, [id]);
      return;
    }
    if (replaces) replacing.delete(id);
    const stored = written.stored as T;
    if (sameJson(stored, ours)) {
      base.set(id, ours);
      return;
    }
    base.set(id, stored);
    // Restored from a backup since this write began: the backup's version is written next.
    if (replacing.has(id)) return;
    // Changes made while the write was in flight sit on top of `ours`: they win over the merge.
    const shownNow = records()[id];
    show({ [id]: shownNow && shownNow !== ours ? merge(ours, shownNow, stored) : stored }, []);
  };

  const clearJournal = () => {
    try {
      storage()?.removeItem(journalKey);
    } catch {
      // Nothing to clear where localStorage is refused.
    }
  };

  const clearJournals = () => {
    try {
      const local = storage();
      if (!local) return;
      const keys = Array.from({ length: local.length }, (_, i) => local.key(i)).filter(
        (key): key is string => key?.startsWith(format.prefix) === true,
      );
      for (const key of keys) local.removeItem(key);
    } catch {
      // Nothing to clear where localStorage is refused.
    }
  };

  const writePending = async () => {
    const database = db;
    const read = check;
    if (!database || !read || !pending()) return;
    const ids = [...dirty];
    const gone = [...removals];
    dirty.clear();
    removals.clear();
    for (const id of ids) inFlight.add(id);
    for (const id of gone) removing.add(id);
    try {
      for (const id of ids) {
        await saveOne(database, read, id);
        inFlight.delete(id);
      }
      if (gone.length > 0) {
        await table.remove(database, gone);
        for (const id of gone) {
          base.delete(id);
          removing.delete(id);
        }
      }
      failed = false;
      clearTimeout(retry);
      retry = undefined;
      if (!pending()) clearJournal();
      setProblem(null);
      post(ids, gone);
    } catch (error) {
      for (const id of ids) {
        inFlight.delete(id);
        dirty.add(id);
      }
      for (const id of gone) {
        removing.delete(id);
        removals.add(id);
      }
      failed = true;
      setProblem(isQuotaError(error) ? messages.quota : messages.failed);
      clearTimeout(retry);
      retry = setTimeout(() => void flush(), retryDelayMs);
    }
  };

  /** Writes every pending change now; resolves when they are durable, or have failed and will be retried. */
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    running = running.then(writePending);
    return running;
  }

  function forgetEverything() {
    clearTimeout(timer);
    clearTimeout(retry);
    timer = undefined;
    retry = undefined;
    dirty.clear();
    removals.clear();
    inFlight.clear();
    removing.clear();
    base.clear();
    replacing.clear();
    failed = false;
  }

  /**
   * The page is being hidden or left: start writing, and put what is not yet durable in
   * localStorage at once. True when nothing would be lost if the page went now.
   */
  const keepBeforeLeaving = (): boolean => {
    if (!db || !pending()) return true;
    const current = records();
    const journal: Journal = {
      entries: [...new Set([...dirty, ...inFlight])].flatMap((id) => {
        const record = current[id];
        return record ? [format.toEntry(record, base.get(id) ?? null)] : [];
      }),
      removed: [...removals, ...removing],
      replaced: [...replacing],
    };
    void flush();
    try {
      const local = storage();
      if (!local) return false;
      local.setItem(journalKey, JSON.stringify(journal));
      return true;
    } catch {
      return false;
    }
  };

  /** Applies what tabs had not saved when they were closed; each journal goes once applied. */
  const applyJournals = async (database: CellguardDatabase, read: Check<T>) => {
    const local = storage();
    if (!local) return;
    const journals = readJournals<Journal>(
      local,
      format.prefix,
      (journal) => Array.isArray(journal.entries) && Array.isArray(journal.removed),
    );
    for (const { key, journal } of journals) {
      const replaced = new Set(Array.isArray(journal.replaced) ? journal.replaced : []);
      for (const entry of journal.entries) {
        const kept = format.fromEntry(entry);
        const record = read(kept.record);
        if (!record) continue;
        const from = read(kept.base) ?? null;
        const id = idOf(record);
        await table.write(database, id, (current) => {
          const theirs = current && !replaced.has(id) ? read(current.stored) : undefined;
          return { id, stored: theirs ? merge(from, record, theirs) : record };
        });
      }
      const removed = journal.removed.filter(isString);
      if (removed.length > 0) await table.remove(database, removed);
      local.removeItem(key);
    }
  };

  const receive = async (message: unknown) => {
    const database = db;
    const read = check;
    if (!database || !read) return;
    if (isErasedMessage(message)) {
      forgetEverything();
      shown.set({ records: {}, saveProblem: null });
      return;
    }
    const change = savedIn(message);
    if (!change) return;
    const put: Record<string, T> = {};
    if (change.saved.length > 0) {
      for (const record of await table.read(database)) {
        const { id } = record;
        // This tab's own write merges theirs.
        if (!change.saved.includes(id) || dirty.has(id) || inFlight.has(id)) continue;
        const shownNow = records()[id];
        const stored = read(record.stored);
        if (!stored || (shownNow && base.get(id) !== shownNow)) continue;
        base.set(id, stored);
        put[id] = stored;
      }
    }
    const gone = change.removed.filter(
      (id): id is string => isString(id) && !dirty.has(id) && !inFlight.has(id) && base.delete(id),
    );
    if (Object.keys(put).length > 0 || gone.length > 0) show(put, gone);
  };

  /** Copies unreadable records aside and removes them, in one transaction; else leaves them. */
  const setAside = async (
    database: CellguardDatabase,
    unreadable: KeyedRecord[],
    { from, describe, recovered }: NonNullable<KeyedRecordOptions<T>['setAside']>,
  ) => {
    const message = describe(unreadable.length);
    try {
      const [copy] = await database.setAside(
        [
          {
            keptAt: dependencies.now().toISOString(),
            reason: message,
            raw: JSON.stringify(unreadable.map((record) => record.stored)),
          },
        ],
        unreadable.map((record) => record.id),
        from,
      );
      recovered(copy, message);
    } catch {
      recovered(
        undefined,
        `${message} Cellguard could not keep a copy because the storage is full, so it leaves them as they are.`,
      );
    }
  };

  const readKept = async () => {
    let database: CellguardDatabase | undefined;
    try {
      database = await dependencies.open();
    } catch {
      database = undefined;
    }
    if (!database) {
      setProblem(messages.noDatabase);
      return;
    }
    const read = await loadCheck();
    const erasuresBefore = erasures;
    await applyJournals(database, read).catch(() => undefined);
    const all = await table.read(database);
    const kept = erasures === erasuresBefore ? all : [];
    const readable: Record<string, T> = {};
    const unreadable: KeyedRecord[] = [];
    for (const record of kept) {
      const stored = read(record.stored);
      if (stored && idOf(stored) === record.id) readable[record.id] = stored;
      else unreadable.push(record);
    }
    if (unreadable.length > 0 && options.setAside)
      await setAside(database, unreadable, options.setAside);
    for (const [id, record] of Object.entries(readable)) base.set(id, record);
    db = database;
    // A record made before the database answered is merged with what it holds (one restored from
    // a backup replaces it).
    const next = { ...readable };
    for (const [id, record] of Object.entries(records())) {
      const theirs = readable[id];
      next[id] = theirs && !replacing.has(id) ? merge(null, record, theirs) : record;
    }
    shown.set({ loaded: true, records: next });
    channel = dependencies.channel();
    channel?.addEventListener('message', (event) => void receive(event.data));
    noticeChange();
  };

  /** Reads the database, once however often it is called; resolves when the records are shown. */
  function load(): Promise<void> {
    loading ??= readKept()
      .catch(() => setProblem(messages.unread))
      .finally(() => {
        if (!shown.get().loaded) shown.set({ loaded: true });
      });
    return loading;
  }

  return {
    load,
    noticeChange,
    /** The check of stored values, loaded on first use. */
    check: loadCheck,
    /** True when the database held a record under this id when this tab last read or wrote it. */
    knows: (id: string) => base.has(id),
    /** Shows these records, each in place of the one with its id, to be written as they are. */
    replace: (list: readonly T[]) => {
      const put: Record<string, T> = {};
      for (const record of list) {
        const id = idOf(record);
        put[id] = record;
        replacing.add(id);
      }
      shown.set({ records: { ...records(), ...put } });
    },
    /** Forgets every record, in this tab and in the database, and tells the other tabs. */
    eraseAll: async () => {
      const ids = [...new Set([...base.keys(), ...Object.keys(records())])];
      erasures += 1;
      forgetEverything();
      shown.set({ records: {}, saveProblem: null });
      clearJournals();
      await running;
      try {
        if (db) await table.remove(db, ids);
      } catch {
        // Erasing everything also empties the database's store of these records.
      }
      post([], ids);
    },
    persistence: {
      flush,
      keepBeforeLeaving,
      /** True while a change is not yet durable and could not be kept for the next start either. */
      unsavedOnLeaving: () => pending() && (failed || !keepBeforeLeaving()),
      /**
       * Every record the database holds, as it holds it (those too damaged to show included), for
       * the user to download when a page fails; what this tab shows without a database.
       */
      everything: async (): Promise<unknown[]> =>
        db ? (await table.read(db)).map((record) => record.stored) : Object.values(records()),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser's side of the dependencies.

export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Some browsers throw on access when site data is disabled.
    return undefined;
  }
}

export const browserDependencies: PersistenceDependencies = {
  now: () => new Date(),
  open: async () => {
    const factory = browserIndexedDb();
    return factory ? openDatabase(factory) : undefined;
  },
  storage: browserStorage,
  channel: () =>
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('cellguard'),
};

/** Keeps a store's pending changes when the page is hidden or left. */
export function keepWhenLeaving(persistence: {
  keepBeforeLeaving: () => boolean;
  unsavedOnLeaving: () => boolean;
}) {
  if (typeof window === 'undefined') return;
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
