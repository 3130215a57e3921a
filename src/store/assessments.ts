import { randomHexId } from '../core/randomId.ts';
import { create } from 'zustand';
import type { Answer, Assessment } from '../core/assessment/model.ts';
import type { AssessmentRules } from '../core/assessment/rules.ts';
import { defaultStaleEvidenceDays, markedCarried } from '../core/cycles/cycles.ts';
import {
  alreadyExists,
  cadenceConflict,
  detailsProblems,
  sameAssessment,
  withDetails,
  type AssessmentDetails,
} from '../core/assessment/details.ts';
import { fail, succeed, type Problem, type Result } from '../core/result.ts';
import type { AssessmentSummary } from '../core/scoring/summary.ts';
import {
  historyAfterChoice,
  historyWith,
  leadOf,
  withHistory,
  type Actor,
} from '../core/delegation/attribution.ts';
import {
  withAssigneeChanged,
  withNewAssignee,
  withoutAssignee,
  withRoundSent,
  type AssigneeDraft,
} from '../core/delegation/assignments.ts';
import {
  applyMerge,
  noRecipient,
  receiveResponse,
  recipientOf,
  type MergeDecision,
  type Received,
} from '../core/delegation/merge.ts';
import type { Questionnaire } from '../core/delegation/questionnaire.ts';
import type { ResponseFile } from '../core/delegation/response.ts';
import { prepareQuestionnaire } from '../core/delegation/send.ts';
import type { Round } from '../core/delegation/schema.ts';
import { acceptedChange } from './acceptedChange.ts';
import type { CellguardDatabase } from './database.ts';
import { legacyKey, legacyRecoveryPrefix } from './legacyMove.ts';
import type { Position, Settings, StoredAssessment } from './model.ts';
import {
  describeUnreadable,
  journalPrefix,
  recordSync,
  type LoadedChange,
  type TabChannel,
} from './recordSync.ts';
import { useSaveStatus } from './saveStatus.ts';

export type { Position, Settings, StoredAssessment } from './model.ts';

/**
 * The store keeps these invariants itself, whatever page calls it: every stored assessment meets
 * the file contract (so it exports to a file that imports again), answers the current version of
 * the question set (older ones are migrated, with a notice), and carries a summary computed from
 * its answers. Until the rules arrive (they load with the first page that needs them) only the
 * list of assessments, which needs none of this, can be shown.
 */
export interface AssessmentsState {
  /** False until what this browser keeps has been read; no page shows assessments before. */
  loaded: boolean;
  assessments: Record<string, StoredAssessment>;
  settings: Settings;
  /**
   * Hands the store the question set and the scoring code, then brings every stored assessment
   * up to them: migrated, summarised, and set aside (a copy kept, the user told) when unreadable.
   */
  attach: (rules: AssessmentRules) => void;
  /**
   * Keeps a new assessment and returns its local id, or the problems that stop it being kept: one
   * of them when the device already has this organisation, scope, set and cycle (code 'exists',
   * `existingId` naming it), so that a double click or a second "Next cycle" makes no twin.
   */
  add: (assessment: Assessment, position: Position) => Result<string, StoreProblem>;
  /** Puts another version of an assessment (an imported file) in place of the stored one. */
  replace: (id: string, assessment: Assessment) => Result<string>;
  /** Corrects an assessment's organisation, scope, cycle and assessor, under the same rule. */
  updateDetails: (id: string, details: AssessmentDetails) => Result<string, StoreProblem>;
  /**
   * A copy with every answer under details the user chose, which must name another assessment.
   * Its answers are marked carried over from the original's cycle until confirmed: they were
   * given for another cycle or scope, and must not read as this one's.
   */
  duplicate: (id: string, details: AssessmentDetails) => Result<string, StoreProblem>;
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
  /**
   * Puts answers taken from another set's assessment in place (each marked carried over and
   * `takenFrom` its source); an answer whose choice the question does not offer is not taken.
   */
  takeAnswers: (id: string, answers: Readonly<Record<string, Answer>>) => void;
  /**
   * Adds a person to send questions to; returns their id. The assessment gets its delegation key
   * with its first assignee.
   */
  assign: (id: string, draft: AssigneeDraft) => Result<string>;
  changeAssignee: (id: string, assigneeId: string, draft: AssigneeDraft) => Result<string>;
  /** Removes a person; answers merged from them stay, with their history. */
  removeAssignee: (id: string, assigneeId: string) => void;
  /**
   * The next questionnaire for a person, under a new id, without recording it: the page writes the
   * file first (perhaps encrypted), then calls recordSent with `round`.
   */
  prepareQuestionnaire: (
    id: string,
    assigneeId: string,
  ) => Result<{ questionnaire: Omit<Questionnaire, 'integrity'>; round: Omit<Round, 'responses'> }>;
  /** Records a questionnaire as sent, once its file is written (see prepareQuestionnaire). */
  recordSent: (id: string, assigneeId: string, round: Omit<Round, 'responses'>) => void;
  /**
   * Keeps a response for merging in the assessment it names (by its key), after every check; the
   * same file again changes nothing.
   */
  receiveResponse: (response: ResponseFile, digest: string) => Result<Received & { id: string }>;
  /** Merges a person's waiting response, each conflict settled as decided. */
  mergeResponse: (
    id: string,
    assigneeId: string,
    decisions: Readonly<Record<string, MergeDecision>>,
  ) => Result<string>;
  setPosition: (id: string, position: Position) => void;
  setStaleEvidenceDays: (days: number) => void;
  dismissNotice: (id: string) => void;
  /** Removes every assessment, setting and kept copy of Cellguard from this browser. */
  eraseAll: () => Promise<void>;
}

