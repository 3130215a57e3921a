import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Answer, Assessment } from '../core/assessment/model.ts';
import type { AssessmentSummary } from '../core/scoring/summary.ts';
import { reportingStorage } from './persistentStorage.ts';

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
}

export interface AssessmentsState {
  assessments: Record<string, StoredAssessment>;
  /** Keeps a new assessment and returns its local id. */
  add: (assessment: Assessment, position: Position) => string;
  duplicate: (id: string) => string | undefined;
  remove: (id: string) => void;
  /** Merges a change into one answer; empty fields are dropped, an empty answer disappears. */
  updateAnswer: (id: string, questionId: string, change: Partial<Answer>) => void;
  /** The same change to several answers at once, as when a plan action's owner is set. */
  updateAnswers: (id: string, questionIds: readonly string[], change: Partial<Answer>) => void;
  setPosition: (id: string, position: Position) => void;
  setSummary: (id: string, summary: AssessmentSummary) => void;
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

export function createAssessmentsStore({ now, storage }: StoreDependencies) {
  return create<AssessmentsState>()(
    persist(
      (set, get) => {
        const edit = (id: string, change: (stored: StoredAssessment) => StoredAssessment) => {
          const stored = get().assessments[id];
          if (!stored) return;
          set({ assessments: { ...get().assessments, [id]: change(stored) } });
        };
        const changeAnswers = (
          id: string,
          questionIds: readonly string[],
          change: Partial<Answer>,
        ) =>
          edit(id, (stored) => {
            let answers = { ...stored.assessment.answers };
            for (const questionId of questionIds) {
              const merged = mergeAnswer(answers[questionId], change);
              answers = merged
                ? { ...answers, [questionId]: merged }
                : without(answers, questionId);
            }
            return {
              ...stored,
              assessment: { ...stored.assessment, answers, updatedAt: now().toISOString() },
            };
          });

        return {
          assessments: {},
          add: (assessment, position) => {
            const id = randomId();
            set({ assessments: { ...get().assessments, [id]: { id, assessment, position } } });
            return id;
          },
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
          updateAnswer: (id, questionId, change) => changeAnswers(id, [questionId], change),
          updateAnswers: changeAnswers,
          setPosition: (id, position) => edit(id, (stored) => ({ ...stored, position })),
          setSummary: (id, summary) => {
            const current = get().assessments[id]?.summary;
            // Typing a note does not change the summary; skip the write rather than store it again.
            if (current && JSON.stringify(current) === JSON.stringify(summary)) return;
            edit(id, (stored) => ({ ...stored, summary }));
          },
        };
      },
      {
        name: storageKey,
        version: 1,
        storage: createJSONStorage(() => reportingStorage(storage)),
        partialize: (state) => ({ assessments: state.assessments }),
      },
    ),
  );
}

export type AssessmentsStore = ReturnType<typeof createAssessmentsStore>;
