import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { currentFormatVersion, type Answer, type Assessment } from '../core/assessment/model.ts';
import { defaultStaleEvidenceDays } from '../core/cycles/cycles.ts';
import type { AssessmentSummary } from '../core/scoring/summary.ts';
import { recoveryPrefix, syncedStorage } from './persistentStorage.ts';
import { useSaveStatus } from './saveStatus.ts';

/** Where the user was in an assessment, so that reopening it resumes there. */
export type Position =
  { view: 'step'; domainId: string } | { view: 'review' } | { view: 'results' };

export interface StoredAssessment {
  id: string;
  assessment: Assessment;
  position: Position;
  /**
   * Progress and risk as last computed by the assessment view. Cached so that the list of
   * assessments can show them without loading the question set and the scoring code.
   */
  summary?: AssessmentSummary;
  /** Messages for the user about changes Cellguard made, such as a migration, until dismissed. */
  notice?: string[];
}

export interface Settings {
  /** Evidence older than this many days is flagged for re-checking. */
  staleEvidenceDays: number;
}

export interface AssessmentsState {
  assessments: Record<string, StoredAssessment>;
  settings: Settings;
  /** Keeps a new assessment and returns its local id. */
  add: (assessment: Assessment, position: Position) => string;
  /** Puts another version of an assessment (an imported file) in place of the stored one. */
  replace: (id: string, assessment: Assessment) => void;
  duplicate: (id: string) => string | undefined;
  remove: (id: string) => void;
  /**
   * Merges a change into one answer; empty fields are dropped, an empty answer disappears. Any
   * change confirms a carried-over answer.
   */
  updateAnswer: (id: string, questionId: string, change: Partial<Answer>) => void;
  /** The same change to several answers at once, as when a plan action's owner is set. */
  updateAnswers: (id: string, questionIds: readonly string[], change: Partial<Answer>) => void;
  /** Confirms carried-over answers as they are. */
  confirmAnswers: (id: string, questionIds: readonly string[]) => void;
  setPosition: (id: string, position: Position) => void;
  setSummary: (id: string, summary: AssessmentSummary) => void;
  setStaleEvidenceDays: (days: number) => void;
  /** Replaces the assessment by its migrated form and keeps the list of changes for the user. */
  upgrade: (id: string, assessment: Assessment, notice: string[]) => void;
  dismissNotice: (id: string) => void;
  /** Removes every assessment, setting and kept copy of Cellguard from this browser. */
  eraseAll: () => void;
}

export const storageKey = 'cellguard:assessments';

export interface StoreDependencies {
  now: () => Date;
  storage: () => Storage | undefined;
}

function randomId(): string {
  // crypto.randomUUID needs a secure context; operators may serve the app over plain http internally.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function mergeAnswer(answer: Answer | undefined, change: Partial<Answer>): Answer | undefined {
  const kept = Object.entries({ ...answer, ...change }).filter(
    ([, value]) => value !== undefined && value !== '',
  );
  return kept.length === 0 ? undefined : (Object.fromEntries(kept) as Answer);
}

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

interface PersistedState {
  assessments: Record<string, StoredAssessment>;
  settings?: Settings;
}

/**
 * Upgrades what an earlier version of the app saved: versions 1 and 2 held assessments of file
 * formats 1 and 2, which format 3 only extends with optional fields.
 */
export function migratePersisted(persisted: unknown, version: number): PersistedState {
  const state = (persisted ?? { assessments: {} }) as PersistedState;
  if (version >= 3) return state;
  const assessments = Object.fromEntries(
    Object.entries(state.assessments ?? {}).map(([id, stored]) => [
      id,
      { ...stored, assessment: { ...stored.assessment, formatVersion: currentFormatVersion } },
    ]),
  );
  return { ...state, assessments };
}

