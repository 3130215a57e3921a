import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { givenAnswers } from '../support/givenAnswers.ts';
import { newAssessment } from '../../src/core/assessment/create.ts';
import { openDatabase } from '../../src/store/database.ts';
import { legacyKey, legacyRecoveryPrefix } from '../../src/store/legacyMove.ts';
import { journalPrefix, retryDelayMs } from '../../src/store/recordSync.ts';
import { useSaveStatus } from '../../src/store/saveStatus.ts';
import { resetSaveStatus } from '../support/saveStatus.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment, keep } from '../support/storeFixtures.ts';
import { drain, settle, TestBrowser } from '../support/testBrowser.ts';

const set = loadShippedSet();
let browser: TestBrowser;
const fresh = (organisation = 'Tab Mobile') =>
  newAssessment(set, { organisation, scope: '', cycle: '2026-Q4' }, new Date());
const answersSaved = async (id: string) =>
  givenAnswers((await browser.saved()).assessments[id]?.assessment.answers);

beforeEach(() => {
  browser = new TestBrowser();
  resetSaveStatus();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saving one record per assessment', () => {
  it('writes only the assessment that changed, however many are kept', async () => {
    const store = await browser.tab();
    const ids = ['One', 'Two', 'Three'].map((name) => keep(store, fresh(name)));
    await store.persistence.flush();
    browser.writes.length = 0;
    store.getState().updateAnswer(ids[1] ?? '', 'EXP-02', { choice: 'all' });
    store.getState().updateAnswer(ids[1] ?? '', 'EXP-02', { note: 'WAF' });
    await store.persistence.flush();
    expect(browser.writes).toEqual([ids[1]]);
    expect(await answersSaved(ids[1] ?? '')).toEqual({ 'EXP-02': { choice: 'all', note: 'WAF' } });
  });

  it('writes nothing just for opening: a new tab loads and attaches the rules without a write', async () => {
    const first = await browser.tab();
    keep(first, fixtureAssessment('middle-profile'));
    await first.persistence.flush();
    browser.writes.length = 0;
    const second = await browser.tab();
    await second.persistence.flush();
    expect(browser.writes).toEqual([]);
  });
});

describe('storage faults', () => {
  it('retries a write that failed for lack of space, without waiting for another change', async () => {
    const store = await browser.tab();
    const id = keep(store, fresh());
    await store.persistence.flush();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    browser.full = true;
    store.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    await store.persistence.flush();
    expect(useSaveStatus.getState()).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/storage for Cellguard is full/),
    });
    await vi.advanceTimersByTimeAsync(retryDelayMs);
    await drain();
    expect(useSaveStatus.getState().state).toBe('failed');
    browser.full = false;
    await vi.advanceTimersByTimeAsync(retryDelayMs);
    await drain();
    expect(useSaveStatus.getState().state).toBe('saved');
    expect(await answersSaved(id)).toEqual({ 'EXP-02': { choice: 'all' } });
  });

  it('sets aside a damaged record with an untouched copy, and loads and saves the others', async () => {
    const store = await browser.tab();
    const id = keep(store, fresh());
    await store.persistence.flush();
    const db = await openDatabase(browser.factory);
    await db.writeRecord('broken', () => ({ id: 'broken', rev: 1, stored: { id: 'broken' } }));
    db.close();
    const next = await browser.tab();
    expect(Object.keys(next.getState().assessments)).toEqual([id]);
    const { recovery } = useSaveStatus.getState();
    expect(recovery?.message).toMatch(/^1 saved assessment breaks the rules/);
    expect(await next.persistence.recoveredCopy(recovery?.copy ?? -1)).toBe(
      JSON.stringify([{ id: 'broken' }]),
    );
    next.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    await next.persistence.flush();
    expect(Object.keys((await browser.saved()).assessments)).toEqual([id]);
  });

  it('leaves a damaged record untouched when no copy can be kept, says why, and still saves the others', async () => {
    const db = await openDatabase(browser.factory);
    await db.writeRecord('broken', () => ({ id: 'broken', rev: 1, stored: 'garbage' }));
    db.close();
    browser.full = true;
    const store = await browser.tab();
    expect(useSaveStatus.getState().recovery?.message).toMatch(
      /could not keep a copy because the storage is full, so it leaves them as they are/,
    );
    browser.full = false;
    const id = keep(store, fresh());
    await store.persistence.flush();
    const saved = await browser.saved();
    expect(saved.assessments.broken).toBe('garbage');
    expect(Object.keys(saved.assessments).sort()).toEqual(['broken', id].sort());
  });
});

describe('leaving the page with a change not yet written', () => {
  it('keeps the change in localStorage at once and applies it at the next start', async () => {
    const tab = await browser.tab();
    const id = keep(tab, fresh());
    await tab.persistence.flush();
    // The database is slow or full; the tab closes before the write lands.
    browser.full = true;
    tab.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    await tab.persistence.flush();
    expect(tab.persistence.keepBeforeLeaving()).toBe(true);
    expect(tab.persistence.unsavedOnLeaving()).toBe(true); // the last write failed: warn
    expect(browser.localStorage.keys().filter((key) => key.startsWith(journalPrefix))).toHaveLength(
      1,
    );
    browser.full = false;
    const next = await browser.tab();
    expect(givenAnswers(next.getState().assessments[id]?.assessment.answers)).toEqual({
      'EXP-02': { choice: 'all' },
    });
    expect(await answersSaved(id)).toEqual({ 'EXP-02': { choice: 'all' } });
    expect(browser.localStorage.keys()).toEqual([]);
  });

  it('does not warn when the pending change is kept for the next start', async () => {
    const tab = await browser.tab();
    keep(tab, fresh());
    expect(tab.persistence.unsavedOnLeaving()).toBe(false);
    browser.localStorage.full = true;
    tab.getState().setStaleEvidenceDays(90);
    expect(tab.persistence.unsavedOnLeaving()).toBe(true);
  });
});

