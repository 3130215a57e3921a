import { create } from 'zustand';
import { clipText, isRealDate } from '../core/assessment/limits.ts';
import type { Questionnaire, QuestionnaireQuestion } from '../core/delegation/questionnaire.ts';
import type { ResponseAnswer } from '../core/delegation/schema.ts';
import { questionnaireProgress } from '../core/delegation/respondent.ts';
import { fail, succeed, type Result } from '../core/result.ts';
import {
  browserDependencies,
  earlier,
  isObject,
  keepWhenLeaving,
  keyedRecordPersistence,
  later,
  sameJson,
  without,
  type Check,
  type PersistenceDependencies,
  type ShownState,
} from './keyedRecordPersistence.ts';

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

/** What the store is given to keep the questionnaires: the browser's, or a test's. */
export type QuestionnaireStoreDependencies = PersistenceDependencies;

// ---------------------------------------------------------------------------------------------
// Merging two versions of one questionnaire's answers (two tabs, or a journal applied late).

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
export { retryDelayMs } from './keyedRecordPersistence.ts';

const messages = {
  quota:
    "This browser's storage is full, so your latest answers are kept in this tab but not saved yet. " +
    'Keep the tab open and create the response file, or free some space; Cellguard keeps trying to save.',
  failed:
    'Your latest answers could not be saved in this browser; they are kept in this tab and Cellguard keeps trying.',
  noDatabase:
    'This browser does not let Cellguard store data, so your answers are lost when you close the tab. Create the response file before you do.',
  unread:
    'Cellguard could not read the questionnaires this browser keeps; your answers are not saved until the page is reloaded.',
};

const checkStored: Check<StoredQuestionnaire> = (value) =>
  looksLikeStoredQuestionnaire(value) ? value : undefined;

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

export function createQuestionnairesStore(dependencies: QuestionnaireStoreDependencies) {
  const { now } = dependencies;
  const persisted = keyedRecordPersistence<StoredQuestionnaire>({
    dependencies,
    shown: {
      get: (): ShownState<StoredQuestionnaire> => ({
        ...store.getState(),
        records: store.getState().questionnaires,
      }),
      set: ({ records, ...change }) =>
        store.setState(records ? { ...change, questionnaires: records } : change),
    },
    table: {
      read: (database) => database.readQuestionnaires(),
      write: (database, id, decide) => database.writeQuestionnaire(id, decide),
      remove: (database, ids) => database.removeQuestionnaires(ids),
    },
    idOf: (entry) => entry.questionnaire.questionnaireId,
    check: () => Promise.resolve(checkStored),
    // Answer by answer, the last given wins: no base is needed.
    merge: (_base, ours, theirs) => mergeStoredQuestionnaire(ours, theirs),
    // Removed in this tab and opened again before the removal was written.
    madeAgain: (known, ours) => known.openedAt !== ours.openedAt,
    channelKey: 'questionnaires',
    journal: {
      prefix: questionnaireJournalPrefix,
      toEntry: (entry) => entry,
      fromEntry: (entry) => ({ record: entry }),
    },
    messages,
  });

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
      persisted.replace(
        // Copies: new objects, so that each is written even where an equal one was shown.
        entries.map((entry) => ({
          questionnaire: entry.questionnaire,
          answers: { ...entry.answers },
          openedAt: entry.openedAt,
          updatedAt: entry.updatedAt,
          ...(entry.respondedAt ? { respondedAt: entry.respondedAt } : {}),
        })),
      );
      return succeed(entries.length);
    },
    eraseAll: persisted.eraseAll,
  }));

  store.subscribe(persisted.noticeChange);

  return Object.assign(store, {
    /** Resolves once what this browser keeps is shown. */
    ready: persisted.load(),
    persistence: persisted.persistence,
  });
}

export type QuestionnairesStore = ReturnType<typeof createQuestionnairesStore>;

/** The questionnaires this browser's user was sent to answer, kept in this browser's IndexedDB. */
export const useQuestionnaires = createQuestionnairesStore(browserDependencies);

keepWhenLeaving(useQuestionnaires.persistence);
