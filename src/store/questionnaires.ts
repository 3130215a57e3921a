import { create } from 'zustand';
import { clipText, isRealDate } from '../core/assessment/limits.ts';
import type { Questionnaire, QuestionnaireQuestion } from '../core/delegation/questionnaire.ts';
import type { ResponseAnswer } from '../core/delegation/schema.ts';
import { questionnaireProgress } from '../core/delegation/respondent.ts';
import { fail, succeed, type Result } from '../core/result.ts';
import { browserIndexedDb, openDatabase, type CellguardDatabase } from './database.ts';
import { readJournals } from './journal.ts';
import type { TabChannel } from './recordSync.ts';

/**
 * The questionnaires this browser's user was sent to answer (the respondent's side of
 * delegation), each with the answers given so far. Kept in the database's `questionnaires` store,
 * one record per questionnaire; every change is written a moment later, and at once when the page
 * is hidden. Nothing here touches the assessments: a respondent sees only their questions.
 *
 * The store imports only types from the file formats, so that the home page can list
 * questionnaires without loading their checks.
 */

export interface StoredQuestionnaire {
  questionnaire: Questionnaire;
  /** The respondent's answers by question id; an answer cleared keeps its `answeredAt`. */
  answers: Record<string, ResponseAnswer>;
  /** When the questionnaire was first opened in this browser. */
  openedAt: string;
  /** When an answer last changed. */
  updatedAt: string;
  /** When the last response file was created. */
  respondedAt?: string;
}

/** What the page changes in one answer; an empty string clears the field. */
export type AnswerChange = Partial<Omit<ResponseAnswer, 'answeredAt'>>;

export interface OpenedQuestionnaire {
  id: string;
  /** The questionnaire was already in this browser: its answers so far are kept. */
  existing: boolean;
  /** How many of its questions are answered now. */
  answered: number;
}

export interface QuestionnairesState {
  /** False until what this browser keeps has been read. */
  loaded: boolean;
  questionnaires: Record<string, StoredQuestionnaire>;
  /** Why the latest answers are not saved, in plain words; null while everything is saved. */
  saveProblem: string | null;
  /**
   * Keeps a questionnaire to answer, under its own id; when it is already here, nothing changes
   * and the answers given so far stay. A newer round is another questionnaire, kept apart.
   */
  open: (questionnaire: Questionnaire) => OpenedQuestionnaire;
  /**
   * Merges a change into one answer and stamps it with the time: empty fields are dropped, text is
   * clipped to its limit, an answer the question does not offer or an impossible date is refused.
   */
  answer: (id: string, questionId: string, change: AnswerChange) => void;
  /** Records that a response file was created at `at`. */
  markResponded: (id: string, at: string) => void;
  remove: (id: string) => void;
  /**
   * Keeps these questionnaires from a backup, each in place of the one with its id, answers and
   * all: not merged with what this browser holds, as a restore replaces. All or none: refused
   * when one is not shaped like a stored questionnaire (the problem's path is its index).
   */
  restore: (entries: readonly StoredQuestionnaire[]) => Result<number>;
  /** Forgets every questionnaire, in this tab and in the database. */
  eraseAll: () => Promise<void>;
}

export interface QuestionnaireStoreDependencies {
  now: () => Date;
  /** The database, or undefined when the browser refuses one (then nothing is saved). */
  open: () => Promise<CellguardDatabase | undefined>;
  /** localStorage: where answers not yet written are kept when the page is left. */
  storage: () => Storage | undefined;
  /** How tabs tell each other what they saved (the same channel as the assessments'). */
  channel: () => TabChannel | undefined;
  /** Changes within this time are written together (default 300 ms). */
  saveDelayMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Merging two versions of one questionnaire's answers (two tabs, or a journal applied late).

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);
const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);

