import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newAssessment } from '../../src/core/assessment/create.ts';
import { textLimits } from '../../src/core/assessment/limits.ts';
import type { Answer } from '../../src/core/assessment/model.ts';
import { importAssessmentFile } from '../../src/core/assessment/transfer.ts';
import { formatProblem } from '../../src/core/result.ts';
import { createAssessmentsStore, type AssessmentsStore } from '../../src/store/assessments.ts';
import { exportedFile } from '../support/exportedFile.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { shippedRules } from '../support/storeFixtures.ts';

const set = loadShippedSet();
const questionIds = set.questions.map((q) => q.id);

/** Text a user might type or paste: any script, and now and then far beyond a field's limit. */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', '😀'), fc.nat(textLimits.note + 50))
      .map(([unit, count]) => unit.repeat(count)),
  },
);
const date = fc.oneof(
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('', '2026-02-30', '26-11-2026', 'soon'),
);
const questionId = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...questionIds) },
  { weight: 1, arbitrary: fc.constantFrom('XYZ-99', '__proto__', '') },
);
const choiceFor = (id: string) => {
  const options = set.questions.find((q) => q.id === id)?.options.map((o) => o.id) ?? [];
  return fc.constantFrom(...options, 'na', 'unknown', '', 'made-up');
};
const answerChange = (id: string): fc.Arbitrary<Partial<Answer>> =>
  fc.record(
    {
      choice: choiceFor(id),
      note: text,
      naReason: text,
      evidence: text,
      evidenceDate: date,
      owner: text,
      due: date,
      compensatingControl: text,
      riskAcceptedBy: text,
    },
    { requiredKeys: [] },
  );

/** One thing a user can do to the store through the app's pages. */
type Action = (store: AssessmentsStore, ids: string[]) => void;
const pick = (ids: string[], index: number) => ids[index % Math.max(ids.length, 1)] ?? '';

const addAssessment = fc
  .record({ organisation: text, scope: text, cycle: text })
  .map((meta): Action => (store, ids) => {
    const kept = store.getState().add(newAssessment(set, meta, new Date('2026-11-26T10:00:00Z')), {
      view: 'step',
      domainId: 'EXP',
    });
    if (kept.ok) ids.push(kept.value);
  });
const editAnswer = fc
  .tuple(fc.nat(), questionId)
  .chain(([index, id]) => answerChange(id).map((change) => ({ index, id, change })))
  .map(
    ({ index, id, change }): Action =>
      (store, ids) =>
        store.getState().updateAnswer(pick(ids, index), id, change),
  );
const setOwner = fc.tuple(fc.nat(), fc.subarray(questionIds, { maxLength: 4 }), text).map(
  ([index, ids, owner]): Action =>
    (store, kept) =>
      store.getState().updateAnswers(pick(kept, index), ids, { owner }),
);
const confirm = fc.tuple(fc.nat(), fc.subarray(questionIds, { maxLength: 4 })).map(
  ([index, ids]): Action =>
    (store, kept) =>
      store.getState().confirmAnswers(pick(kept, index), ids),
);
const details = fc.record({
  organisation: text,
  scope: text,
  cycle: fc.constantFrom('2026-Q4', '2027-Q1', '2026-H2', '2027', 'Q4 2026', ''),
});
const duplicate = fc.tuple(fc.nat(), details).map(([index, named]): Action => (store, ids) => {
  const copy = store.getState().duplicate(pick(ids, index), named);
  if (copy.ok) ids.push(copy.value);
});
const correctDetails = fc.tuple(fc.nat(), details).map(
  ([index, named]): Action =>
    (store, ids) =>
      store.getState().updateDetails(pick(ids, index), named),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: addAssessment },
  { weight: 8, arbitrary: editAnswer },
  { weight: 2, arbitrary: setOwner },
  { weight: 1, arbitrary: confirm },
  { weight: 1, arbitrary: duplicate },
  { weight: 1, arbitrary: correctDetails },
);

describe('what the store keeps is what an exported file brings back', () => {
  it('exports every reachable state to files that import back deep-equal, through the import path the app uses (150 sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ organisation: text, cycle: text }),
        fc.array(action, { minLength: 1, maxLength: 40 }),
        async (first, actions) => {
          const store = createAssessmentsStore({
            now: () => new Date('2026-11-26T10:00:00Z'),
            // Memory only: this property is about what the store keeps, not where.
            open: () => Promise.resolve(undefined),
            legacy: () => undefined,
            channel: () => undefined,
          });
          store.getState().attach(shippedRules);
          const ids: string[] = [];
          const start = store
            .getState()
            .add(newAssessment(set, { ...first, scope: '' }, new Date()), { view: 'results' });
          if (start.ok) ids.push(start.value);
          for (const act of actions) act(store, ids);
          for (const stored of Object.values(store.getState().assessments)) {
            const file = await exportedFile(stored.assessment, new Date());
            const imported = await importAssessmentFile(file, set);
            if (!imported.ok) throw new Error(imported.problems.map(formatProblem).join('; '));
            expect(imported.value.assessment).toEqual(stored.assessment);
            expect(stored.summary).toEqual(shippedRules.summarize(stored.assessment));
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
