import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseName, openDatabase } from '../../src/store/database.ts';
import {
  createQuestionnairesStore,
  questionnaireJournalPrefix,
  retryDelayMs,
  type QuestionnairesStore,
  type StoredQuestionnaire,
} from '../../src/store/questionnaires.ts';
import {
  answersToSend,
  questionnaireProgress,
  visibleQuestions,
} from '../../src/core/delegation/respondent.ts';
import { succeed } from '../../src/core/result.ts';
import { drain, settle, TestBrowser } from '../support/testBrowser.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import {
  leadWithAna as leadAssessment,
  questionnaireIds,
  sendToAna as send,
} from '../support/delegationFixtures.ts';
import { BrowserProfile } from '../support/browserProfile.ts';

/** One browser profile: its IndexedDB, its localStorage and the channel its tabs share. */
class Profile extends BrowserProfile {
  async tab(now: () => Date = () => clock): Promise<QuestionnairesStore> {
    const store = createQuestionnairesStore({
      now,
      open: () => this.open(),
      storage: () => this.localStorage,
      channel: () => this.channel(),
      saveDelayMs: 0,
    });
    await store.ready;
    return store;
  }

  async saved(): Promise<Record<string, StoredQuestionnaire>> {
    const db = await openDatabase(this.factory);
    try {
      const records = await db.readQuestionnaires();
      return Object.fromEntries(
        records.map((record) => [record.id, record.stored as StoredQuestionnaire]),
      );
    } finally {
      db.close();
    }
  }
}

let profile: Profile;
let clock: Date;
const [firstId = '', secondId = ''] = questionnaireIds;
const { questionnaire } = send(leadAssessment());

