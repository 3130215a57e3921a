import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { clipText } from '../core/assessment/limits.ts';
import { currentFormatVersion, type Answer, type Assessment } from '../core/assessment/model.ts';
import { defaultStaleEvidenceDays } from '../core/cycles/cycles.ts';
import { fail, succeed, type Result } from '../core/result.ts';
import type { AssessmentSummary } from '../core/scoring/summary.ts';
import { recoveryPrefix, syncedStorage } from './persistentStorage.ts';
import type { AssessmentRules } from '../core/assessment/rules.ts';
import { acceptedChange } from './acceptedChange.ts';
import { useSaveStatus } from './saveStatus.ts';

/** Where the user was in an assessment, so that reopening it resumes there. */
export type Position =
  { view: 'step'; domainId: string } | { view: 'review' } | { view: 'results' };

export interface StoredAssessment {
  id: string;
  assessment: Assessment;
  position: Position;
  /**
   * Progress and risk, kept up to date by the store on every change. Cached so that the list of
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

/**
 * The store keeps these invariants itself, whatever page calls it: every stored assessment meets
 * the file contract (so it exports to a file that imports again), answers the current version of
 * the question set (older ones are migrated, with a notice), and carries a summary computed from
 * its answers. Until the rules arrive (they load with the first page that needs them) only the
 * list of assessments, which needs none of this, can be shown.
 */
export interface AssessmentsState {
  assessments: Record<string, StoredAssessment>;
  settings: Settings;
  /**
   * Hands the store the question set and the scoring code, then brings every stored assessment
   * up to them: migrated, summarised, and set aside (a copy kept, the user told) when unreadable.
   */
  attach: (rules: AssessmentRules) => void;
  /** Keeps a new assessment and returns its local id, or the problems that stop it being kept. */
  add: (assessment: Assessment, position: Position) => Result<string>;
  /** Puts another version of an assessment (an imported file) in place of the stored one. */
  replace: (id: string, assessment: Assessment) => Result<string>;
  duplicate: (id: string) => string | undefined;
  remove: (id: string) => void;
  /**
   * Merges a change into one answer; empty fields are dropped, an empty answer disappears. Any
   * change confirms a carried-over answer. Text beyond its limit is clipped; an impossible date or
   * choice, or a question the set does not have, is refused.
   */
  updateAnswer: (id: string, questionId: string, change: Partial<Answer>) => void;
  /** The same change to several answers at once, as when a plan action's owner is set. */
  updateAnswers: (id: string, questionIds: readonly string[], change: Partial<Answer>) => void;
  /** Confirms carried-over answers as they are. */
  confirmAnswers: (id: string, questionIds: readonly string[]) => void;
  setPosition: (id: string, position: Position) => void;
  setStaleEvidenceDays: (days: number) => void;
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
  // Kept outside the state: attaching them changes nothing to save, so it must write nothing.
  let rules: AssessmentRules | null = null;
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
      if (rules) bringUpToRules();
      status().markExternalChange();
    },
  });

  /**
   * An assessment as the store keeps it: read as its file would be (contract, question set,
   * migration), with its summary. The problems when it cannot be kept.
   */
  const admit = (
    rules: AssessmentRules,
    assessment: Assessment,
  ): Result<{ assessment: Assessment; summary: AssessmentSummary; changes: string[] }> => {
    const read = rules.read(assessment);
    if (!read.ok) return read;
    const admitted = read.value.assessment;
    return succeed({
      assessment: admitted,
      summary: rules.summarize(admitted.answers),
      changes: read.value.migrated,
    });
  };

  const requireRules = (): AssessmentRules => {
    // Every page that edits assessments loads the rules first (src/app/lazyPages.ts).
    if (!rules) throw new Error('the question set is not attached to the store yet');
    return rules;
  };

  /** Migrates and summarises every stored assessment; sets aside, with a copy, those it cannot read. */
  const bringUpToRules = () => {
    const current = requireRules();
    const kept: Record<string, StoredAssessment> = {};
    const unreadable: Record<string, StoredAssessment> = {};
    for (const [id, stored] of Object.entries(store.getState().assessments)) {
      const admitted = admit(current, stored.assessment);
      if (!admitted.ok) {
        unreadable[id] = stored;
        continue;
      }
      const { assessment, summary, changes } = admitted.value;
      const notice = [...(stored.notice ?? []), ...changes];
      kept[id] = { ...stored, assessment, summary, ...(notice.length > 0 ? { notice } : {}) };
    }
    // Saved again only when something changed, so that opening the app writes nothing.
    if (JSON.stringify(kept) === JSON.stringify(store.getState().assessments)) return;
    const dropped = Object.keys(unreadable).length;
    if (dropped > 0) {
      const copied = persistence.setAside(
        storageKey,
        JSON.stringify({ state: { assessments: unreadable } }),
        `${dropped} saved assessment${dropped === 1 ? ' breaks' : 's break'} the rules of a Cellguard file (a damaged or hand-edited entry, or one saved by a newer Cellguard) and ${dropped === 1 ? 'is' : 'are'} left out.`,
      );
      // Without a copy the entries stay in storage untouched: nothing is saved over them.
      if (!copied) return store.setState({ assessments: kept });
    }
    store.setState({ assessments: kept });
  };

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
        ) => {
          const current = requireRules();
          edit(id, (stored) => {
            let answers = { ...stored.assessment.answers };
            for (const questionId of questionIds) {
              const accepted = acceptedChange(current.set, questionId, change(answers[questionId]));
              if (Object.keys(accepted).length === 0) continue;
              const merged = mergeAnswer(answers[questionId], accepted);
              answers = merged
                ? { ...answers, [questionId]: merged }
                : without(answers, questionId);
            }
            return {
              ...stored,
              assessment: { ...stored.assessment, answers, updatedAt: now().toISOString() },
              summary: current.summarize(answers),
            };
          });
        };
        const touch = (change: Partial<Answer>) => () => ({ ...change, carriedOver: undefined });

        return {
          assessments: {},
          settings: { staleEvidenceDays: defaultStaleEvidenceDays },
          attach: (attached) => {
            if (rules === attached) return;
            rules = attached;
            bringUpToRules();
          },
          add: (assessment, position) => {
            const admitted = admit(requireRules(), assessment);
            if (!admitted.ok) return admitted;
            const id = randomId();
            const { assessment: kept, summary, changes } = admitted.value;
            set({
              assessments: {
                ...get().assessments,
                [id]: {
                  id,
                  assessment: kept,
                  position,
                  summary,
                  ...(changes.length > 0 ? { notice: changes } : {}),
                },
              },
            });
            return succeed(id);
          },
          replace: (id, assessment) => {
            const stored = get().assessments[id];
            if (!stored) return fail({ path: '', message: 'There is no such assessment here.' });
            const admitted = admit(requireRules(), assessment);
            if (!admitted.ok) return admitted;
            const { assessment: kept, summary, changes } = admitted.value;
            edit(id, () => ({
              id,
              assessment: kept,
              position: stored.position,
              summary,
              ...(changes.length > 0 ? { notice: changes } : {}),
            }));
            return succeed(id);
          },
          duplicate: (id) => {
            const original = get().assessments[id];
            if (!original) return undefined;
            const copyId = randomId();
            const stamp = now().toISOString();
            const assessment: Assessment = {
              ...structuredClone(original.assessment),
              scope: clipText(`${original.assessment.scope} (copy)`.trim(), 'scope'),
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
          if (hydratedOnce) {
            if (rules) bringUpToRules();
            status().markExternalChange();
          }
          hydratedOnce = true;
        },
      },
    ),
  );
  return store;
}

export type AssessmentsStore = ReturnType<typeof createAssessmentsStore>;