/** A problem keeping an assessment; `existingId` when it is already on this device. */
export interface StoreProblem extends Problem {
  existingId?: string;
}

export interface StoreDependencies {
  now: () => Date;
  /** The database, or undefined when the browser refuses one (then nothing is saved). */
  open: () => Promise<CellguardDatabase | undefined>;
  /** localStorage: what an earlier Cellguard kept there moves to the database once. */
  legacy: () => Storage | undefined;
  /** How tabs tell each other what they saved. */
  channel: () => TabChannel | undefined;
  /** Changes within this time are written together (default 250 ms). */
  saveDelayMs?: number;
}

/**
 * The changed answer with its history: who changed the choice, or confirmed an answer that was
 * unconfirmed; and when its evidence text was entered, when that changed.
 */
function recorded(
  before: Answer | undefined,
  after: Answer,
  actor: Actor,
  at: Date,
  confirms = false,
): Answer {
  const history = before?.history ?? [];
  const confirmed = confirms && (before?.carriedOver ?? false) && before?.choice === after.choice;
  const next = withHistory(
    after,
    confirmed
      ? historyWith(history, 'confirmed', actor, at)
      : historyAfterChoice(history, before?.choice, after.choice, actor, at),
  );
  return after.evidence && after.evidence !== before?.evidence
    ? { ...next, evidenceEnteredAt: at.toISOString() }
    : next;
}

/** Fields the store records beside what the user gives. */
const recordFields = new Set<string>(['history', 'evidenceEnteredAt']);
const hasGivenField = (answer: Answer) =>
  Object.keys(answer).some((field) => !recordFields.has(field));

function withoutDelegation({ delegation: _delegation, ...assessment }: Assessment): Assessment {
  return assessment;
}

function mergeAnswer(answer: Answer | undefined, change: Partial<Answer>): Answer | undefined {
  const kept = Object.entries({ ...answer, ...change }).filter(
    ([, value]) => value !== undefined && value !== '',
  );
  return kept.length === 0 ? undefined : (Object.fromEntries(kept) as Answer);
}

const without = <T>(
  record: Readonly<Record<string, T>>,
  keys: readonly string[],
): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));

const defaultSettings = (): Settings => ({ staleEvidenceDays: defaultStaleEvidenceDays });

