/**
 * Cellguard's IndexedDB database: one record per assessment, so that a change writes only the
 * assessment that changed, whatever the number kept. A thin typed layer over the browser's API
 * rather than a library: Dexie would add 30 KB gzip to a first page whose budget is 120 KB, and
 * the store needs only five operations.
 *
 * Stores:
 * - `assessments`: `{ id, rev, stored }`, where `rev` grows with every write, so that a tab can
 *   tell whether another tab wrote since it last read; indexed by organisation, scope, question
 *   set and cycle (the identity of an assessment);
 * - `settings`: one record, `{ key: 'settings', value }`;
 * - `recovered`: untouched copies of what could not be read, kept until the user erases them;
 * - `questionnaires` (version 2): `{ id, stored }`, one record per questionnaire this browser's
 *   user was sent to answer, with their answers so far (see questionnaires.ts);
 * - `groups` (version 3): `{ id, stored }`, one record per group of operating companies a group
 *   office oversees (see groups.ts); the members' assessments are ordinary assessment records.
 *
 * An upgrade creates only the stores the older version lacks, so that nothing kept is lost.
 */

export const databaseName = 'cellguard';
export const databaseVersion = 3;

export interface AssessmentRecord {
  id: string;
  rev: number;
  /** The stored assessment as the store keeps it; checked by the caller before use. */
  stored: unknown;
}

export interface RecoveredCopy {
  seq?: number;
  keptAt: string;
  reason: string;
  raw: string;
}

/** A questionnaire to answer, with the answers given so far; checked by the caller before use. */
export interface QuestionnaireRecord {
  id: string;
  stored: unknown;
}

/** A group of operating companies; checked by the caller before use. */
export interface GroupRecord {
  id: string;
  stored: unknown;
}

/** The stores whose records can be set aside when they cannot be read. */
export type SetAsideFrom = 'assessments' | 'groups';

export interface DatabaseContents {
  records: AssessmentRecord[];
  settings: unknown;
}

export interface CellguardDatabase {
  readAll: () => Promise<DatabaseContents>;
  read: (id: string) => Promise<AssessmentRecord | undefined>;
  readSettings: () => Promise<unknown>;
  /**
   * Reads the current record and writes the one `decide` makes of it, in one transaction, so that
   * no other tab can write in between. Returns what was written; nothing when `decide` says so.
   */
  writeRecord: (
    id: string,
    decide: (current: AssessmentRecord | undefined) => AssessmentRecord | undefined,
  ) => Promise<AssessmentRecord | undefined>;
  remove: (ids: readonly string[]) => Promise<void>;
  writeSettings: (value: unknown) => Promise<void>;
  /**
   * Keeps the copies and deletes the records they copy (assessments unless told), in one
   * transaction: both or neither.
   */
  setAside: (
    copies: readonly RecoveredCopy[],
    removeIds: readonly string[],
    from?: SetAsideFrom,
  ) => Promise<number[]>;
  recovered: (seq: number) => Promise<RecoveredCopy | undefined>;
  allRecovered: () => Promise<RecoveredCopy[]>;
  /**
   * Writes records (only those not already kept), settings and copies in one transaction; returns
   * the copies' numbers.
   */
  putAll: (
    records: readonly AssessmentRecord[],
    settings: unknown,
    copies: readonly RecoveredCopy[],
  ) => Promise<number[]>;
  readQuestionnaires: () => Promise<QuestionnaireRecord[]>;
  /**
   * Reads the current questionnaire record and writes the one `decide` makes of it, in one
   * transaction. Returns what was written; nothing when `decide` says so.
   */
  writeQuestionnaire: (
    id: string,
    decide: (current: QuestionnaireRecord | undefined) => QuestionnaireRecord | undefined,
  ) => Promise<QuestionnaireRecord | undefined>;
  removeQuestionnaires: (ids: readonly string[]) => Promise<void>;
  readGroups: () => Promise<GroupRecord[]>;
  /**
   * Reads the current group record and writes the one `decide` makes of it, in one transaction.
   * Returns what was written; nothing when `decide` says so.
   */
  writeGroup: (
    id: string,
    decide: (current: GroupRecord | undefined) => GroupRecord | undefined,
  ) => Promise<GroupRecord | undefined>;
  removeGroups: (ids: readonly string[]) => Promise<void>;
  /** Empties every store: assessments, settings, kept copies, questionnaires and groups. */
  eraseAll: () => Promise<void>;
  close: () => void;
}