beforeEach(() => {
  profile = new Profile();
  clock = new Date('2026-03-11T08:00:00.000Z');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the questionnaires store', () => {
  it('keeps a questionnaire and every answer, stamped with the time, across a reload', async () => {
    const tab = await profile.tab();
    expect(tab.getState().open(questionnaire)).toEqual({
      id: firstId,
      existing: false,
      answered: 0,
    });
    clock = new Date('2026-03-11T08:05:00.000Z');
    tab.getState().answer(firstId, 'EXP-01', { choice: 'yes' });
    tab.getState().answer(firstId, 'EXP-02', { choice: 'na', naReason: '  ' });
    tab
      .getState()
      .answer(firstId, 'EXP-02', { naReason: 'No web tier of our own', note: 'Hosted' });
    tab
      .getState()
      .answer(firstId, 'EXP-03', { evidence: 'Patch report', evidenceDate: '2026-02-30' });
    await tab.persistence.flush();
    const next = await profile.tab();
    const entry = next.getState().questionnaires[firstId];
    expect(entry?.questionnaire).toEqual(questionnaire);
    expect(entry?.openedAt).toBe('2026-03-11T08:00:00.000Z');
    expect(entry?.updatedAt).toBe('2026-03-11T08:05:00.000Z');
    expect(entry?.answers).toEqual({
      'EXP-01': { choice: 'yes', answeredAt: '2026-03-11T08:05:00.000Z' },
      'EXP-02': {
        choice: 'na',
        naReason: 'No web tier of our own',
        note: 'Hosted',
        answeredAt: '2026-03-11T08:05:00.000Z',
      },
      // An impossible date is refused; the rest of the change is kept.
      'EXP-03': { evidence: 'Patch report', answeredAt: '2026-03-11T08:05:00.000Z' },
    });
  });

  it('refuses an answer the question does not offer, and "Not applicable" for a scoping question', async () => {
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    tab.getState().answer(firstId, 'EXP-01', { choice: 'na' });
    tab.getState().answer(firstId, 'EXP-02', { choice: 'maybe' });
    tab.getState().answer(firstId, 'CRD-01', { choice: 'none' });
    expect(tab.getState().questionnaires[firstId]?.answers).toEqual({});
  });

  it('keeps the answers given so far when the same questionnaire is opened again, and a newer round apart', async () => {
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    tab.getState().answer(firstId, 'EXP-01', { choice: 'yes' });
    await tab.persistence.flush();
    const next = await profile.tab();
    expect(next.getState().open(questionnaire)).toEqual({
      id: firstId,
      existing: true,
      answered: 1,
    });
    const round2 = send(send(leadAssessment()).assessment, secondId).questionnaire;
    expect(round2.round).toBe(2);
    expect(next.getState().open(round2)).toEqual({ id: secondId, existing: false, answered: 0 });
    await next.persistence.flush();
    const saved = await profile.saved();
    expect(Object.keys(saved).sort()).toEqual([firstId, secondId]);
    expect(saved[firstId]?.answers['EXP-01']?.choice).toBe('yes');
    expect(saved[secondId]?.answers).toEqual({});
  });

  it('records when the response file was created, and removes a questionnaire', async () => {
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    tab.getState().markResponded(firstId, '2026-03-12T15:00:00.000Z');
    await tab.persistence.flush();
    expect((await profile.saved())[firstId]?.respondedAt).toBe('2026-03-12T15:00:00.000Z');
    tab.getState().remove(firstId);
    await tab.persistence.flush();
    expect(await profile.saved()).toEqual({});
  });

  it('starts afresh when a removed questionnaire is opened again before the removal is written', async () => {
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    tab.getState().answer(firstId, 'EXP-01', { choice: 'yes' });
    await tab.persistence.flush();
    clock = new Date('2026-03-11T09:00:00.000Z');
    tab.getState().remove(firstId);
    tab.getState().open(questionnaire);
    await tab.persistence.flush();
    expect((await profile.saved())[firstId]?.answers).toEqual({});
    expect(tab.getState().questionnaires[firstId]?.answers).toEqual({});
  });

  it('keeps the answers in memory and says so plainly when the storage is full, then saves them', async () => {
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    await tab.persistence.flush();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    profile.full = true;
    tab.getState().answer(firstId, 'EXP-01', { choice: 'no' });
    await tab.persistence.flush();
    expect(tab.getState().saveProblem).toMatch(
      /storage is full, so your latest answers are kept in this tab/,
    );
    expect(tab.getState().questionnaires[firstId]?.answers['EXP-01']?.choice).toBe('no');
    expect((await profile.saved())[firstId]?.answers).toEqual({});
    profile.full = false;
    await vi.advanceTimersByTimeAsync(retryDelayMs);
    await drain();
    expect(tab.getState().saveProblem).toBeNull();
    expect((await profile.saved())[firstId]?.answers['EXP-01']?.choice).toBe('no');
  });

  it('keeps what is not yet written in localStorage when the page is left, and applies it at the next start', async () => {
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    await tab.persistence.flush();
    profile.full = true;
    tab.getState().answer(firstId, 'EXP-01', { choice: 'yes', note: 'Two portals' });
    await tab.persistence.flush();
    expect(tab.persistence.keepBeforeLeaving()).toBe(true);
    expect(
      profile.localStorage.keys().filter((k) => k.startsWith(questionnaireJournalPrefix)),
    ).toHaveLength(1);
    profile.full = false;
    const next = await profile.tab();
    expect(next.getState().questionnaires[firstId]?.answers['EXP-01']).toMatchObject({
      choice: 'yes',
      note: 'Two portals',
    });
    expect(
      profile.localStorage.keys().filter((k) => k.startsWith(questionnaireJournalPrefix)),
    ).toEqual([]);
  });

  it('keeps the answers of two tabs, the later answer to a question winning', async () => {
    const first = await profile.tab(() => clock);
    first.getState().open(questionnaire);
    await first.persistence.flush();
    const second = await profile.tab(() => clock);
    clock = new Date('2026-03-11T09:00:00.000Z');
    first.getState().answer(firstId, 'EXP-01', { choice: 'yes' });
    first.getState().answer(firstId, 'EXP-03', { choice: 'month' });
    clock = new Date('2026-03-11T09:01:00.000Z');
    second.getState().answer(firstId, 'EXP-03', { choice: 'fortnight' });
    second.getState().answer(firstId, 'EXP-04', { choice: 'partial' });
    await first.persistence.flush();
    await second.persistence.flush();
    await settle();
    const choices = (store: QuestionnairesStore) =>
      Object.fromEntries(
        Object.entries(store.getState().questionnaires[firstId]?.answers ?? {}).map(([id, a]) => [
          id,
          a.choice,
        ]),
      );
    const expected = { 'EXP-01': 'yes', 'EXP-03': 'fortnight', 'EXP-04': 'partial' };
    expect(choices(second)).toEqual(expected);
    expect(choices(first)).toEqual(expected);
    const saved = await profile.saved();
    expect(Object.keys(saved[firstId]?.answers ?? {}).sort()).toEqual(Object.keys(expected));
  });

  it('forgets every questionnaire when everything is erased, in every tab', async () => {
    const first = await profile.tab();
    first.getState().open(questionnaire);
    await first.persistence.flush();
    const second = await profile.tab();
    expect(Object.keys(second.getState().questionnaires)).toEqual([firstId]);
    await first.getState().eraseAll();
    await settle();
    expect(first.getState().questionnaires).toEqual({});
    expect(second.getState().questionnaires).toEqual({});
    expect(await profile.saved()).toEqual({});
  });

  it('says plainly that nothing is kept where the browser refuses storage, and still works in memory', async () => {
    const store = createQuestionnairesStore({
      now: () => clock,
      open: () => Promise.resolve(undefined),
      storage: () => undefined,
      channel: () => undefined,
    });
    await store.ready;
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().saveProblem).toMatch(/your answers are lost when you close the tab/);
    store.getState().open(questionnaire);
    store.getState().answer(firstId, 'EXP-01', { choice: 'yes' });
    expect(
      questionnaireProgress(store.getState().questionnaires[firstId] as StoredQuestionnaire)
        .answered,
    ).toBe(1);
  });

  it('leaves a damaged record in the database untouched, and shows the others', async () => {
    const db = await openDatabase(profile.factory);
    await db.writeQuestionnaire('broken', () => ({ id: 'broken', stored: { questionnaire: 7 } }));
    db.close();
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    await tab.persistence.flush();
    const next = await profile.tab();
    expect(Object.keys(next.getState().questionnaires)).toEqual([firstId]);
    expect((await profile.saved()).broken).toEqual({ questionnaire: 7 });
  });
});