export function createAssessmentsStore({ now, storage }: StoreDependencies) {
  const status = () => useSaveStatus.getState();
  let hydratedOnce = false;
  const persistence = syncedStorage(storage, {
    saved: () => status().markSaved(),
    failed: (message) => status().markFailed(message),
    recovered: (copyKey, message) => status().markRecovered(copyKey, message),
    // Another tab's changes were merged into storage: show them in this tab at once, so that this
    // tab's next change starts from the merged state.
    mergedFromOtherTab: (merged) => {
      const { state } = JSON.parse(merged) as { state: Partial<AssessmentsState> };
      store.setState(state);
      status().markExternalChange();
    },
  });
  const store = create<AssessmentsState>()(
    persist(
      (set, get) => {
        const edit = (id: string, change: (stored: StoredAssessment) => StoredAssessment) => {
          const stored = get().assessments[id];
          if (!stored) return;
          set({ assessments: { ...get().assessments, [id]: change(stored) } });
        };
        const editAnswers = (
          id: string,
          questionIds: readonly string[],
          change: (answer: Answer | undefined) => Partial<Answer>,
        ) =>
          edit(id, (stored) => {
            let answers = { ...stored.assessment.answers };
            for (const questionId of questionIds) {
              const merged = mergeAnswer(answers[questionId], change(answers[questionId]));
              answers = merged
                ? { ...answers, [questionId]: merged }
                : without(answers, questionId);
            }
            return {
              ...stored,
              assessment: { ...stored.assessment, answers, updatedAt: now().toISOString() },
            };
          });
        const touch = (change: Partial<Answer>) => () => ({ ...change, carriedOver: undefined });

        return {
          assessments: {},
          settings: { staleEvidenceDays: defaultStaleEvidenceDays },
          add: (assessment, position) => {
            const id = randomId();
            set({ assessments: { ...get().assessments, [id]: { id, assessment, position } } });
            return id;
          },
          replace: (id, assessment) =>
            edit(id, (stored) => ({ id, assessment, position: stored.position })),
          duplicate: (id) => {
            const original = get().assessments[id];
            if (!original) return undefined;
            const copyId = randomId();
            const stamp = now().toISOString();
            const assessment: Assessment = {
              ...structuredClone(original.assessment),
              scope: `${original.assessment.scope} (copy)`.trim(),
              createdAt: stamp,
              updatedAt: stamp,
            };
            set({
              assessments: {
                ...get().assessments,
                [copyId]: { ...original, id: copyId, assessment },
              },
            });
            return copyId;
          },
          remove: (id) => set({ assessments: without(get().assessments, id) }),
          updateAnswer: (id, questionId, change) => editAnswers(id, [questionId], touch(change)),
          updateAnswers: (id, questionIds, change) => editAnswers(id, questionIds, touch(change)),
          confirmAnswers: (id, questionIds) =>
            editAnswers(id, questionIds, () => ({ carriedOver: undefined })),
          setPosition: (id, position) => edit(id, (stored) => ({ ...stored, position })),
          setSummary: (id, summary) => {
            const current = get().assessments[id]?.summary;
            // Typing a note does not change the summary; skip the write rather than store it again.
            if (current && JSON.stringify(current) === JSON.stringify(summary)) return;
            edit(id, (stored) => ({ ...stored, summary }));
          },
          upgrade: (id, assessment, notice) =>
            edit(id, (stored) => ({ ...stored, assessment, notice })),
          dismissNotice: (id) => edit(id, ({ notice: _notice, ...stored }) => stored),
          eraseAll: () => {
            set({ assessments: {}, settings: { staleEvidenceDays: defaultStaleEvidenceDays } });
            const backing = storage();
            if (!backing) return;
            const keys = Array.from({ length: backing.length }, (_, i) => backing.key(i)).filter(
              (key): key is string =>
                key !== null && (key === storageKey || key.startsWith(recoveryPrefix)),
            );
            for (const key of keys) backing.removeItem(key);
            status().dismissRecovery();
          },
          setStaleEvidenceDays: (days) =>
            set({ settings: { ...get().settings, staleEvidenceDays: days } }),
        };
      },
      {
        name: storageKey,
        version: 3,
        migrate: migratePersisted,
        storage: createJSONStorage(() => persistence),
        partialize: (state) => ({ assessments: state.assessments, settings: state.settings }),
        onRehydrateStorage: () => () => {
          // The first load is the app starting; every later one brings another tab's changes.
          if (hydratedOnce) status().markExternalChange();
          hydratedOnce = true;
        },
      },
    ),
  );
  return store;
}

export type AssessmentsStore = ReturnType<typeof createAssessmentsStore>;
