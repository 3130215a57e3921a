import type { AssessmentRecord, CellguardDatabase } from './database.ts';
import { readJournals } from './journal.ts';
import { isQuotaError } from './keyedRecordPersistence.ts';
import { moveLegacyStore } from './legacyMove.ts';
import { merge3 } from './merge3.ts';
import type { Settings, StoredAssessment } from './model.ts';
import { looksLikeStoredAssessment } from './persistedShape.ts';

/** What the store shows; the sync reads it after every change and writes what differs. */
export interface SyncedState {
  assessments: Readonly<Record<string, StoredAssessment>>;
  settings: Settings;
}

/** Records and settings read from the database (at start, or saved by another tab). */
export interface LoadedChange {
  put: Record<string, StoredAssessment>;
  removed: readonly string[];
  settings?: Settings;
}

export interface SyncTarget {
  read: () => SyncedState;
  /** Shows what came from the database; the store may refresh it (a summary), never lose it. */
  show: (change: LoadedChange) => void;
}

export interface SyncEvents {
  saved: () => void;
  failed: (message: string) => void;
  /** Stored data could not be read; `copy` is the untouched copy's number, if one could be kept. */
  recovered: (copy: number | undefined, message: string) => void;
  /** Another tab's changes are now shown. */
  external: () => void;
}

/** The part of BroadcastChannel the sync uses, so that tests can connect two stores directly. */
export interface TabChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface RecordSyncOptions {
  /** The database, or undefined when this browser refuses one (then nothing is saved). */
  open: () => Promise<CellguardDatabase | undefined>;
  /** localStorage: where earlier versions kept everything, and the journal of unsaved changes. */
  legacy: () => Storage | undefined;
  channel: () => TabChannel | undefined;
  events: SyncEvents;
  now: () => Date;
  defaults: Settings;
  /** Changes within this time are written together; typing never waits for the database. */
  saveDelayMs: number;
}

export const retryDelayMs = 5_000;
export const journalPrefix = 'cellguard:unsaved:';

const quotaMessage =
  "This browser's storage for Cellguard is full, so your last change is kept in this tab but not saved yet. " +
  'Delete an assessment you no longer need or export one to a file; Cellguard keeps trying to save.';
const noDatabaseMessage =
  'This browser does not let Cellguard store data, so nothing is saved after you close the tab. Export your work to a file.';

const isSettings = (value: unknown): value is Settings =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Settings).staleEvidenceDays === 'number';

interface SavedMessage {
  ids: string[];
  removed: string[];
  settings: boolean;
  /** Everything was erased: every tab empties itself. */
  erased?: boolean;
}
const isSavedMessage = (value: unknown): value is SavedMessage =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as SavedMessage).ids) &&
  Array.isArray((value as SavedMessage).removed);

/** What the user is told of stored assessments that break the rules; each has a copy kept. */
export const describeUnreadable = (count: number) =>
  `${count} saved assessment${count === 1 ? ' breaks' : 's break'} the rules of a Cellguard file (a damaged or hand-edited entry, or one saved by a newer Cellguard) and ${count === 1 ? 'is' : 'are'} left out.`;

/** One unsaved assessment as written to localStorage when the page is left: enough for a three-way merge. */
interface JournalEntry {
  id: string;
  baseRev: number;
  base: StoredAssessment | null;
  stored: StoredAssessment;
}
interface Journal {
  records: JournalEntry[];
  removed: string[];
  settings?: Settings;
}

/**
 * Keeps the database in step with the store, one assessment record at a time:
 * - a change marks only its assessment for writing; writes are grouped a moment later, off the
 *   keystroke, and each is a read-compare-write in one transaction: when another tab wrote since
 *   this tab last read, the two are merged (three-way) so that neither tab's edits are lost;
 * - other tabs are told what was saved, and read just those records;
 * - when the page is left with a write pending, the pending changes go to localStorage at once
 *   (a synchronous write the browser cannot cut short) and are applied at the next start;
 * - records that cannot be read are set aside, each with an untouched copy, without stopping the
 *   others from loading or saving.
 */