describe('restoring questionnaires from a backup', () => {
  const round2 = send(send(leadAssessment()).assessment, secondId).questionnaire;
  /** Round 1 as the backup holds it: opened at the same moment as on this device, answered less. */
  const backedUp: StoredQuestionnaire = {
    questionnaire,
    answers: { 'EXP-01': { choice: 'yes', answeredAt: '2026-03-11T08:05:00.000Z' } },
    openedAt: '2026-03-11T08:00:00.000Z',
    updatedAt: '2026-03-11T08:05:00.000Z',
    respondedAt: '2026-03-12T15:00:00.000Z',
  };
  const backedUpRound2: StoredQuestionnaire = {
    questionnaire: round2,
    answers: {},
    openedAt: '2026-03-20T09:00:00.000Z',
    updatedAt: '2026-03-20T09:00:00.000Z',
  };

  /** A tab where round 1 was answered further after the backup was made. */
  async function answeredLater(): Promise<QuestionnairesStore> {
    const tab = await profile.tab();
    tab.getState().open(questionnaire);
    clock = new Date('2026-04-01T10:00:00.000Z');
    tab.getState().answer(firstId, 'EXP-01', { choice: 'no' });
    tab.getState().answer(firstId, 'EXP-04', { choice: 'partial' });
    await tab.persistence.flush();
    return tab;
  }

  it('puts them in place of those here, answers and all, in every tab and across a reload', async () => {
    const tab = await answeredLater();
    const other = await profile.tab();
    expect(tab.getState().restore([backedUp, backedUpRound2])).toEqual(succeed(2));
    // The backup's version, not merged with the later answers given here.
    expect(tab.getState().questionnaires).toEqual({
      [firstId]: backedUp,
      [secondId]: backedUpRound2,
    });
    await tab.persistence.flush();
    await settle();
    expect(await profile.saved()).toEqual({ [firstId]: backedUp, [secondId]: backedUpRound2 });
    expect(other.getState().questionnaires).toEqual(tab.getState().questionnaires);
    const next = await profile.tab();
    expect(next.getState().questionnaires).toEqual({
      [firstId]: backedUp,
      [secondId]: backedUpRound2,
    });
    // Answering goes on from the restored answers, and merges again as usual.
    clock = new Date('2026-04-02T10:00:00.000Z');
    next.getState().answer(firstId, 'EXP-03', { choice: 'month' });
    await next.persistence.flush();
    expect(Object.keys((await profile.saved())[firstId]?.answers ?? {}).sort()).toEqual([
      'EXP-01',
      'EXP-03',
    ]);
  });

  it('keeps a restore not yet written when the page is left, and applies it as it is at the next start', async () => {
    const tab = await answeredLater();
    profile.full = true;
    tab.getState().restore([backedUp]);
    await tab.persistence.flush();
    expect(tab.persistence.keepBeforeLeaving()).toBe(true);
    profile.full = false;
    const next = await profile.tab();
    expect(next.getState().questionnaires[firstId]).toEqual(backedUp);
    expect((await profile.saved())[firstId]).toEqual(backedUp);
  });

  it('replaces what the database holds even when restored before the database was read', async () => {
    await answeredLater();
    let opened: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const store = createQuestionnairesStore({
      now: () => clock,
      open: async () => {
        await gate;
        return profile.open();
      },
      storage: () => profile.localStorage,
      channel: () => profile.channel(),
      saveDelayMs: 0,
    });
    store.getState().restore([backedUp]);
    opened();
    await store.ready;
    expect(store.getState().questionnaires[firstId]).toEqual(backedUp);
    await store.persistence.flush();
    expect((await profile.saved())[firstId]).toEqual(backedUp);
  });

  it('refuses every entry when one is not a stored questionnaire, changing nothing', async () => {
    const tab = await answeredLater();
    const before = tab.getState().questionnaires;
    const damaged = { ...backedUpRound2, answers: 'none' } as unknown as StoredQuestionnaire;
    const restored = tab.getState().restore([backedUp, damaged]);
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.problems[0]?.path).toBe('1');
    expect(tab.getState().questionnaires).toBe(before);
  });

  it('gives everything the database keeps for the download of a failed page, damaged records too', async () => {
    const db = await openDatabase(profile.factory);
    await db.writeQuestionnaire('broken', () => ({ id: 'broken', stored: { questionnaire: 7 } }));
    db.close();
    const tab = await profile.tab();
    tab.getState().restore([backedUp]);
    await tab.persistence.flush();
    expect(await tab.persistence.everything()).toEqual(
      expect.arrayContaining([{ questionnaire: 7 }, backedUp]),
    );
  });
});