type StoreName = 'assessments' | 'settings' | 'recovered' | 'questionnaires' | 'groups';
const allStores: StoreName[] = ['assessments', 'settings', 'recovered', 'questionnaires', 'groups'];

const settingsKey = 'settings';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Runs `work` in one transaction and resolves with its result once the transaction has committed
 * (a write is only "saved" when it is durable). `work` may only chain IndexedDB requests: awaiting
 * anything else would let the transaction commit early.
 */
function inTransaction<T>(
  db: IDBDatabase,
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    let result: T;
    let failure: unknown;
    work(tx).then(
      (value) => {
        result = value;
      },
      (error: unknown) => {
        failure = error;
        try {
          tx.abort();
        } catch {
          // Already finished or aborting: the abort handler reports it.
        }
      },
    );
    tx.oncomplete = () => resolve(result);
    tx.onabort = () => reject(failure ?? tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = (event) => {
      // Reported through onabort, which follows; stop it from reaching window.onerror.
      event.preventDefault();
    };
  });
}

function wrap(db: IDBDatabase): CellguardDatabase {
  const readAll = () =>
    inTransaction(db, ['assessments', 'settings'], 'readonly', async (tx) => {
      const [records, settings] = await Promise.all([
        request(tx.objectStore('assessments').getAll() as IDBRequest<AssessmentRecord[]>),
        request(tx.objectStore('settings').get(settingsKey) as IDBRequest<{ value: unknown }>),
      ]);
      return { records, settings: settings?.value };
    });
  return {
    readAll,
    read: (id) =>
      inTransaction(db, ['assessments'], 'readonly', (tx) =>
        request(tx.objectStore('assessments').get(id) as IDBRequest<AssessmentRecord | undefined>),
      ),
    readSettings: () =>
      inTransaction(db, ['settings'], 'readonly', async (tx) => {
        const row = await request(
          tx.objectStore('settings').get(settingsKey) as IDBRequest<{ value: unknown } | undefined>,
        );
        return row?.value;
      }),
    writeRecord: (id, decide) =>
      inTransaction(db, ['assessments'], 'readwrite', async (tx) => {
        const store = tx.objectStore('assessments');
        const current = await request(store.get(id) as IDBRequest<AssessmentRecord | undefined>);
        const next = decide(current);
        if (next) await request(store.put(next));
        return next;
      }),
    remove: (ids) =>
      inTransaction(db, ['assessments'], 'readwrite', async (tx) => {
        const store = tx.objectStore('assessments');
        await Promise.all(ids.map((id) => request(store.delete(id))));
      }),
    writeSettings: (value) =>
      inTransaction(db, ['settings'], 'readwrite', async (tx) => {
        await request(tx.objectStore('settings').put({ key: settingsKey, value }));
      }),
    setAside: (copies, removeIds, from = 'assessments') =>
      inTransaction(db, [from, 'recovered'], 'readwrite', async (tx) => {
        const kept = await Promise.all(
          copies.map((copy) => request(tx.objectStore('recovered').add(copy))),
        );
        await Promise.all(removeIds.map((id) => request(tx.objectStore(from).delete(id))));
        return kept.map(Number);
      }),
    recovered: (seq) =>
      inTransaction(db, ['recovered'], 'readonly', (tx) =>
        request(tx.objectStore('recovered').get(seq) as IDBRequest<RecoveredCopy | undefined>),
      ),
    allRecovered: () =>
      inTransaction(db, ['recovered'], 'readonly', (tx) =>
        request(tx.objectStore('recovered').getAll() as IDBRequest<RecoveredCopy[]>),
      ),
    putAll: (records, settings, copies) =>
      inTransaction(db, allStores, 'readwrite', async (tx) => {
        const assessments = tx.objectStore('assessments');
        const existing = new Set(await request(assessments.getAllKeys()));
        const [kept] = await Promise.all([
          Promise.all(copies.map((copy) => request(tx.objectStore('recovered').add(copy)))),
          ...records
            .filter((record) => !existing.has(record.id))
            .map((record) => request(assessments.put(record))),
          ...(settings === undefined
            ? []
            : [request(tx.objectStore('settings').put({ key: settingsKey, value: settings }))]),
        ]);
        return kept.map(Number);
      }),
    readQuestionnaires: () =>
      inTransaction(db, ['questionnaires'], 'readonly', (tx) =>
        request(tx.objectStore('questionnaires').getAll() as IDBRequest<QuestionnaireRecord[]>),
      ),
    writeQuestionnaire: (id, decide) =>
      inTransaction(db, ['questionnaires'], 'readwrite', async (tx) => {
        const store = tx.objectStore('questionnaires');
        const current = await request(store.get(id) as IDBRequest<QuestionnaireRecord | undefined>);
        const next = decide(current);
        if (next) await request(store.put(next));
        return next;
      }),
    removeQuestionnaires: (ids) =>
      inTransaction(db, ['questionnaires'], 'readwrite', async (tx) => {
        const store = tx.objectStore('questionnaires');
        await Promise.all(ids.map((id) => request(store.delete(id))));
      }),
    readGroups: () =>
      inTransaction(db, ['groups'], 'readonly', (tx) =>
        request(tx.objectStore('groups').getAll() as IDBRequest<GroupRecord[]>),
      ),
    writeGroup: (id, decide) =>
      inTransaction(db, ['groups'], 'readwrite', async (tx) => {
        const store = tx.objectStore('groups');
        const current = await request(store.get(id) as IDBRequest<GroupRecord | undefined>);
        const next = decide(current);
        if (next) await request(store.put(next));
        return next;
      }),
    removeGroups: (ids) =>
      inTransaction(db, ['groups'], 'readwrite', async (tx) => {
        const store = tx.objectStore('groups');
        await Promise.all(ids.map((id) => request(store.delete(id))));
      }),
    eraseAll: () =>
      inTransaction(db, allStores, 'readwrite', async (tx) => {
        await Promise.all(allStores.map((name) => request(tx.objectStore(name).clear())));
      }),
    close: () => db.close(),
  };
}