export function recordSync(target: SyncTarget, options: RecordSyncOptions) {
  const { events } = options;
  const tabId = Math.random().toString(36).slice(2);
  let db: CellguardDatabase | undefined;
  /** The record as this tab last read or wrote it; `value` is the very object shown then. */
  const base = new Map<string, { rev: number; value: StoredAssessment }>();
  let baseSettings: Settings | undefined;
  const dirty = new Set<string>();
  const removals = new Set<string>();
  let settingsDirty = false;
  // Taken from the sets above by a write under way, until it is durable.
  const inFlight = new Set<string>();
  const removing = new Set<string>();
  let settingsWriting = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastSaveFailed = false;
  let channel: TabChannel | undefined;
  let persistenceAsked = false;

  const pending = () =>
    dirty.size > 0 ||
    removals.size > 0 ||
    settingsDirty ||
    inFlight.size > 0 ||
    removing.size > 0 ||
    settingsWriting;

  const schedule = () => {
    if (timer === undefined && db)
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, options.saveDelayMs);
  };

  /** Called after every change of the store: marks what differs from the database. */
  const noticeChange = () => {
    if (!db) return;
    const { assessments, settings } = target.read();
    for (const [id, stored] of Object.entries(assessments))
      if (base.get(id)?.value !== stored) dirty.add(id);
    for (const id of base.keys()) if (!Object.hasOwn(assessments, id)) removals.add(id);
    if (settings !== baseSettings) settingsDirty = true;
    if (pending()) schedule();
  };

  const saveOne = async (database: CellguardDatabase, id: string) => {
    const ours = target.read().assessments[id];
    const known = base.get(id);
    if (!ours || known?.value === ours) return;
    let merged = false;
    const written = await database.writeRecord(id, (current) => {
      // Gone since this tab read it: another tab removed it, or erased everything. A removal
      // stands; this tab's edit to the removed assessment goes with it.
      if (!current && known) return undefined;
      if (!current || current.rev === known?.rev)
        return { id, rev: (current?.rev ?? 0) + 1, stored: ours };
      merged = true;
      return {
        id,
        rev: current.rev + 1,
        stored: merge3(known?.value ?? null, ours, current.stored),
      };
    });
    if (!written) {
      base.delete(id);
      target.show({ put: {}, removed: [id] });
      events.external();
      return;
    }
    if (!merged) {
      base.set(id, { rev: written.rev, value: ours });
      return;
    }
    const mergedValue = written.stored as StoredAssessment;
    base.set(id, { rev: written.rev, value: mergedValue });
    const now = target.read().assessments[id];
    // Edits made while the write was in flight sit on top of `ours`: they win over the merge.
    const shown =
      now === ours || !now ? mergedValue : (merge3(ours, now, mergedValue) as StoredAssessment);
    target.show({ put: { [id]: shown }, removed: [] });
    events.external();
  };

  const askForPersistence = () => {
    if (persistenceAsked || typeof navigator === 'undefined' || !navigator.storage?.persist) return;
    persistenceAsked = true;
    // Without it, the browser may clear Cellguard's data under storage pressure.
    void navigator.storage.persisted().then((persisted) => {
      if (!persisted) void navigator.storage.persist();
    });
  };

  const writePending = async () => {
    const database = db;
    if (!database || !pending()) return;
    const ids = [...dirty];
    const gone = [...removals];
    const writeSettings = settingsDirty;
    dirty.clear();
    removals.clear();
    settingsDirty = false;
    for (const id of ids) inFlight.add(id);
    for (const id of gone) removing.add(id);
    settingsWriting = writeSettings;
    try {
      for (const id of ids) {
        await saveOne(database, id);
        inFlight.delete(id);
      }
      if (gone.length > 0) {
        await database.remove(gone);
        for (const id of gone) {
          base.delete(id);
          removing.delete(id);
        }
      }
      if (writeSettings) {
        const { settings } = target.read();
        await database.writeSettings(settings);
        baseSettings = settings;
        settingsWriting = false;
      }
      lastSaveFailed = false;
      clearTimeout(retry);
      retry = undefined;
      if (!pending()) clearJournal();
      events.saved();
      channel?.postMessage({ ids, removed: gone, settings: writeSettings } satisfies SavedMessage);
      if (ids.length > 0) askForPersistence();
    } catch (error) {
      for (const id of ids) {
        inFlight.delete(id);
        dirty.add(id);
      }
      for (const id of gone) {
        removing.delete(id);
        removals.add(id);
      }
      settingsDirty ||= writeSettings;
      settingsWriting = false;
      lastSaveFailed = true;
      events.failed(
        isQuotaError(error)
          ? quotaMessage
          : 'Your last change could not be saved in this browser; it is kept in this tab and Cellguard keeps trying.',
      );
      clearTimeout(retry);
      retry = setTimeout(() => void flush(), retryDelayMs);
    }
  };

  /** Writes every pending change now; resolves when they are durable (or have failed, and will be retried). */
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    running = running.then(writePending);
    return running;
  }

  /** Drops everything pending and known: used when everything is erased. */
  const forgetEverything = () => {
    clearTimeout(timer);
    timer = undefined;
    dirty.clear();
    removals.clear();
    inFlight.clear();
    removing.clear();
    settingsDirty = false;
    settingsWriting = false;
    base.clear();
  };

  const journalKey = `${journalPrefix}${tabId}`;
  const clearJournal = () => {
    try {
      options.legacy()?.removeItem(journalKey);
    } catch {
      // Nothing to clear where localStorage is refused.
    }
  };

  /**
   * The page is being hidden or left: start writing, and put what is not yet durable in
   * localStorage synchronously. True when nothing would be lost if the page went now.
   */
  const keepBeforeLeaving = (): boolean => {
    if (!db || !pending()) return true;
    const { assessments, settings } = target.read();
    const journal: Journal = {
      records: [...new Set([...dirty, ...inFlight])].flatMap((id) => {
        const stored = assessments[id];
        const known = base.get(id);
        return stored ? [{ id, baseRev: known?.rev ?? 0, base: known?.value ?? null, stored }] : [];
      }),
      removed: [...removals, ...removing],
      ...(settingsDirty || settingsWriting ? { settings } : {}),
    };
    void flush();
    try {
      const storage = options.legacy();
      if (!storage) return false;
      storage.setItem(journalKey, JSON.stringify(journal));
      return true;
    } catch {
      return false;
    }
  };

  /** Applies the changes a tab had not saved when it was closed; the journal goes once applied. */
  const applyJournals = async (database: CellguardDatabase) => {
    const storage = options.legacy();
    if (!storage) return;
    const journals = readJournals<Journal>(
      storage,
      journalPrefix,
      (journal) => Array.isArray(journal.records) && Array.isArray(journal.removed),
    );
    for (const { key, journal } of journals) {
      for (const entry of journal.records) {
        if (!looksLikeStoredAssessment(entry.stored)) continue;
        await database.writeRecord(entry.id, (current) => {
          if (!current || current.rev === entry.baseRev)
            return { id: entry.id, rev: (current?.rev ?? 0) + 1, stored: entry.stored };
          return {
            id: entry.id,
            rev: current.rev + 1,
            stored: merge3(entry.base, entry.stored, current.stored),
          };
        });
      }
      if (journal.removed.length > 0) await database.remove(journal.removed);
      if (isSettings(journal.settings)) await database.writeSettings(journal.settings);
      storage.removeItem(key);
    }
  };

  const receive = async (message: unknown) => {
    const database = db;
    if (!database || !isSavedMessage(message)) return;
    const put: Record<string, StoredAssessment> = {};
    for (const id of message.ids) {
      const before = target.read().assessments[id];
      // Our own write will merge theirs; our own removal stands.
      if (dirty.has(id) || inFlight.has(id) || removals.has(id) || removing.has(id)) continue;
      const record = await database.read(id);
      if (!record || base.get(id)?.rev === record.rev) continue;
      if (!looksLikeStoredAssessment(record.stored) || target.read().assessments[id] !== before)
        continue;
      base.set(id, { rev: record.rev, value: record.stored });
      put[id] = record.stored;
    }
    const removed = message.erased
      ? Object.keys(target.read().assessments)
      : // An assessment this tab is writing: the write finds it gone and drops it itself.
        message.removed.filter((id) => !dirty.has(id) && !inFlight.has(id) && base.delete(id));
    if (message.erased) forgetEverything();
    let settings: Settings | undefined;
    if (message.erased) settings = baseSettings = options.defaults;
    else if (message.settings && !settingsDirty) {
      const read = await database.readSettings();
      if (isSettings(read)) settings = baseSettings = read;
    }
    if (Object.keys(put).length === 0 && removed.length === 0 && !settings) return;
    target.show({ put, removed, ...(settings ? { settings } : {}) });
    events.external();
  };

  /** Opens the database, moves data from an earlier version, and shows what is kept. Once. */
  const load = async () => {
    let database: CellguardDatabase | undefined;
    try {
      database = await options.open();
    } catch {
      database = undefined;
    }
    if (!database) {
      events.failed(noDatabaseMessage);
      return;
    }
    try {
      const moved = await moveLegacyStore(options.legacy(), database, options.now());
      for (const { copy, message } of moved.problems) events.recovered(copy, message);
    } catch {
      events.recovered(
        undefined,
        'The assessments saved by an earlier version of Cellguard could not be moved yet; they stay where they were and Cellguard tries again at the next start.',
      );
    }
    await applyJournals(database).catch(() => undefined);
    const { records, settings } = await database.readAll();
    const readable = records.filter(
      (record): record is AssessmentRecord & { stored: StoredAssessment } =>
        looksLikeStoredAssessment(record.stored) && record.stored.id === record.id,
    );
    const readableIds = new Set(readable.map((record) => record.id));
    const unreadable = records.filter((record) => !readableIds.has(record.id));
    if (unreadable.length > 0)
      await keepAside(database, unreadable, describeUnreadable(unreadable.length));
    for (const record of readable) base.set(record.id, { rev: record.rev, value: record.stored });
    baseSettings = isSettings(settings) ? settings : options.defaults;
    db = database;
    target.show({
      put: Object.fromEntries(readable.map((record) => [record.id, record.stored])),
      removed: [],
      settings: baseSettings,
    });
    channel = options.channel();
    channel?.addEventListener('message', (event) => void receive(event.data));
  };

  /** Copies records aside and removes them, in one transaction; without a copy they stay untouched. */
  const keepAside = async (
    database: CellguardDatabase,
    records: readonly AssessmentRecord[],
    message: string,
  ) => {
    const keptAt = options.now().toISOString();
    try {
      const [copy] = await database.setAside(
        [{ keptAt, reason: message, raw: JSON.stringify(records.map((record) => record.stored)) }],
        records.map((record) => record.id),
      );
      events.recovered(copy, message);
    } catch {
      events.recovered(
        undefined,
        `${message} Cellguard could not keep a copy because the storage is full, so it leaves them as they are.`,
      );
    }
  };

  return {
    load,
    noticeChange,
    flush,
    keepBeforeLeaving,
    /** True while a change is not yet durable and could not be kept for the next start either. */
    unsavedOnLeaving: () => pending() && (lastSaveFailed || !keepBeforeLeaving()),
    /**
     * Takes assessments that no longer pass the rules out of the store: they leave the database
     * only together with their untouched copy.
     */
    setAside: (unreadable: readonly StoredAssessment[], message: string) => {
      const records = unreadable.map((stored) => {
        const known = base.get(stored.id);
        base.delete(stored.id);
        return { id: stored.id, rev: known?.rev ?? 0, stored };
      });
      if (db) void keepAside(db, records, message);
      else events.recovered(undefined, message);
    },
    recoveredCopy: async (copy: number) => (await db?.recovered(copy))?.raw,
    /** Everything kept in this browser, for the user to download when a page fails. */
    everything: async (): Promise<unknown> => {
      if (!db) return { assessments: target.read().assessments };
      const [{ records, settings }, recovered] = await Promise.all([
        db.readAll(),
        db.allRecovered(),
      ]);
      return { assessments: records.map((record) => record.stored), settings, recovered };
    },
    /** Empties the database; `shown` is what the store shows from now on (the default settings). */
    eraseAll: async (shown: Settings) => {
      forgetEverything();
      baseSettings = shown;
      await running;
      await db?.eraseAll();
      clearJournal();
      channel?.postMessage({
        ids: [],
        removed: [],
        settings: true,
        erased: true,
      } satisfies SavedMessage);
    },
  };
}

export type RecordSync = ReturnType<typeof recordSync>;
