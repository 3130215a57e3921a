import { beforeEach, describe, expect, it } from 'vitest';
import { newAssessment } from '../../src/core/assessment/create.ts';
import { legacyKey } from '../../src/store/legacyMove.ts';
import { useSaveStatus } from '../../src/store/saveStatus.ts';
import { resetSaveStatus } from '../support/saveStatus.ts';
import { settle, TestBrowser } from '../support/testBrowser.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { textLimits } from '../../src/core/assessment/limits.ts';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { formatProblem } from '../../src/core/result.ts';
import type { AssessmentsStore } from '../../src/store/assessments.ts';
import { fixtureAssessment, fixtureText, keep, shippedRules } from '../support/storeFixtures.ts';
import { givenAnswer, givenAnswers } from '../support/givenAnswers.ts';

const set = loadShippedSet();

let browser: TestBrowser;
let clock: Date;
const makeStore = () => browser.tab({ now: () => clock });
async function persistedAnswers(store: AssessmentsStore, id: string) {
  await store.persistence.flush();
  return (await browser.saved()).assessments[id]?.assessment.answers;
}

beforeEach(() => {
  browser = new TestBrowser();
  clock = new Date('2026-11-26T10:00:00Z');
  resetSaveStatus();
});

/** Adds a new, empty assessment to a store and returns its id. */
function addFresh(store: AssessmentsStore, scope = '') {
  return keep(store, newAssessment(set, { organisation: 'X', scope, cycle: '2026-Q4' }, clock));
}

describe('the assessments store', () => {
  it('merges answer changes, drops emptied fields and removes an emptied answer', async () => {
    const store = await makeStore();
    const id = addFresh(store, '');
    clock = new Date('2026-11-26T10:05:00Z');
    store.getState().updateAnswer(id, 'CRD-01', { choice: 'some' });
    store.getState().updateAnswer(id, 'CRD-01', { note: 'pilot' });
    expect(givenAnswer(store.getState().assessments[id]?.assessment.answers['CRD-01'])).toEqual({
      choice: 'some',
      note: 'pilot',
    });
    expect(store.getState().assessments[id]?.assessment.updatedAt).toBe('2026-11-26T10:05:00.000Z');
    store.getState().updateAnswer(id, 'CRD-01', { note: '' });
    store.getState().updateAnswer(id, 'CRD-01', { choice: '' });
    expect(store.getState().assessments[id]?.assessment.answers).toEqual({});
    expect(givenAnswers(await persistedAnswers(store, id))).toEqual({});
  });

  it('survives a reload: a new store on the same storage holds the same answers and position', async () => {
    const first = await makeStore();
    const id = addFresh(first, '');
    first.getState().updateAnswer(id, 'SEG-01', { choice: 'flat', owner: 'Network team' });
    first.getState().setPosition(id, { view: 'step', domainId: 'SEG' });
    await first.persistence.flush();
    const second = await makeStore();
    expect(givenAnswers(second.getState().assessments[id]?.assessment.answers)).toEqual({
      'SEG-01': { choice: 'flat', owner: 'Network team' },
    });
    expect(second.getState().assessments[id]?.position).toEqual({ view: 'step', domainId: 'SEG' });
  });

  it('keeps changes in memory and says so in plain words when storage is full, then saves on the next change', async () => {
    const store = await makeStore();
    const id = addFresh(store, '');
    await store.persistence.flush();
    browser.full = true;
    store.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    await store.persistence.flush();
    expect(givenAnswer(store.getState().assessments[id]?.assessment.answers['EXP-02'])).toEqual({
      choice: 'all',
    });
    expect(useSaveStatus.getState()).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/storage for Cellguard is full/),
    });
    expect((await browser.saved()).assessments[id]?.assessment.answers).toEqual({});
    browser.full = false;
    store.getState().updateAnswer(id, 'EXP-03', { choice: 'month' });
    expect(givenAnswers(await persistedAnswers(store, id))).toEqual({
      'EXP-02': { choice: 'all' },
      'EXP-03': { choice: 'month' },
    });
    expect(useSaveStatus.getState().state).toBe('saved');
  });

  it('copies an assessment with its answers under details the user names, and removes one without touching the other', async () => {
    const store = await makeStore();
    const id = addFresh(store, 'Core');
    store.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    const copied = store.getState().duplicate(id, {
      organisation: 'X',
      scope: 'Core copy',
      cycle: '2026-H2',
      assessor: 'B. Lead',
    });
    const copy = copied.ok ? copied.value : '';
    expect(copy).not.toBe(id);
    // Given for 2026-Q4, the answers are the copy's only once someone confirms them.
    expect(store.getState().assessments[copy]?.assessment).toMatchObject({
      scope: 'Core copy',
      cycle: '2026-H2',
      assessor: 'B. Lead',
      carriedFrom: '2026-Q4',
      answers: { 'EXP-02': { choice: 'all', carriedOver: true } },
    });
    store.getState().updateAnswer(copy, 'EXP-02', { choice: 'none' });
    expect(givenAnswer(store.getState().assessments[id]?.assessment.answers['EXP-02'])).toEqual({
      choice: 'all',
    });
    store.getState().remove(id);
    expect(Object.keys(store.getState().assessments)).toEqual([copy]);
    await store.persistence.flush();
    expect(Object.keys((await browser.saved()).assessments)).toEqual([copy]);
  });

  it('keeps one assessment per organisation, scope, set and cycle: a second start, a copy or a correction onto it is refused, naming the one kept', async () => {
    const store = await makeStore();
    const id = addFresh(store, 'Core');
    const twin = newAssessment(
      set,
      { organisation: ' x ', scope: 'CORE', cycle: '2026-Q4' },
      clock,
    );
    // Nor are spaces inside a name.
    const named = (organisation: string) =>
      newAssessment(set, { organisation, scope: 'Core', cycle: '2026-Q4' }, clock);
    expect(store.getState().add(named('Example Mobile'), { view: 'results' }).ok).toBe(true);
    expect(store.getState().add(named('Example   Mobile '), { view: 'results' }).ok).toBe(false);
    const again = store.getState().add(twin, { view: 'results' });
    expect(again.ok).toBe(false);
    expect(again.ok ? [] : again.problems).toEqual([
      {
        path: '',
        existingId: id,
        message:
          'An assessment of x, CORE, for 2026-Q4 is already on this device. Open it, or give this one another cycle or scope.',
      },
    ]);
    const copied = store
      .getState()
      .duplicate(id, { organisation: 'X', scope: 'Core', cycle: '2026-Q4' });
    expect(copied.ok ? undefined : copied.problems[0]?.existingId).toBe(id);

    const other = addFresh(store, 'Corporate IT');
    const moved = store
      .getState()
      .updateDetails(other, { organisation: 'X', scope: 'core', cycle: '2026-Q4' });
    expect(moved.ok ? undefined : moved.problems[0]?.existingId).toBe(id);
    expect(Object.keys(store.getState().assessments)).toHaveLength(3);
    expect(store.getState().assessments[other]?.assessment.scope).toBe('Corporate IT');
  });

  it('corrects the details of an assessment, checked as when it was started, and keeps its answers', async () => {
    const store = await makeStore();
    const id = addFresh(store, 'Core');
    store.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    const refused = store
      .getState()
      .updateDetails(id, { organisation: ' ', scope: '', cycle: 'Q4 2026' });
    expect(refused.ok ? [] : refused.problems.map((p) => p.path)).toEqual([
      'organisation',
      'scope',
      'cycle',
    ]);
    const corrected = store.getState().updateDetails(id, {
      organisation: ' Example Mobile ',
      scope: 'Mobile core',
      cycle: '2026-H2',
      assessor: 'C. Reviewer',
    });
    expect(corrected.ok).toBe(true);
    expect(store.getState().assessments[id]?.assessment).toMatchObject({
      organisation: 'Example Mobile',
      scope: 'Mobile core',
      cycle: '2026-H2',
      assessor: 'C. Reviewer',
      answers: { 'EXP-02': { choice: 'all' } },
    });
    await store.persistence.flush();
    expect((await browser.saved()).assessments[id]?.assessment.cycle).toBe('2026-H2');
  });
});

