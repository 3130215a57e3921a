import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newAssessment } from '../../src/core/assessment/create.ts';
import type { AssessmentsStore } from '../../src/store/assessments.ts';
import type { CellguardDatabase } from '../../src/store/database.ts';
import { legacyKey } from '../../src/store/legacyMove.ts';
import { journalPrefix } from '../../src/store/recordSync.ts';
import { resetSaveStatus } from '../support/saveStatus.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment, keep } from '../support/storeFixtures.ts';
import { drain, settle, TestBrowser } from '../support/testBrowser.ts';

const set = loadShippedSet();
let browser: TestBrowser;
const fresh = (organisation = 'Tab Mobile') =>
  newAssessment(set, { organisation, scope: '', cycle: '2026-Q4' }, new Date());
const savedIds = async () => Object.keys((await browser.saved()).assessments).sort();

beforeEach(() => {
  browser = new TestBrowser();
  resetSaveStatus();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Two tabs of one profile showing one saved assessment; from here on, tabs hear each other only when timers are run. */
async function twoTabsOnOneAssessment() {
  const tabA = await browser.tab();
  const id = keep(tabA, fresh());
  await tabA.persistence.flush();
  const tabB = await browser.tab();
  await settle();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return { tabA, tabB, id };
}

/** Delivers every message still on its way, then says what the database holds and each tab shows. */
async function afterTheTabsSettle(...tabs: AssessmentsStore[]) {
  await vi.runAllTimersAsync();
  await drain();
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  await Promise.all(tabs.map((tab) => tab.persistence.flush()));
  await settle();
  return {
    inDatabase: await savedIds(),
    shown: tabs.map((tab) => Object.keys(tab.getState().assessments).sort()),
  };
}

describe('two tabs: a removal or an erase stands, and every tab shows what the database holds', () => {
  it('a removal waiting to be written stands when another tab saves the same assessment meanwhile', async () => {
    const { tabA, tabB, id } = await twoTabsOnOneAssessment();
    tabB.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    await tabB.persistence.flush(); // B's "saved" message to A is queued
    tabA.getState().remove(id); // A's removal waits for its grouped write
    vi.advanceTimersToNextTimer(); // A hears B's save first
    await drain();
    expect(await afterTheTabsSettle(tabA, tabB)).toEqual({ inDatabase: [], shown: [[], []] });
  });

  it('an edit being written when another tab removes the assessment does not bring it back', async () => {
    const { tabA, tabB, id } = await twoTabsOnOneAssessment();
    tabA.getState().remove(id);
    await tabA.persistence.flush(); // deleted; message to B queued
    tabB.getState().updateAnswer(id, 'EXP-02', { choice: 'all' });
    const writing = tabB.persistence.flush();
    for (let i = 0; i < 5; i += 1) await Promise.resolve(); // B's write is in flight
    vi.advanceTimersToNextTimer(); // B hears A's removal now
    await writing;
    expect(await afterTheTabsSettle(tabA, tabB)).toEqual({ inDatabase: [], shown: [[], []] });
  });

  it('an edit made just before hearing that another tab erased everything does not bring anything back', async () => {
    const { tabA, tabB, id } = await twoTabsOnOneAssessment();
    await tabA.getState().eraseAll(); // erased; the message to B is on its way
    tabB.getState().updateAnswer(id, 'EXP-02', { choice: 'all' }); // typed before B hears it
    await tabB.persistence.flush();
    expect(await afterTheTabsSettle(tabA, tabB)).toEqual({ inDatabase: [], shown: [[], []] });
  });
});

describe('leaving the page', () => {
  it('keeps a settings change whose write is still under way when the page goes', async () => {
    let hang = true;
    const open = browser.open.bind(browser);
    browser.open = async (): Promise<CellguardDatabase> => {
      const db = await open();
      return {
        ...db,
        writeSettings: (value) =>
          hang ? new Promise<void>(() => undefined) : db.writeSettings(value),
      };
    };
    const tab = await browser.tab();
    const id = keep(tab, fresh());
    await tab.persistence.flush().catch(() => undefined);
    tab.getState().setStaleEvidenceDays(90);
    void tab.persistence.flush();
    await drain(); // the settings write has started but is not durable
    expect(tab.persistence.keepBeforeLeaving() && !tab.persistence.unsavedOnLeaving()).toBe(true);
    // The page goes; the write never lands.
    hang = false;
    const journals = browser.localStorage.keys().filter((key) => key.startsWith(journalPrefix));
    expect(journals).toHaveLength(1);
    const next = await browser.tab();
    expect(next.getState().settings.staleEvidenceDays).toBe(90);
    expect(Object.keys(next.getState().assessments)).toEqual([id]);
  });
});

describe('moving from localStorage', () => {
  it('leaves in place what a tab of the old version saved during the move, for the next start', async () => {
    const a1 = fixtureAssessment('middle-profile');
    const legacy = (ids: string[]) =>
      JSON.stringify({
        state: {
          assessments: Object.fromEntries(
            ids.map((id) => [id, { id, assessment: a1, position: { view: 'results' } }]),
          ),
        },
        version: 3,
      });
    browser.localStorage.setItem(legacyKey, legacy(['a1']));
    const open = browser.open.bind(browser);
    browser.open = async (): Promise<CellguardDatabase> => {
      const db = await open();
      return {
        ...db,
        putAll: (...args) => {
          // An old-version tab saves a new assessment while the move is under way.
          browser.localStorage.setItem(legacyKey, legacy(['a1', 'a2']));
          return db.putAll(...args);
        },
      };
    };
    const store = await browser.tab();
    const saved = await browser.saved();
    const kept =
      Object.hasOwn(store.getState().assessments, 'a2') ||
      Object.hasOwn(saved.assessments, 'a2') ||
      saved.recovered.some((copy) => copy.raw.includes('"a2"')) ||
      (browser.localStorage.getItem(legacyKey) ?? '').includes('"a2"');
    expect(kept).toBe(true);
  });

  it('moves the old settings when the database has none, even if it already holds assessments', async () => {
    const first = await browser.tab();
    keep(first, fresh());
    await first.persistence.flush();
    browser.localStorage.setItem(
      legacyKey,
      JSON.stringify({
        state: { assessments: {}, settings: { staleEvidenceDays: 90 } },
        version: 3,
      }),
    );
    const next = await browser.tab();
    const saved = await browser.saved();
    const kept =
      next.getState().settings.staleEvidenceDays === 90 ||
      saved.recovered.some((copy) => copy.raw.includes('staleEvidenceDays')) ||
      browser.localStorage.getItem(legacyKey) !== null;
    expect(kept).toBe(true);
  });
});