export function createAssessmentsStore({
  now,
  open,
  legacy,
  channel,
  saveDelayMs = 250,
}: StoreDependencies) {
  // Kept outside the state: attaching them changes nothing to save, so it must write nothing.
  let rules: AssessmentRules | null = null;
  const status = () => useSaveStatus.getState();

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
      summary: rules.summarize(admitted),
      changes: read.value.migrated,
    });
  };

  const requireRules = (): AssessmentRules => {
    // Every page that edits assessments loads the rules first (src/app/lazyPages.ts).
    if (!rules) throw new Error('the question set is not attached to the store yet');
    return rules;
  };

  /**
   * Migrates and summarises the given stored assessments; sets aside, with a copy, those it cannot
   * read. An assessment that needs no change keeps its identity, so that nothing is written for it.
   */
  const bringUpToRules = (
    current: AssessmentRules,
    assessments: Readonly<Record<string, StoredAssessment>>,
    ids: readonly string[],
  ): Record<string, StoredAssessment> => {
    const kept = { ...assessments };
    const unreadable: StoredAssessment[] = [];
    for (const id of ids) {
      const stored = assessments[id];
      if (!stored) continue;
      const admitted = admit(current, stored.assessment);
      if (!admitted.ok) {
        unreadable.push(stored);
        continue;
      }
      const { assessment, summary, changes } = admitted.value;
      const notice = [...(stored.notice ?? []), ...changes];
      const next = { ...stored, assessment, summary, ...(notice.length > 0 ? { notice } : {}) };
      if (JSON.stringify(next) !== JSON.stringify(stored)) kept[id] = next;
    }
    if (unreadable.length === 0) return kept;
    sync.setAside(unreadable, describeUnreadable(unreadable.length));
    return without(
      kept,
      unreadable.map((stored) => stored.id),
    );
  };

  /** What the database holds (at start, or saved by another tab), brought up to the rules. */
  const show = ({ put, removed, settings }: LoadedChange) => {
    const state = store.getState();
    const assessments = { ...without(state.assessments, removed), ...put };
    store.setState({
      loaded: true,
      assessments: rules ? bringUpToRules(rules, assessments, Object.keys(put)) : assessments,
      ...(settings ? { settings } : {}),
    });
  };

  const store = create<AssessmentsState>()((set, get) => {
    const edit = (id: string, change: (stored: StoredAssessment) => StoredAssessment) => {
      const stored = get().assessments[id];
      if (!stored) return;
      set({ assessments: { ...get().assessments, [id]: change(stored) } });
    };
    /**
     * Changes answers, each as `change` says from the answer before it, and records in each
     * answer's history who changed its choice (or confirmed it) and when: `actor`, or the lead.
     */
    const editAnswers = (
      id: string,
      questionIds: readonly string[],
      change: (answer: Answer | undefined, questionId: string) => Partial<Answer>,
      record: { actor?: (questionId: string) => Actor; confirms?: boolean } = {},
    ) => {
      const current = requireRules();
      const at = now();
      edit(id, (stored) => {
        const lead = leadOf(stored.assessment);
        let answers = { ...stored.assessment.answers };
        for (const questionId of questionIds) {
          const before = answers[questionId];
          const accepted = acceptedChange(
            current.setOf(stored.assessment),
            questionId,
            change(before, questionId),
          );
          if (Object.keys(accepted).length === 0) continue;
          const merged = mergeAnswer(before, accepted);
          // An answer emptied of everything the user gave is gone, its record with it.
          answers =
            merged && hasGivenField(merged)
              ? {
                  ...answers,
                  [questionId]: recorded(
                    before,
                    merged,
                    record.actor?.(questionId) ?? lead,
                    at,
                    record.confirms,
                  ),
                }
              : without(answers, [questionId]);
        }
        return {
          ...stored,
          assessment: { ...stored.assessment, answers, updatedAt: at.toISOString() },
          summary: current.summarize({ ...stored.assessment, answers }),
        };
      });
    };
    // Confirming an answer ends both marks: carried over, and taken from another set.
    const touch = (change: Partial<Answer>) => () => ({
      ...change,
      carriedOver: undefined,
      takenFrom: undefined,
    });
    /** The problem when another stored assessment already is this one. */
    const twinProblem = (assessment: Assessment, exceptId?: string): StoreProblem | undefined => {
      const twin = sameAssessment(Object.values(get().assessments), assessment, exceptId);
      return twin
        ? { path: '', message: alreadyExists(assessment), existingId: twin.id }
        : undefined;
    };
    /** A stored assessment under details checked as a form checks them (not yet kept). */
    const namedAnew = (
      id: string,
      details: AssessmentDetails,
    ): Result<{ stored: StoredAssessment; assessment: Assessment }> => {
      const stored = get().assessments[id];
      if (!stored) return fail({ path: '', message: 'There is no such assessment here.' });
      const problems = detailsProblems(details);
      if (problems.length > 0) return fail(...problems);
      return succeed({ stored, assessment: withDetails(stored.assessment, details) });
    };
    /** The problem when the cycle's cadence differs from the rest of its series. */
    const cadenceProblem = (assessment: Assessment, exceptId?: string): Problem | undefined => {
      const conflict = cadenceConflict(Object.values(get().assessments), assessment, exceptId);
      return conflict ? { path: 'cycle', message: conflict } : undefined;
    };
    /**
     * Keeps an assessment under a new id, unless it is already on this device or its cadence
     * differs from the rest of its series.
     */
    const keepNew = (assessment: Assessment, position: Position): Result<string, StoreProblem> => {
      const refused = twinProblem(assessment) ?? cadenceProblem(assessment);
      if (refused) return fail(refused);
      const admitted = admit(requireRules(), assessment);
      if (!admitted.ok) return admitted;
      const id = randomHexId(24);
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
    };

    /**
     * Keeps a changed version of a stored assessment after every rule of the file contract (a name
     * beyond its limit is refused, not clipped), with its summary; `value` is what succeeds.
     */
    const keepChanged = (id: string, assessment: Assessment, value: string): Result<string> => {
      const admitted = admit(requireRules(), { ...assessment, updatedAt: now().toISOString() });
      if (!admitted.ok) return admitted;
      edit(id, (stored) => ({
        ...stored,
        assessment: admitted.value.assessment,
        summary: admitted.value.summary,
      }));
      return succeed(value);
    };

    return {
      loaded: false,
      assessments: {},
      settings: defaultSettings(),
      attach: (attached) => {
        if (rules === attached) return;
        rules = attached;
        const { assessments } = get();
        set({ assessments: bringUpToRules(attached, assessments, Object.keys(assessments)) });
      },
      add: keepNew,
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
      updateDetails: (id, details) => {
        const named = namedAnew(id, details);
        if (!named.ok) return named;
        const { stored } = named.value;
        const assessment = { ...named.value.assessment, updatedAt: now().toISOString() };
        const refused = twinProblem(assessment, id) ?? cadenceProblem(assessment, id);
        if (refused) return fail(refused);
        // The file contract still holds: a name beyond its limit is refused, not clipped.
        const admitted = admit(requireRules(), assessment);
        if (!admitted.ok) return admitted;
        edit(id, () => ({ ...stored, assessment: admitted.value.assessment }));
        return succeed(id);
      },
      duplicate: (id, details) => {
        const named = namedAnew(id, details);
        if (!named.ok) return named;
        const { stored: original, assessment: copied } = named.value;
        const stamp = now().toISOString();
        return keepNew(
          {
            // A copy is another assessment: questionnaires sent for the original stay the original's.
            ...withoutDelegation(copied),
            answers: markedCarried(copied.answers),
            carriedFrom: original.assessment.cycle,
            createdAt: stamp,
            updatedAt: stamp,
          },
          original.position,
        );
      },
      remove: (id) => set({ assessments: without(get().assessments, [id]) }),
      updateAnswer: (id, questionId, change) => editAnswers(id, [questionId], touch(change)),
      updateAnswers: (id, questionIds, change) => editAnswers(id, questionIds, touch(change)),
      takeAnswers: (id, answers) => {
        const stored = get().assessments[id];
        if (!stored) return;
        const rulesNow = requireRules();
        const set = rulesNow.setOf(stored.assessment);
        // An answer whose choice the question does not offer is not taken at all.
        const offered = Object.keys(answers).filter((questionId) =>
          set.questions
            .find((q) => q.id === questionId)
            ?.options.some((o) => o.id === answers[questionId]?.choice),
        );
        // The taken answer replaces the whole of an unconfirmed one, notes and dates included;
        // its history records where it came from.
        const sourceOf = (questionId: string): Actor => {
          const source = answers[questionId]?.takenFrom;
          const title = rulesNow.sets.find((s) => s.id === source?.set)?.title ?? source?.set;
          return {
            name: `${title ?? 'another set'}, ${source?.cycle ?? ''}`.replace(/, $/, ''),
            via: 'other-set',
          };
        };
        editAnswers(
          id,
          offered,
          (current, questionId) => ({
            ...Object.fromEntries(Object.keys(current ?? {}).map((field) => [field, undefined])),
            ...answers[questionId],
            history: current?.history,
          }),
          { actor: sourceOf },
        );
      },
      confirmAnswers: (id, questionIds) =>
        editAnswers(id, questionIds, () => ({ carriedOver: undefined, takenFrom: undefined }), {
          confirms: true,
        }),
      assign: (id, draft) => {
        const stored = get().assessments[id];
        if (!stored) return fail({ path: '', message: 'There is no such assessment here.' });
        const current = requireRules();
        const assigneeId = randomHexId(12);
        const key = stored.assessment.delegation?.key ?? randomHexId(24);
        return keepChanged(
          id,
          withNewAssignee(stored.assessment, current.setOf(stored.assessment), draft, {
            assigneeId,
            key,
          }),
          assigneeId,
        );
      },
      changeAssignee: (id, assigneeId, draft) => {
        const stored = get().assessments[id];
        if (!stored) return fail({ path: '', message: 'There is no such assessment here.' });
        const set = requireRules().setOf(stored.assessment);
        return keepChanged(
          id,
          withAssigneeChanged(stored.assessment, set, assigneeId, draft),
          assigneeId,
        );
      },
      removeAssignee: (id, assigneeId) =>
        edit(id, (stored) => ({
          ...stored,
          assessment: {
            ...withoutAssignee(stored.assessment, assigneeId),
            updatedAt: now().toISOString(),
          },
        })),
      prepareQuestionnaire: (id, assigneeId) => {
        const stored = get().assessments[id];
        if (!stored) return fail({ path: '', message: 'There is no such assessment here.' });
        const set = requireRules().setOf(stored.assessment);
        const prepared = prepareQuestionnaire(
          stored.assessment,
          set,
          assigneeId,
          randomHexId(24),
          now(),
        );
        if (!prepared.ok) return prepared;
        const { questionnaire } = prepared.value;
        return succeed({
          questionnaire,
          round: {
            round: questionnaire.round,
            questionnaireId: questionnaire.questionnaireId,
            sentAt: questionnaire.createdAt,
            questionIds: questionnaire.questions.map((q) => q.id),
          },
        });
      },
      recordSent: (id, assigneeId, round) =>
        edit(id, (stored) => ({
          ...stored,
          assessment: {
            ...withRoundSent(stored.assessment, assigneeId, round),
            updatedAt: now().toISOString(),
          },
        })),
      receiveResponse: (response, digest) => {
        const recipient = recipientOf(Object.values(get().assessments), response);
        if (!recipient) return fail(noRecipient(response));
        const current = requireRules();
        const received = receiveResponse(
          recipient.assessment,
          current.setOf(recipient.assessment),
          response,
          digest,
          now(),
        );
        if (!received.ok) return received;
        if (received.value.outcome === 'received') {
          const kept = keepChanged(recipient.id, received.value.assessment, recipient.id);
          if (!kept.ok) return kept;
        }
        return succeed({ ...received.value, id: recipient.id });
      },
      mergeResponse: (id, assigneeId, decisions) => {
        const stored = get().assessments[id];
        if (!stored) return fail({ path: '', message: 'There is no such assessment here.' });
        const set = requireRules().setOf(stored.assessment);
        const merged = applyMerge(stored.assessment, set, assigneeId, decisions, now());
        if (!merged.ok) return merged;
        return keepChanged(id, merged.value, id);
      },
      setPosition: (id, position) => edit(id, (stored) => ({ ...stored, position })),
      dismissNotice: (id) => edit(id, ({ notice: _notice, ...stored }) => stored),
      eraseAll: async () => {
        const settings = defaultSettings();
        const erased = sync.eraseAll(settings);
        set({ assessments: {}, settings });
        status().dismissRecovery();
        try {
          await erased;
        } catch {
          status().markFailed(
            'Cellguard could not erase everything kept in this browser; reload the page and erase again.',
          );
          return;
        }
        // What an earlier version kept there, should a tab of it have saved since.
        const storage = legacy();
        if (!storage) return;
        const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
          (key): key is string =>
            key !== null &&
            (key === legacyKey ||
              key.startsWith(legacyRecoveryPrefix) ||
              key.startsWith(journalPrefix)),
        );
        for (const key of keys) storage.removeItem(key);
      },
      setStaleEvidenceDays: (days) =>
        set({ settings: { ...get().settings, staleEvidenceDays: days } }),
    };
  });

  const sync = recordSync(
    {
      read: () => store.getState(),
      show,
    },
    {
      open,
      legacy,
      channel,
      now,
      defaults: defaultSettings(),
      saveDelayMs,
      events: {
        saved: () => status().markSaved(),
        failed: (message) => status().markFailed(message),
        recovered: (copy, message) => status().markRecovered(copy, message),
        external: () => status().markExternalChange(),
      },
    },
  );
  store.subscribe(() => sync.noticeChange());
  const ready = sync
    .load()
    .catch(() =>
      status().markFailed(
        'Cellguard could not read what this browser keeps; nothing is saved until the page is reloaded.',
      ),
    )
    .finally(() => {
      // Nothing kept, or nothing readable: the app starts empty, but it has looked.
      if (!store.getState().loaded) store.setState({ loaded: true });
    });
  return Object.assign(store, {
    /** Resolves once what this browser keeps is shown. */
    ready,
    persistence: sync,
  });
}

export type AssessmentsStore = ReturnType<typeof createAssessmentsStore>;
