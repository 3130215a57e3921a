import { beforeEach, describe, expect, it } from 'vitest';
import { newAssessment } from '../../src/core/assessment/create.ts';
import { createAssessmentsStore, storageKey } from '../../src/store/assessments.ts';
import { useSaveStatus } from '../../src/store/saveStatus.ts';
import { FakeStorage } from '../support/fakeStorage.ts';
import { resetSaveStatus } from '../support/saveStatus.ts';
import { loadShippedSet } from '../support/shippedSet.ts';

const set = loadShippedSet();

let storage: FakeStorage;
let clock: Date;
function makeStore() {
  return createAssessmentsStore({ now: () => clock, storage: () => storage });
}
const persistedAnswers = (id: string) =>
  (
    JSON.parse(storage.getItem(storageKey) ?? '{}') as {
      state: { assessments: Record<string, { assessment: { answers: unknown } }> };
    }
  ).state.assessments[id]?.assessment.answers;

beforeEach(() => {
  storage = new FakeStorage();
  clock = new Date('2026-11-26T10:00:00Z');
  resetSaveStatus();
});

/** Adds a new, empty assessment to a store and returns its id. */
function addFresh(store: ReturnType<typeof makeStore>, scope = '') {
  return store
    .getState()
    .add(newAssessment(set, { organisation: 'X', scope, cycle: '2026-Q4' }, clock), {
      view: 'step',
      domainId: 'EXP',
    });
}

describe('the assessments store', () => {
  it('merges answer changes, drops emptied fields and removes an emptied answer', () => {
    const store = makeStore();
    const id = addFresh(store, '');
    clock = new Date('2026-11-26T10:05:00Z');
    store.getState().updateAnswer(id, 'CRD-01', { choice: 'some' });
    store.getState().updateAnswer(id, 'CRD-01', { note: 'pilot' });
    expect(store.getState().assessments[id]?.assessment.answers['CRD-01']).toEqual({
      choice: 'some',
      note: 'pilot',
    });
    expect(store.getState().assessments[id]?.assessment.updatedAt).toBe('2026-11-26T10:05:00.000Z');
    store.getState().updateAnswer(id, 'CRD-01', { note: '' });
    store.getState().updateAnswer(id, 'CRD-01', { choice: '' });
    expect(store.getState().assessments[id]?.assessment.answers).toEqual({});
    expect(persistedAnswers(id)).toEqual({});
  });

  it('survives a reload: a new store on the same storage holds the same answers and position', async () => {
    const first = makeStore();
    const id = addFresh(first, '');
    first.getState().updateAnswer(id, 'SEG-01', { choice: 'flat', owner: 'Network team' });
    first.getState().setPosition(id, { view: 'step', domainId: 'SEG' });
    const second = makeStore();
    await second.persist.rehydrate();
    expect(second.getState().assessments[id]?.assessment.answers).toEqual({
      'SEG-01': { choice: 'flat', owner: 'Network team' },
    });
    expect(second.getState().assessments[id]?.position).toEqual({ view: 'step', domainId: 'SEG' });
  });

  it('keeps changes in memory and says so in plain words when storage is full, then saves on the next change', () => {
    const store = makeStore();
    const id = addFresh(store, '');
    storage.full = true;
    store.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    expect(store.getState().assessments[id]?.assessment.answers['EXP-02']).toEqual({
      choice: 'all',
    });
    expect(useSaveStatus.getState()).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/storage for Cellguard is full/),
    });
    expect(persistedAnswers(id)).toEqual({});
    storage.full = false;
    store.getState().updateAnswer(id, 'EXP-03', { choice: 'month' });
    expect(useSaveStatus.getState().state).toBe('saved');
    expect(persistedAnswers(id)).toEqual({
      'EXP-02': { choice: 'all' },
      'EXP-03': { choice: 'month' },
    });
  });

  it('duplicates an assessment with its answers under a new id, and removes one without touching the other', () => {
    const store = makeStore();
    const id = addFresh(store, 'Core');
    store.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    const copy = store.getState().duplicate(id) ?? '';
    expect(copy).not.toBe(id);
    expect(store.getState().assessments[copy]?.assessment.answers).toEqual({
      'EXP-02': { choice: 'all' },
    });
    store.getState().updateAnswer(copy, 'EXP-02', { choice: 'none' });
    expect(store.getState().assessments[id]?.assessment.answers['EXP-02']).toEqual({
      choice: 'all',
    });
    store.getState().remove(id);
    expect(Object.keys(store.getState().assessments)).toEqual([copy]);
  });
});