describe('the invariants the store keeps itself', () => {
  /** Saved data as an earlier session of the app left it, loaded before the rules are attached. */
  function savedBefore(assessments: Record<string, unknown>) {
    browser.localStorage.setItem(legacyKey, JSON.stringify({ state: { assessments }, version: 3 }));
    return browser.tab({ now: () => clock, attach: false });
  }

  it('clips text beyond its limit and refuses impossible dates, choices and questions', async () => {
    const store = await makeStore();
    const id = addFresh(store);
    store.getState().updateAnswer(id, 'EDR-03', {
      choice: 'none',
      owner: 'O'.repeat(textLimits.owner + 1),
      note: 'n'.repeat(textLimits.note + 5),
      due: '2026-02-30',
    });
    store.getState().updateAnswer(id, 'EDR-03', { choice: 'everything' });
    store.getState().updateAnswer(id, 'XYZ-01', { choice: 'none' });
    const answers = givenAnswers(store.getState().assessments[id]?.assessment.answers);
    expect(answers).toEqual({
      'EDR-03': { choice: 'none', owner: 'O'.repeat(200), note: 'n'.repeat(10_000) },
    });
  });

  it('takes answers from another set whole, in place of an unconfirmed one, and refuses a choice the question lacks', async () => {
    const store = await makeStore();
    const id = addFresh(store);
    store.getState().updateAnswer(id, 'SEG-06', { choice: 'inband', note: 'Old note' });
    const takenFrom = { set: 'comms-hardening', cycle: '2026-Q4', question: 'MPL-01' };
    store.getState().takeAnswers(id, {
      'SEG-06': { choice: 'most', carriedOver: true, takenFrom },
      'SEG-02': { choice: 'everything', carriedOver: true, takenFrom },
    });
    const answers = givenAnswers(store.getState().assessments[id]?.assessment.answers);
    expect(answers?.['SEG-06']).toEqual({ choice: 'most', carriedOver: true, takenFrom });
    expect(answers?.['SEG-02']).toBeUndefined();
    store.getState().confirmAnswers(id, ['SEG-06']);
    expect(await persistedAnswers(store, id)).toMatchObject({ 'SEG-06': { choice: 'most' } });
    const confirmed = store.getState().assessments[id]?.assessment.answers['SEG-06'];
    expect(givenAnswer(confirmed)).toEqual({
      choice: 'most',
    });
    // Its history says where it came from and who confirmed it.
    expect(
      confirmed?.history?.map(({ event, by, via, from, to }) => ({ event, by, via, from, to })),
    ).toEqual([
      { event: 'answered', by: 'the lead', via: 'lead', from: undefined, to: 'inband' },
      {
        event: 'answered',
        by: 'Communications infrastructure hardening assessment, 2026-Q4',
        via: 'other-set',
        from: 'inband',
        to: 'most',
      },
      { event: 'confirmed', by: 'the lead', via: 'lead', from: undefined, to: undefined },
    ]);
  });

  it('migrates and summarises an assessment saved under an older question set as soon as the rules arrive, and says what changed', async () => {
    const old = JSON.parse(fixtureText('v1/middle-profile')) as Assessment;
    const store = await savedBefore({
      a1: { id: 'a1', assessment: old, position: { view: 'results' } },
    });
    expect(store.getState().assessments.a1?.assessment.questionSet.version).toBe('1.0.0');
    store.getState().attach(shippedRules);
    const stored = store.getState().assessments.a1;
    expect(stored?.assessment).toEqual(fixtureAssessment('v1/middle-profile'));
    expect(stored?.notice?.length).toBeGreaterThan(0);
    expect(stored?.summary).toEqual(
      shippedRules.summarize(
        stored?.assessment ?? { questionSet: { id: 'softcell', version: '2.0.0' }, answers: {} },
      ),
    );
    await store.persistence.flush();
    expect((await browser.saved()).assessments.a1?.assessment.questionSet.version).toBe('2.0.0');
  });

  it('sets aside, with an untouched copy and a message, a saved assessment that breaks the contract, and keeps the others', async () => {
    const good = fixtureAssessment('middle-profile');
    const broken = { ...good, answers: { ...good.answers, 'SUB-06': { choice: 'na', note: 7 } } };
    const store = await savedBefore({
      good: { id: 'good', assessment: good, position: { view: 'results' } },
      bad: { id: 'bad', assessment: broken, position: { view: 'results' } },
    });
    store.getState().attach(shippedRules);
    expect(Object.keys(store.getState().assessments)).toEqual(['good']);
    await store.persistence.flush();
    await settle();
    const recovery = useSaveStatus.getState().recovery;
    expect(recovery?.message).toMatch(/^1 saved assessment breaks the rules of a Cellguard file/);
    const copy = JSON.parse(
      (await store.persistence.recoveredCopy(recovery?.copy ?? -1)) ?? '[]',
    ) as {
      assessment: unknown;
    }[];
    expect(copy.map((stored) => stored.assessment)).toEqual([broken]);
    expect(Object.keys((await browser.saved()).assessments)).toEqual(['good']);
  });

  it('refuses to keep an assessment it cannot read, in plain words, and keeps nothing of it', async () => {
    const store = await makeStore();
    const kept = store.getState().add(
      {
        ...fixtureAssessment('middle-profile'),
        questionSet: { id: 'softcell', version: '0.9.0' },
      },
      { view: 'results' },
    );
    expect(kept.ok).toBe(false);
    expect(!kept.ok && kept.problems.map(formatProblem)).toEqual([
      'questionSet.version: The file was answered under softcell 0.9.0; this Cellguard has 2.0.0 and no migration from version 0.',
    ]);
    expect(store.getState().assessments).toEqual({});
  });

  it('keeps one cadence per series: a half-year among quarters of the same organisation and scope is refused', async () => {
    const store = await makeStore();
    const q4 = addFresh(store, 'Core');
    const half = newAssessment(set, { organisation: 'X', scope: 'Core', cycle: '2026-H2' }, clock);
    const refused = store.getState().add(half, { view: 'results' });
    expect(refused.ok ? [] : refused.problems).toEqual([
      {
        path: 'cycle',
        message:
          'The other cycles of X, Core are quarterly, such as 2026-Q4: write a quarter such as 2026-Q4, or give this one another scope.',
      },
    ]);
    const other = addFresh(store, 'Corporate IT');
    const moved = store
      .getState()
      .updateDetails(other, { organisation: 'X', scope: 'Core', cycle: '2027' });
    expect(moved.ok ? undefined : moved.problems[0]?.path).toBe('cycle');
    // The only cycle of its series may change its cadence.
    expect(
      store.getState().updateDetails(q4, { organisation: 'X', scope: 'Core', cycle: '2026-H2' }).ok,
    ).toBe(true);
  });
});