describe('everything Cellguard keeps, for the download of a failed page', () => {
  it('holds the questionnaires beside the assessments', async () => {
    const { everythingSaved, useQuestionnaires } = await import('../../src/store/index.ts');
    await useQuestionnaires.ready;
    useQuestionnaires.getState().open(questionnaire);
    const saved = JSON.parse(await everythingSaved()) as {
      assessments: unknown;
      questionnaires: StoredQuestionnaire[];
    };
    expect(saved).toHaveProperty('assessments');
    expect(saved.questionnaires.map((entry) => entry.questionnaire)).toEqual([questionnaire]);
    useQuestionnaires.getState().remove(firstId);
  });
});

describe('what the respondent sees and sends', () => {
  const entry = (answers: StoredQuestionnaire['answers']) => ({ questionnaire, answers });
  const at = '2026-03-11T08:05:00.000Z';

  it('hides the questions behind a scoping question answered so that they do not apply', () => {
    const all = questionnaire.questions.map((q) => q.id);
    expect(visibleQuestions(questionnaire, {}).map((q) => q.id)).toEqual(all);
    const shown = visibleQuestions(questionnaire, { 'EXP-01': { choice: 'no', answeredAt: at } });
    expect(shown.map((q) => q.id)).toEqual(['EXP-01', 'EXP-03', 'EXP-04', 'EXP-05']);
    expect(
      visibleQuestions(questionnaire, { 'EXP-01': { choice: 'unknown', answeredAt: at } }),
    ).toHaveLength(all.length);
  });

  it('gates with the current answer the lead sent while the respondent has not answered', () => {
    const sent = send(leadAssessment({ 'EXP-01': { choice: 'no' } })).questionnaire;
    // Sent with its scoping question, so the gated questions travel and the respondent may reopen them.
    expect(sent.questions.map((q) => q.id)).toContain('EXP-02');
    expect(visibleQuestions(sent, {}).map((q) => q.id)).not.toContain('EXP-02');
    expect(
      visibleQuestions(sent, { 'EXP-01': { choice: 'yes', answeredAt: at } }).map((q) => q.id),
    ).toContain('EXP-02');
  });

  it('counts "Not applicable" as answered only with its reason', () => {
    expect(
      questionnaireProgress(
        entry({
          'EXP-01': { choice: 'yes', answeredAt: at },
          'EXP-02': { choice: 'na', answeredAt: at },
          'EXP-03': { note: 'asking the patch team', answeredAt: at },
        }),
      ),
    ).toEqual({ answered: 1, total: 8, naWithoutReason: ['EXP-02'] });
  });

  it('sends only the questions shown with something given, and the N/A fields only with N/A', () => {
    expect(
      answersToSend(
        entry({
          'EXP-01': { choice: 'no', answeredAt: at },
          'EXP-02': { choice: 'all', answeredAt: at },
          'EXP-03': { choice: 'month', naReason: 'left over', evidence: 'WSUS', answeredAt: at },
          'EXP-04': { answeredAt: at },
        }),
      ),
    ).toEqual({
      'EXP-01': { choice: 'no', answeredAt: at },
      'EXP-03': { choice: 'month', evidence: 'WSUS', answeredAt: at },
    });
  });
});