describe('two tabs', () => {
  it('loses no update when two tabs edit the same assessment between their syncs, and both end up showing it', async () => {
    const tabA = await browser.tab();
    const id = keep(tabA, fresh());
    await tabA.persistence.flush();
    const tabB = await browser.tab();
    tabA.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    // Tab B has not heard of tab A's change yet.
    tabB.getState().updateAnswer(id, 'CRD-01', { choice: 'most' });
    tabB.getState().updateAnswer(id, 'EXP-02', { note: 'WAF from vendor X' });
    tabA.getState().updateAnswer(id, 'SUB-02', { choice: 'logged' });
    await Promise.all([tabA.persistence.flush(), tabB.persistence.flush()]);
    await settle();
    const expected = {
      'EXP-02': { choice: 'all', note: 'WAF from vendor X' },
      'CRD-01': { choice: 'most' },
      'SUB-02': { choice: 'logged' },
    };
    expect(await answersSaved(id)).toEqual(expected);
    expect(givenAnswers(tabA.getState().assessments[id]?.assessment.answers)).toEqual(expected);
    expect(givenAnswers(tabB.getState().assessments[id]?.assessment.answers)).toEqual(expected);
    expect(tabB.getState().assessments[id]?.summary).toEqual(
      tabA.getState().assessments[id]?.summary,
    );
    expect(useSaveStatus.getState().externalChanges).toBeGreaterThan(0);
  });

  it('shows in one tab what another added, changed, removed or erased', async () => {
    const tabA = await browser.tab();
    const tabB = await browser.tab();
    const id = keep(tabA, fresh());
    const other = keep(tabA, fresh('Other'));
    await tabA.persistence.flush();
    await settle();
    expect(Object.keys(tabB.getState().assessments).sort()).toEqual([id, other].sort());
    tabA.getState().remove(other);
    tabA.getState().setStaleEvidenceDays(90);
    await tabA.persistence.flush();
    await settle();
    expect(Object.keys(tabB.getState().assessments)).toEqual([id]);
    expect(tabB.getState().settings.staleEvidenceDays).toBe(90);
    await tabB.getState().eraseAll();
    await settle();
    expect(tabA.getState().assessments).toEqual({});
    expect((await browser.saved()).assessments).toEqual({});
  });
});

describe('moving from localStorage, where earlier versions kept everything', () => {
  const legacyState = () => {
    const a = fixtureAssessment('middle-profile');
    return {
      state: {
        assessments: { a1: { id: 'a1', assessment: a, position: { view: 'results' } } },
        settings: { staleEvidenceDays: 90 },
      },
      version: 3,
    };
  };

  it('moves every assessment and setting once, verified, then removes the old copy', async () => {
    const legacy = legacyState();
    browser.localStorage.setItem(legacyKey, JSON.stringify(legacy));
    browser.localStorage.setItem(`${legacyRecoveryPrefix}${legacyKey}:2026-01-01`, 'old copy');
    const store = await browser.tab();
    expect(store.getState().assessments.a1?.assessment).toEqual(
      legacy.state.assessments.a1.assessment,
    );
    expect(store.getState().settings.staleEvidenceDays).toBe(90);
    const saved = await browser.saved();
    expect(saved.assessments.a1?.assessment).toEqual(legacy.state.assessments.a1.assessment);
    expect(saved.recovered.map((copy) => copy.raw)).toEqual(['old copy']);
    expect(browser.localStorage.keys()).toEqual([]);
  });

  it('keeps localStorage as it is when the move cannot be written, and moves it at the next start', async () => {
    const raw = JSON.stringify(legacyState());
    browser.localStorage.setItem(legacyKey, raw);
    browser.full = true;
    await browser.tab();
    expect(useSaveStatus.getState().recovery?.message).toMatch(/could not be moved yet/);
    expect(browser.localStorage.getItem(legacyKey)).toBe(raw);
    browser.full = false;
    const store = await browser.tab();
    expect(Object.keys(store.getState().assessments)).toEqual(['a1']);
    expect(browser.localStorage.getItem(legacyKey)).toBeNull();
  });

  it('keeps an untouched copy of what it could not read there', async () => {
    browser.localStorage.setItem(legacyKey, 'not json at all');
    const store = await browser.tab();
    expect(store.getState().assessments).toEqual({});
    const { recovery } = useSaveStatus.getState();
    expect(recovery?.message).toBe(
      'The saved assessments could not be read (it is not valid JSON).',
    );
    expect((await browser.saved()).recovered.map((copy) => copy.raw)).toEqual(['not json at all']);
    keep(store, fresh());
    await store.persistence.flush();
    expect(Object.keys((await browser.saved()).assessments)).toHaveLength(1);
  });

  it('erases every assessment, setting, kept copy and leftover of an earlier version on request', async () => {
    browser.localStorage.setItem(legacyKey, 'not json at all');
    const store = await browser.tab();
    keep(store, fresh());
    store.getState().setStaleEvidenceDays(90);
    await store.persistence.flush();
    browser.localStorage.setItem(legacyKey, '{}');
    await store.getState().eraseAll();
    await store.persistence.flush();
    expect(store.getState().assessments).toEqual({});
    expect(store.getState().settings.staleEvidenceDays).toBe(180);
    const saved = await browser.saved();
    expect(saved.assessments).toEqual({});
    expect(saved.recovered).toEqual([]);
    expect(browser.localStorage.keys()).toEqual([]);
  });
});