/** Per question, the answer given last wins; on a tie, `ours`. */
export function mergeStoredQuestionnaire(
  ours: StoredQuestionnaire,
  theirs: StoredQuestionnaire,
): StoredQuestionnaire {
  const answers: Record<string, ResponseAnswer> = { ...theirs.answers };
  for (const [id, answer] of Object.entries(ours.answers)) {
    const other = answers[id];
    if (!other || Date.parse(answer.answeredAt) >= Date.parse(other.answeredAt))
      answers[id] = answer;
  }
  const respondedAt =
    ours.respondedAt && theirs.respondedAt
      ? later(ours.respondedAt, theirs.respondedAt)
      : (ours.respondedAt ?? theirs.respondedAt);
  return {
    questionnaire: ours.questionnaire,
    answers,
    openedAt: earlier(ours.openedAt, theirs.openedAt),
    updatedAt: later(ours.updatedAt, theirs.updatedAt),
    ...(respondedAt ? { respondedAt } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// What is read back from storage: a light check, so that damaged data never breaks a page.

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isQuestionShaped = (value: unknown): boolean =>
  isObject(value) &&
  typeof value.id === 'string' &&
  typeof value.text === 'string' &&
  isObject(value.domain) &&
  Array.isArray(value.options) &&
  value.options.every((o) => isObject(o) && typeof o.id === 'string');

/** Shaped like what this store writes: enough to show and answer it. */
export function looksLikeStoredQuestionnaire(value: unknown): value is StoredQuestionnaire {
  if (!isObject(value) || !isObject(value.questionnaire) || !isObject(value.answers)) return false;
  const { questionnaire } = value;
  return (
    typeof questionnaire.questionnaireId === 'string' &&
    typeof questionnaire.round === 'number' &&
    isObject(questionnaire.assessment) &&
    isObject(questionnaire.from) &&
    isObject(questionnaire.to) &&
    Array.isArray(questionnaire.questions) &&
    questionnaire.questions.every(isQuestionShaped) &&
    Object.values(value.answers).every((a) => isObject(a) && typeof a.answeredAt === 'string') &&
    typeof value.openedAt === 'string' &&
    typeof value.updatedAt === 'string'
  );
}

// ---------------------------------------------------------------------------------------------
// The store.

export const questionnaireJournalPrefix = 'cellguard:questionnaires-unsaved:';

const quotaMessage =
  "This browser's storage is full, so your latest answers are kept in this tab but not saved yet. " +
  'Keep the tab open and create the response file, or free some space; Cellguard keeps trying to save.';
const failedMessage =
  'Your latest answers could not be saved in this browser; they are kept in this tab and Cellguard keeps trying.';
const noDatabaseMessage =
  'This browser does not let Cellguard store data, so your answers are lost when you close the tab. Create the response file before you do.';

export const retryDelayMs = 5_000;

function isQuotaError(error: unknown): boolean {
  return (
    (error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)) ||
    (error instanceof Error && error.name === 'QuotaExceededError')
  );
}

/** What one tab tells the others it saved. Unlike the assessments' messages, it has no `ids`. */
interface QuestionnairesMessage {
  questionnaires: { saved: string[]; removed: string[] };
}
const isQuestionnairesMessage = (value: unknown): value is QuestionnairesMessage =>
  isObject(value) &&
  isObject(value.questionnaires) &&
  Array.isArray(value.questionnaires.saved) &&
  Array.isArray(value.questionnaires.removed);
/** The assessments' store says so when everything on the device was erased. */
const isErasedMessage = (value: unknown): boolean => isObject(value) && value.erased === true;

interface Journal {
  entries: StoredQuestionnaire[];
  removed: string[];
  /** Entries restored from a backup: written as they are, not merged. Absent in older journals. */
  replaced?: string[];
}

const textFields = ['note', 'naReason', 'evidence', 'compensatingControl'] as const;

/** The change as the store accepts it for this question; fields it refuses are left out. */
function acceptedChange(question: QuestionnaireQuestion, change: AnswerChange): AnswerChange {
  const accepted: AnswerChange = {};
  if (change.choice !== undefined) {
    const offered =
      change.choice === '' ||
      change.choice === 'unknown' ||
      (change.choice === 'na' && question.kind === 'control') ||
      question.options.some((o) => o.id === change.choice);
    if (offered) accepted.choice = change.choice;
  }
  for (const field of textFields) {
    const value = change[field];
    if (value !== undefined) accepted[field] = clipText(value, field);
  }
  if (
    change.evidenceDate !== undefined &&
    (change.evidenceDate === '' || isRealDate(change.evidenceDate))
  )
    accepted.evidenceDate = change.evidenceDate;
  return accepted;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

export function createQuestionnairesStore({
  now,
  open,
  storage,
  channel: openChannel,
  saveDelayMs = 300,
}: QuestionnaireStoreDependencies) {
  const tabId = Math.random().toString(36).slice(2);
  const journalKey = `${questionnaireJournalPrefix}${tabId}`;
  let db: CellguardDatabase | undefined;
  /** Each questionnaire as this tab last read or wrote it: the very object shown then. */
  const base = new Map<string, StoredQuestionnaire>();
  const dirty = new Set<string>();
  const removals = new Set<string>();
  const inFlight = new Set<string>();
  const removing = new Set<string>();
  /** Restored from a backup: the next write replaces the database's record instead of merging. */
  const replacing = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let channel: TabChannel | undefined;
  let failed = false;

  const pending = () => dirty.size + removals.size + inFlight.size + removing.size > 0;

  const store = create<QuestionnairesState>()((set, get) => ({
    loaded: false,
    questionnaires: {},
    saveProblem: null,
    open: (questionnaire) => {
      const id = questionnaire.questionnaireId;
      const kept = get().questionnaires[id];
      if (kept) return { id, existing: true, answered: questionnaireProgress(kept).answered };
      const at = now().toISOString();
      set({
        questionnaires: {
          ...get().questionnaires,
          [id]: { questionnaire, answers: {}, openedAt: at, updatedAt: at },
        },
      });
      return { id, existing: false, answered: 0 };
    },
    answer: (id, questionId, change) => {
      const entry = get().questionnaires[id];
      const question = entry?.questionnaire.questions.find((q) => q.id === questionId);
      if (!entry || !question) return;
      const accepted = acceptedChange(question, change);
      if (Object.keys(accepted).length === 0) return;
      const before = entry.answers[questionId];
      const merged = Object.fromEntries(
        Object.entries({ ...before, ...accepted }).filter(
          ([field, value]) => field !== 'answeredAt' && value !== undefined && value !== '',
        ),
      );
      const { answeredAt: _at, ...unchanged } = before ?? {};
      if (before && sameJson(merged, unchanged)) return;
      const at = now().toISOString();
      set({
        questionnaires: {
          ...get().questionnaires,
          [id]: {
            ...entry,
            answers: { ...entry.answers, [questionId]: { ...merged, answeredAt: at } },
            updatedAt: at,
          },
        },
      });
    },
    markResponded: (id, at) => {
      const entry = get().questionnaires[id];
      if (entry)
        set({ questionnaires: { ...get().questionnaires, [id]: { ...entry, respondedAt: at } } });
    },
    remove: (id) => set({ questionnaires: without(get().questionnaires, id) }),
    restore: (entries) => {
      const refused = entries.findIndex((entry) => !looksLikeStoredQuestionnaire(entry));
      if (refused !== -1)
        return fail({
          path: String(refused),
          message: 'it is not a questionnaire with its answers as Cellguard keeps them',
        });
      const put: Record<string, StoredQuestionnaire> = {};
      for (const entry of entries) {
        const id = entry.questionnaire.questionnaireId;
        // A copy: a new object, so that it is written even where an equal one was shown.
        put[id] = {
          questionnaire: entry.questionnaire,
          answers: { ...entry.answers },
          openedAt: entry.openedAt,
          updatedAt: entry.updatedAt,
          ...(entry.respondedAt ? { respondedAt: entry.respondedAt } : {}),
        };
        replacing.add(id);
      }
      set({ questionnaires: { ...get().questionnaires, ...put } });
      return succeed(entries.length);
    },
    eraseAll: async () => {
      const ids = [...new Set([...base.keys(), ...Object.keys(get().questionnaires)])];
      forgetEverything();
      set({ questionnaires: {}, saveProblem: null });
      clearJournals();
      await running;
      try {
        await db?.removeQuestionnaires(ids);
      } catch {
        // Erasing everything also empties the database's store of questionnaires.
      }
      channel?.postMessage({
        questionnaires: { saved: [], removed: ids },
      } satisfies QuestionnairesMessage);
    },
  }));

  const setProblem = (saveProblem: string | null) => {
    if (store.getState().saveProblem !== saveProblem) store.setState({ saveProblem });
  };

  const schedule = () => {
    if (timer === undefined && db)
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, saveDelayMs);
  };

  const noticeChange = () => {
    if (!db) return;
    const { questionnaires } = store.getState();
    for (const [id, entry] of Object.entries(questionnaires)) {
      // Opened again before its removal was written: written afresh instead.
      removals.delete(id);
      if (base.get(id) !== entry) dirty.add(id);
    }
    for (const id of base.keys()) if (!Object.hasOwn(questionnaires, id)) removals.add(id);
    if (pending()) schedule();
  };

  /** Shows entries read from the database in place of the ones this tab shows. */
  const show = (put: Record<string, StoredQuestionnaire>, removed: readonly string[]) => {
    let questionnaires = { ...store.getState().questionnaires, ...put };
    for (const id of removed) questionnaires = without(questionnaires, id);
    store.setState({ questionnaires });
  };

  const saveOne = async (database: CellguardDatabase, id: string) => {
    const ours = store.getState().questionnaires[id];
    const known = base.get(id);
    if (!ours || known === ours) return;
    // Restored from a backup, or removed in this tab and opened again before the removal was
    // written: written as it is.
    const replaces = replacing.has(id);
    const reopened = replaces || (known !== undefined && known.openedAt !== ours.openedAt);
    let gone = false;
    const written = await database.writeQuestionnaire(id, (current) => {
      // Removed by another tab since this tab read it: the removal stands.
      if (!current && known && !reopened) {
        gone = true;
        return undefined;
      }
      const stored =
        !reopened && current && looksLikeStoredQuestionnaire(current.stored)
          ? mergeStoredQuestionnaire(ours, current.stored)
          : ours;
      return { id, stored };
    });
    if (gone || !written) {
      base.delete(id);
      show({}, [id]);
      return;
    }
    if (replaces) replacing.delete(id);
    const stored = written.stored as StoredQuestionnaire;
    if (sameJson(stored, ours)) {
      base.set(id, ours);
      return;
    }
    base.set(id, stored);
    // Restored from a backup since this write began: the backup's version is written next.
    if (replacing.has(id)) return;
    // Another tab answered too: both are kept, answer by answer.
    const shownNow = store.getState().questionnaires[id];
    show(
      { [id]: shownNow && shownNow !== ours ? mergeStoredQuestionnaire(shownNow, stored) : stored },
      [],
    );
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
        (key): key is string => key?.startsWith(questionnaireJournalPrefix) === true,
      );
      for (const key of keys) local.removeItem(key);
    } catch {
      // Nothing to clear where localStorage is refused.
    }
  };

  const writePending = async () => {
    const database = db;
    if (!database || !pending()) return;
    const ids = [...dirty];
    const gone = [...removals];
    dirty.clear();
    removals.clear();
    for (const id of ids) inFlight.add(id);
    for (const id of gone) removing.add(id);
    try {
      for (const id of ids) {
        await saveOne(database, id);
        inFlight.delete(id);
      }
      if (gone.length > 0) {
        await database.removeQuestionnaires(gone);
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
      channel?.postMessage({
        questionnaires: { saved: ids, removed: gone },
      } satisfies QuestionnairesMessage);
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
      setProblem(isQuotaError(error) ? quotaMessage : failedMessage);
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
    const { questionnaires } = store.getState();
    const journal: Journal = {
      entries: [...new Set([...dirty, ...inFlight])].flatMap((id) => {
        const entry = questionnaires[id];
        return entry ? [entry] : [];
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
  const applyJournals = async (database: CellguardDatabase) => {
    const local = storage();
    if (!local) return;
    const journals = readJournals<Journal>(
      local,
      questionnaireJournalPrefix,
      (journal) => Array.isArray(journal.entries) && Array.isArray(journal.removed),
    );
    for (const { key, journal } of journals) {
      const replaced = new Set(Array.isArray(journal.replaced) ? journal.replaced : []);
      for (const entry of journal.entries) {
        if (!looksLikeStoredQuestionnaire(entry)) continue;
        const id = entry.questionnaire.questionnaireId;
        await database.writeQuestionnaire(id, (current) => ({
          id,
          stored:
            !replaced.has(id) && current && looksLikeStoredQuestionnaire(current.stored)
              ? mergeStoredQuestionnaire(entry, current.stored)
              : entry,
        }));
      }
      const removed = journal.removed.filter((id): id is string => typeof id === 'string');
      if (removed.length > 0) await database.removeQuestionnaires(removed);
      local.removeItem(key);
    }
  };

  const receive = async (message: unknown) => {
    const database = db;
    if (!database) return;
    if (isErasedMessage(message)) {
      forgetEverything();
      store.setState({ questionnaires: {}, saveProblem: null });
      return;
    }
    if (!isQuestionnairesMessage(message)) return;
    const { saved, removed } = message.questionnaires;
    const put: Record<string, StoredQuestionnaire> = {};
    if (saved.length > 0) {
      const records = await database.readQuestionnaires();
      for (const record of records) {
        const id = record.id;
        if (!saved.includes(id) || !looksLikeStoredQuestionnaire(record.stored)) continue;
        // This tab's own write merges theirs.
        if (dirty.has(id) || inFlight.has(id)) continue;
        const shown = store.getState().questionnaires[id];
        if (shown && base.get(id) !== shown) continue;
        base.set(id, record.stored);
        put[id] = record.stored;
      }
    }
    const gone = removed.filter(
      (id) => typeof id === 'string' && !dirty.has(id) && !inFlight.has(id) && base.delete(id),
    );
    if (Object.keys(put).length > 0 || gone.length > 0) show(put, gone);
  };

  const load = async () => {
    let database: CellguardDatabase | undefined;
    try {
      database = await open();
    } catch {
      database = undefined;
    }
    if (!database) {
      setProblem(noDatabaseMessage);
      return;
    }
    await applyJournals(database).catch(() => undefined);
    const records = await database.readQuestionnaires();
    const readable: Record<string, StoredQuestionnaire> = {};
    for (const record of records) {
      // Anything else is left untouched in the database, and not shown.
      if (
        looksLikeStoredQuestionnaire(record.stored) &&
        record.stored.questionnaire.questionnaireId === record.id
      )
        readable[record.id] = record.stored;
    }
    for (const [id, entry] of Object.entries(readable)) base.set(id, entry);
    db = database;
    // A questionnaire opened before the database answered: merged with what it holds (one
    // restored from a backup replaces it).
    const opened = store.getState().questionnaires;
    const shown = { ...readable };
    for (const [id, entry] of Object.entries(opened))
      shown[id] =
        readable[id] && !replacing.has(id) ? mergeStoredQuestionnaire(entry, readable[id]) : entry;
    store.setState({ loaded: true, questionnaires: shown });
    channel = openChannel();
    channel?.addEventListener('message', (event) => void receive(event.data));
    noticeChange();
  };

  store.subscribe(() => noticeChange());
  const ready = load()
    .catch(() =>
      setProblem(
        'Cellguard could not read the questionnaires this browser keeps; your answers are not saved until the page is reloaded.',
      ),
    )
    .finally(() => {
      if (!store.getState().loaded) store.setState({ loaded: true });
    });

  return Object.assign(store, {
    /** Resolves once what this browser keeps is shown. */
    ready,
    persistence: {
      flush,
      keepBeforeLeaving,
      /** True while a change is not yet durable and could not be kept for the next start either. */
      unsavedOnLeaving: () => pending() && (failed || !keepBeforeLeaving()),
      /**
       * Every questionnaire record the database holds, as it holds it (those too damaged to show
       * included), for the user to download when a page fails; what this tab shows without one.
       */
      everything: async (): Promise<unknown[]> =>
        db
          ? (await db.readQuestionnaires()).map((record) => record.stored)
          : Object.values(store.getState().questionnaires),
    },
  });
}

export type QuestionnairesStore = ReturnType<typeof createQuestionnairesStore>;

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The questionnaires this browser's user was sent to answer, kept in this browser's IndexedDB. */
export const useQuestionnaires = createQuestionnairesStore({
  now: () => new Date(),
  open: async () => {
    const factory = browserIndexedDb();
    return factory ? openDatabase(factory) : undefined;
  },
  storage: browserStorage,
  channel: () =>
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('cellguard'),
});

if (typeof window !== 'undefined') {
  const { persistence } = useQuestionnaires;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') persistence.keepBeforeLeaving();
  });
  window.addEventListener('pagehide', () => persistence.keepBeforeLeaving());
  window.addEventListener('beforeunload', (event) => {
    if (persistence.unsavedOnLeaving()) event.preventDefault();
  });
}