describe('the database upgrade to version 2', () => {
  it('adds the questionnaires to a version 1 database without losing what it holds', async () => {
    const browser = new TestBrowser();
    // What Cellguard's first database version created, with one assessment in it.
    await new Promise<void>((resolve, reject) => {
      const opening = browser.factory.open(databaseName, 1);
      opening.onupgradeneeded = () => {
        const db = opening.result;
        const assessments = db.createObjectStore('assessments', { keyPath: 'id' });
        assessments.createIndex('identity', [
          'stored.assessment.organisation',
          'stored.assessment.scope',
          'stored.assessment.questionSet.id',
          'stored.assessment.cycle',
        ]);
        db.createObjectStore('settings', { keyPath: 'key' });
        db.createObjectStore('recovered', { keyPath: 'seq', autoIncrement: true });
      };
      opening.onsuccess = () => {
        const db = opening.result;
        const tx = db.transaction(['assessments', 'settings'], 'readwrite');
        tx.objectStore('assessments').put({
          id: 'kept',
          rev: 3,
          stored: {
            id: 'kept',
            assessment: fixtureAssessment('middle-profile'),
            position: { view: 'review' },
          },
        });
        tx.objectStore('settings').put({ key: 'settings', value: { staleEvidenceDays: 90 } });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(new Error(String(tx.error)));
      };
      opening.onerror = () => reject(new Error(String(opening.error)));
    });
    const store = await browser.tab();
    expect(Object.keys(store.getState().assessments)).toEqual(['kept']);
    expect(store.getState().settings.staleEvidenceDays).toBe(90);
    const db = await openDatabase(browser.factory);
    expect(await db.readQuestionnaires()).toEqual([]);
    await db.writeQuestionnaire(firstId, () => ({ id: firstId, stored: { x: 1 } }));
    // "Erase everything" empties the questionnaires too.
    await store.getState().eraseAll();
    expect(await db.readQuestionnaires()).toEqual([]);
    db.close();
  });
});