/** Opens (creating on first use) Cellguard's database; rejects when the browser refuses it. */
export function openDatabase(factory: IDBFactory): Promise<CellguardDatabase> {
  return new Promise((resolve, reject) => {
    let opening: IDBOpenDBRequest;
    try {
      opening = factory.open(databaseName, databaseVersion);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    opening.onupgradeneeded = (event) => {
      const db = opening.result;
      const has = (name: StoreName) => db.objectStoreNames.contains(name);
      // Each version adds stores; an upgrade creates only those the database lacks.
      if (event.oldVersion < 1) {
        if (!has('assessments')) {
          const assessments = db.createObjectStore('assessments', { keyPath: 'id' });
          assessments.createIndex('identity', [
            'stored.assessment.organisation',
            'stored.assessment.scope',
            'stored.assessment.questionSet.id',
            'stored.assessment.cycle',
          ]);
        }
        if (!has('settings')) db.createObjectStore('settings', { keyPath: 'key' });
        if (!has('recovered'))
          db.createObjectStore('recovered', { keyPath: 'seq', autoIncrement: true });
      }
      if (event.oldVersion < 2 && !has('questionnaires'))
        db.createObjectStore('questionnaires', { keyPath: 'id' });
      if (event.oldVersion < 3 && !has('groups')) db.createObjectStore('groups', { keyPath: 'id' });
    };
    opening.onsuccess = () => {
      const db = opening.result;
      // A newer Cellguard in another tab wants to upgrade: step aside rather than block it.
      db.onversionchange = () => db.close();
      resolve(wrap(db));
    };
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB could not be opened'));
    opening.onblocked = () =>
      reject(new Error('IndexedDB is blocked by another Cellguard tab of an older version'));
  });
}

/** The browser's IndexedDB, or undefined where it is missing or refused (some private modes). */
export function browserIndexedDb(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}
