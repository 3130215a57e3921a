import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newAssessment } from '../../src/core/assessment/create.ts';
import { createAssessmentsStore, storageKey } from '../../src/store/assessments.ts';
import { recoveryPrefix, retryDelayMs } from '../../src/store/persistentStorage.ts';
import { useSaveStatus } from '../../src/store/saveStatus.ts';
import { FakeStorage } from '../support/fakeStorage.ts';
import { resetSaveStatus } from '../support/saveStatus.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment, keep, shippedRules } from '../support/storeFixtures.ts';

const set = loadShippedSet();
let storage: FakeStorage;
function makeStore() {
  const store = createAssessmentsStore({
    now: () => new Date('2026-11-26T10:00:00Z'),
    storage: () => storage,
  });
  store.getState().attach(shippedRules);
  return store;
}
const fresh = () =>
  newAssessment(set, { organisation: 'Tab Mobile', scope: '', cycle: '2026-Q4' }, new Date());
const persisted = () =>
  JSON.parse(storage.getItem(storageKey) ?? '{}') as {
    state: { assessments: Record<string, { assessment: { answers: Record<string, unknown> } }> };
  };
const copies = () => storage.keys().filter((key) => key.startsWith(recoveryPrefix));

beforeEach(() => {
  storage = new FakeStorage();
  resetSaveStatus();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('storage faults', () => {
  it('retries a write that failed for lack of space, without waiting for another change', () => {
    vi.useFakeTimers();
    const store = makeStore();
    const id = keep(store, fresh(), { view: 'step', domainId: 'EXP' });
    storage.full = true;
    store.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    expect(useSaveStatus.getState().state).toBe('failed');
    expect(store.getState().assessments[id]?.assessment.answers['EXP-02']).toEqual({
      choice: 'all',
    });
    vi.advanceTimersByTime(retryDelayMs);
    expect(useSaveStatus.getState().state).toBe('failed');
    storage.full = false;
    vi.advanceTimersByTime(retryDelayMs);
    expect(useSaveStatus.getState().state).toBe('saved');
    expect(persisted().state.assessments[id]?.assessment.answers).toEqual({
      'EXP-02': { choice: 'all' },
    });
  });

  it('starts on unreadable saved data, says so, and keeps an untouched copy instead of overwriting it', async () => {
    const raw = '{"state":{"assessments":{"a1":{"id":"a1","assessment":{"organisation":"Half-writ';
    storage.setItem(storageKey, raw);
    const store = makeStore();
    await store.persist.rehydrate();
    expect(store.getState().assessments).toEqual({});
    const recovery = useSaveStatus.getState().recovery;
    expect(recovery?.message).toBe(
      'The saved assessments could not be read (it is not valid JSON).',
    );
    expect(storage.getItem(recovery?.copyKey ?? '')).toBe(raw);
    const id = keep(store, fresh(), { view: 'step', domainId: 'EXP' });
    expect(Object.keys(persisted().state.assessments)).toEqual([id]);
    expect(copies().map((key) => storage.getItem(key))).toEqual([raw]);
  });

  it('loads the readable assessments when some are damaged, and keeps the whole original aside', async () => {
    const good = fixtureAssessment('middle-profile');
    const raw = JSON.stringify({
      state: {
        assessments: {
          good: { id: 'good', assessment: good, position: { view: 'results' } },
          bad: {
            id: 'bad',
            assessment: { ...good, answers: 'garbage' },
            position: { view: 'results' },
          },
        },
      },
      version: 2,
    });
    storage.setItem(storageKey, raw);
    const store = makeStore();
    await store.persist.rehydrate();
    expect(Object.keys(store.getState().assessments)).toEqual(['good']);
    expect(useSaveStatus.getState().recovery?.message).toBe(
      '1 saved assessment could not be read and is left out.',
    );
    expect(copies().map((key) => storage.getItem(key))).toEqual([raw]);
    store.getState().updateAnswer('good', 'EXP-02', { choice: 'verified' });
    expect(Object.keys(persisted().state.assessments)).toEqual(['good']);
  });

  it('refuses to save over unreadable data it could not copy, and says why', async () => {
    storage.setItem(storageKey, 'not json at all');
    storage.full = true;
    const store = makeStore();
    await store.persist.rehydrate();
    expect(useSaveStatus.getState().recovery?.message).toMatch(
      /could not keep a copy because the storage is full/,
    );
    storage.full = false;
    keep(store, fresh(), { view: 'step', domainId: 'EXP' });
    expect(storage.getItem(storageKey)).toBe('not json at all');
    expect(useSaveStatus.getState()).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/to protect saved data/),
    });
  });

  it('loses no update when two tabs edit the same assessment, even between their syncs', async () => {
    const tabA = makeStore();
    const id = keep(tabA, fresh(), { view: 'step', domainId: 'EXP' });
    const tabB = makeStore();
    await tabB.persist.rehydrate();
    tabA.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    // Tab B has not heard of tab A's write yet.
    tabB.getState().updateAnswer(id, 'CRD-01', { choice: 'most' });
    tabB.getState().updateAnswer(id, 'EXP-02', { note: 'WAF from vendor X' });
    tabA.getState().updateAnswer(id, 'SUB-02', { choice: 'logged' });
    const expected = {
      'EXP-02': { choice: 'all', note: 'WAF from vendor X' },
      'CRD-01': { choice: 'most' },
      'SUB-02': { choice: 'logged' },
    };
    expect(persisted().state.assessments[id]?.assessment.answers).toEqual(expected);
    await Promise.resolve();
    await tabA.persist.rehydrate();
    await tabB.persist.rehydrate();
    expect(tabA.getState().assessments[id]?.assessment.answers).toEqual(expected);
    expect(tabB.getState().assessments[id]?.assessment.answers).toEqual(expected);
    expect(useSaveStatus.getState().externalChanges).toBeGreaterThan(0);
  });

  it('keeps what another tab saved first when this tab had found nothing saved, and writes nothing just for loading the rules', () => {
    const tabA = makeStore();
    const tabB = makeStore();
    const first = keep(tabB, fresh());
    const second = keep(tabA, fresh());
    expect(Object.keys(persisted().state.assessments).sort()).toEqual([first, second].sort());
    const before = storage.getItem(storageKey);
    makeStore();
    expect(storage.getItem(storageKey)).toBe(before);
  });

  it('erases every assessment, setting and kept copy on request', async () => {
    storage.setItem(`${recoveryPrefix}old`, 'kept');
    const store = makeStore();
    keep(store, fresh(), { view: 'step', domainId: 'EXP' });
    store.getState().setStaleEvidenceDays(90);
    store.getState().eraseAll();
    expect(store.getState().assessments).toEqual({});
    expect(store.getState().settings.staleEvidenceDays).toBe(180);
    expect(storage.keys()).toEqual([]);
  });
});
