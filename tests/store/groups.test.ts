import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subjectIdentity } from '../../src/core/assessment/identity.ts';
import type { Group, GroupMember } from '../../src/core/group/model.ts';
import { databaseName, openDatabase } from '../../src/store/database.ts';
import {
  createGroupsStore,
  groupJournalPrefix,
  retryDelayMs,
  type GroupsStore,
} from '../../src/store/groups.ts';
import { northwind, southern } from '../core/backup/backupFiles.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { drain, settle } from '../support/testBrowser.ts';
import { BrowserProfile } from '../support/browserProfile.ts';

/** One browser profile: its IndexedDB, its localStorage and the channel its tabs share. */
class Profile extends BrowserProfile {
  readonly recovered: { copy: number | undefined; message: string }[] = [];

  /** A new tab's store of groups, not yet loaded. */
  store(now: () => Date = () => clock): GroupsStore {
    return createGroupsStore({
      now,
      open: () => this.open(),
      storage: () => this.localStorage,
      channel: () => this.channel(),
      recovered: (copy, message) => this.recovered.push({ copy, message }),
      saveDelayMs: 0,
    });
  }

  /** A new tab that has read what this browser keeps. */
  async tab(now?: () => Date): Promise<GroupsStore> {
    const store = this.store(now);
    await store.getState().load();
    return store;
  }

  /** Every group record, as the database holds it. */
  async saved(): Promise<Record<string, unknown>> {
    const db = await openDatabase(this.factory);
    try {
      return Object.fromEntries((await db.readGroups()).map((r) => [r.id, r.stored]));
    } finally {
      db.close();
    }
  }
}

let profile: Profile;
let clock: Date;

beforeEach(() => {
  profile = new Profile();
  clock = new Date('2026-11-26T10:00:00.000Z');
});
afterEach(() => {
  vi.useRealTimers();
});

const aurora: GroupMember = { organisation: 'Aurora Mobile AS', scope: 'Mobile core and IT' };
const baltic: GroupMember = { organisation: 'Baltic Wave Telecom', scope: 'Mobile core and IT' };
const danube: GroupMember = { organisation: 'Danube Connect', scope: 'Mobile core and IT' };

/** A tab holding one saved group of Aurora and Baltic, Baltic weighted. */
async function withNordic(): Promise<{ tab: GroupsStore; group: Group }> {
  const tab = await profile.tab();
  const group = tab.getState().createGroup({
    name: 'Nordic',
    setId: 'softcell',
    members: [aurora, { ...baltic, weight: 4 }],
  });
  await tab.persistence.flush();
  return { tab, group };
}

describe('the groups store', () => {
  it('creates a group with a new id, members once each, names clipped and weights checked, kept across a reload', async () => {
    const tab = await profile.tab();
    expect(tab.getState().loaded).toBe(true);
    const group = tab.getState().createGroup({
      name: `  ${'N'.repeat(250)}`,
      setId: 'softcell',
      members: [
        { ...aurora, weight: 2.5 },
        // the same organisation and scope, spelt otherwise: not another member
        { organisation: ' aurora  MOBILE as', scope: 'mobile core and it ', weight: 9 },
        { ...baltic, weight: 0 },
        { ...danube, weight: Number.POSITIVE_INFINITY },
        { organisation: 'Erebus Telecom', scope: 'Core', weight: -1 },
        { organisation: 'Fjord Net', scope: 'Core', weight: Number.NaN },
        { organisation: '   ', scope: 'Nobody' },
        { organisation: `G${'g'.repeat(300)}`, scope: 's'.repeat(300) },
      ],
    });
    expect(group.id).toMatch(/^[0-9a-f]{12}$/);
    expect(group.name).toBe(`  ${'N'.repeat(198)}`);
    expect(group.createdAt).toBe('2026-11-26T10:00:00.000Z');
    expect(group.updatedAt).toBe('2026-11-26T10:00:00.000Z');
    expect(group.staleAfterDays).toBe(180);
    expect(group.members).toEqual([
      { ...aurora, weight: 2.5 },
      baltic,
      danube,
      { organisation: 'Erebus Telecom', scope: 'Core' },
      { organisation: 'Fjord Net', scope: 'Core' },
      { organisation: `G${'g'.repeat(199)}`, scope: 's'.repeat(200) },
    ]);
    expect(tab.getState().groups).toEqual({ [group.id]: group });
    await tab.persistence.flush();
    const next = await profile.tab();
    expect(next.getState().groups).toEqual({ [group.id]: group });
    expect(tab.getState().saveProblem).toBeNull();
  });

  it('names a group left blank "Group", and keeps its age for stale within 1 to 3,650 days', async () => {
    const tab = await profile.tab();
    const make = (staleAfterDays: number) =>
      tab.getState().createGroup({ name: ' ', setId: 'softcell', members: [], staleAfterDays });
    expect(make(0).staleAfterDays).toBe(1);
    expect(make(90.4).staleAfterDays).toBe(90);
    expect(make(99_999).staleAfterDays).toBe(3_650);
    expect(make(Number.NaN).staleAfterDays).toBe(180);
    expect(make(30).name).toBe('Group');
    expect(() => tab.getState().createGroup({ name: 'No set', setId: '', members: [] })).toThrow(
      /not the id of a question set/,
    );
  });

  it('updates the name, members and age for stale with the same checks, stamping the time', async () => {
    const { tab, group } = await withNordic();
    clock = new Date('2026-11-27T09:00:00.000Z');
    tab.getState().updateGroup(group.id, {
      name: 'Nordic and Baltic',
      members: [danube, { ...danube, scope: ' MOBILE core and IT' }, { ...aurora, weight: -3 }],
      staleAfterDays: 365,
    });
    const updated = tab.getState().groups[group.id];
    expect(updated).toEqual({
      ...group,
      name: 'Nordic and Baltic',
      members: [danube, aurora],
      staleAfterDays: 365,
      updatedAt: '2026-11-27T09:00:00.000Z',
    });
    // A blank name, an age that is no number and no change at all leave the group as it is.
    clock = new Date('2026-11-28T09:00:00.000Z');
    tab.getState().updateGroup(group.id, { name: '  ', staleAfterDays: Number.NaN });
    tab.getState().updateGroup(group.id, { members: [danube, aurora] });
    expect(tab.getState().groups[group.id]).toBe(updated);
    await tab.persistence.flush();
    expect((await profile.saved())[group.id]).toEqual(updated);
  });

  it('adds members it lacks, says how many it already had, and removes one by its identity', async () => {
    const { tab, group } = await withNordic();
    expect(
      tab
        .getState()
        .addMembers(group.id, [
          { organisation: 'AURORA Mobile AS ', scope: 'Mobile core and IT' },
          danube,
          { ...danube, weight: 7 },
          { organisation: '', scope: 'x' },
        ]),
    ).toEqual({ added: 1, already: 2 });
    expect(tab.getState().groups[group.id]?.members).toEqual([
      aurora,
      { ...baltic, weight: 4 },
      danube,
    ]);
    expect(tab.getState().addMembers(group.id, [aurora])).toEqual({ added: 0, already: 1 });
    expect(tab.getState().addMembers('000000000000', [aurora])).toEqual({ added: 0, already: 0 });
    tab
      .getState()
      .removeMember(
        group.id,
        subjectIdentity({ organisation: 'baltic wave telecom', scope: 'mobile core and it' }),
      );
    expect(tab.getState().groups[group.id]?.members).toEqual([aurora, danube]);
    await tab.persistence.flush();
    expect((await profile.tab()).getState().groups[group.id]?.members).toEqual([aurora, danube]);
    tab.getState().removeGroup(group.id);
    await tab.persistence.flush();
    expect(await profile.saved()).toEqual({});
  });

  it('reads the database once however often it is asked, and saves a group made before it was read', async () => {
    const { group } = await withNordic();
    const opened = vi.fn(() => profile.open());
    const store = createGroupsStore({
      now: () => clock,
      open: opened,
      storage: () => profile.localStorage,
      channel: () => profile.channel(),
      recovered: () => undefined,
      saveDelayMs: 0,
    });
    expect(store.getState().loaded).toBe(false);
    // A change starts the reading itself, so that it is saved.
    const early = store.getState().createGroup({ name: 'Early', setId: 'softcell', members: [] });
    await Promise.all([store.getState().load(), store.getState().load()]);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(store.getState().loaded).toBe(true);
    expect(Object.keys(store.getState().groups).sort()).toEqual([group.id, early.id].sort());
    await store.persistence.flush();
    expect(Object.keys(await profile.saved()).sort()).toEqual([group.id, early.id].sort());
  });

  it('says in plain words when the storage is full, keeps the change in the tab and loses nothing saved, then saves it', async () => {
    const { tab, group } = await withNordic();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    profile.full = true;
    tab.getState().addMembers(group.id, [danube]);
    const created = tab.getState().createGroup({ name: 'South', setId: 'softcell', members: [] });
    await tab.persistence.flush();
    expect(tab.getState().saveProblem).toBe(
      "This browser's storage is full, so your latest change to the groups is kept in this tab but not saved yet. Keep the tab open and free some space (delete an assessment you no longer need); Cellguard keeps trying to save.",
    );
    expect(tab.getState().groups[group.id]?.members).toHaveLength(3);
    expect(tab.getState().groups[created.id]).toEqual(created);
    // What was saved before is still there, whole.
    expect(await profile.saved()).toEqual({ [group.id]: group });
    profile.full = false;
    await vi.advanceTimersByTimeAsync(retryDelayMs);
    await drain();
    expect(tab.getState().saveProblem).toBeNull();
    const saved = await profile.saved();
    expect((saved[group.id] as Group).members).toHaveLength(3);
    expect(saved[created.id]).toEqual(created);
  });

  it('keeps what is not yet written in localStorage when the page is left, and applies it at the next start', async () => {
    const { tab, group } = await withNordic();
    profile.full = true;
    tab.getState().addMembers(group.id, [danube]);
    await tab.persistence.flush();
    expect(tab.persistence.keepBeforeLeaving()).toBe(true);
    expect(
      profile.localStorage.keys().filter((k) => k.startsWith(groupJournalPrefix)),
    ).toHaveLength(1);
    profile.full = false;
    const next = await profile.tab();
    expect(next.getState().groups[group.id]?.members).toEqual([
      aurora,
      { ...baltic, weight: 4 },
      danube,
    ]);
    expect((await profile.saved())[group.id]).toEqual(next.getState().groups[group.id]);
    expect(profile.localStorage.keys().filter((k) => k.startsWith(groupJournalPrefix))).toEqual([]);
  });

  it('keeps the changes of two tabs to one group, and shows each tab the other’s', async () => {
    const { tab: first, group } = await withNordic();
    const second = await profile.tab();
    clock = new Date('2026-11-27T09:00:00.000Z');
    first.getState().addMembers(group.id, [danube]);
    first.getState().updateGroup(group.id, { staleAfterDays: 90 });
    clock = new Date('2026-11-27T09:01:00.000Z');
    second.getState().addMembers(group.id, [{ organisation: 'Erebus Telecom', scope: 'Core' }]);
    second.getState().removeMember(group.id, subjectIdentity(aurora));
    second.getState().updateGroup(group.id, { name: 'Nordic and Danube' });
    await first.persistence.flush();
    await second.persistence.flush();
    await settle();
    const expected = {
      ...group,
      name: 'Nordic and Danube',
      staleAfterDays: 90,
      members: [
        { ...baltic, weight: 4 },
        danube,
        { organisation: 'Erebus Telecom', scope: 'Core' },
      ],
      updatedAt: '2026-11-27T09:01:00.000Z',
    };
    expect((await profile.saved())[group.id]).toEqual(expected);
    expect(second.getState().groups[group.id]).toEqual(expected);
    expect(first.getState().groups[group.id]).toEqual(expected);
    // A removal in one tab reaches the other.
    first.getState().removeGroup(group.id);
    await first.persistence.flush();
    await settle();
    expect(second.getState().groups).toEqual({});
  });

  it('sets aside a stored group that breaks the rules, with an untouched copy, and shows the others', async () => {
    const { group } = await withNordic();
    const db = await openDatabase(profile.factory);
    const broken = { ...southern, members: [{ organisation: 'Oasis', scope: '', weight: -1 }] };
    await db.writeGroup(southern.id, () => ({ id: southern.id, stored: broken }));
    await db.writeGroup('garbage', () => ({ id: 'garbage', stored: 'not a group' }));
    db.close();
    const tab = await profile.tab();
    expect(Object.keys(tab.getState().groups)).toEqual([group.id]);
    expect(profile.recovered).toEqual([
      {
        copy: expect.any(Number) as number,
        message:
          '2 saved groups break the rules of a Cellguard group (a damaged entry, or one saved by a newer Cellguard) and are left out.',
      },
    ]);
    const check = await openDatabase(profile.factory);
    const [copy] = await check.allRecovered();
    expect(JSON.parse(copy?.raw ?? '[]')).toEqual(expect.arrayContaining([broken, 'not a group']));
    expect((await check.readGroups()).map((record) => record.id)).toEqual([group.id]);
    check.close();
  });

  it('says plainly that nothing is kept where the browser refuses storage, and still works in memory', async () => {
    const store = createGroupsStore({
      now: () => clock,
      open: () => Promise.resolve(undefined),
      storage: () => undefined,
      channel: () => undefined,
      recovered: () => undefined,
    });
    await store.getState().load();
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().saveProblem).toBe(
      'This browser does not let Cellguard store data, so your groups are lost when you close the tab.',
    );
    const group = store
      .getState()
      .createGroup({ name: 'Nordic', setId: 'softcell', members: [aurora] });
    expect(store.getState().groups[group.id]?.members).toEqual([aurora]);
    expect(await store.persistence.everything()).toEqual([group]);
  });
});

describe('restoring groups from a backup', () => {
  /** Northwind as this device changed it after the backup was made. */
  const northwindHere: Group = {
    ...northwind,
    name: 'Northwind (changed here)',
    members: [{ organisation: 'Someone else', scope: '' }],
    updatedAt: '2026-12-01T00:00:00.000Z',
  };

  it('puts each in place of the one with its id, whole, keeps the others, in every tab and across a reload', async () => {
    const { tab, group } = await withNordic();
    await tab.getState().restore([northwindHere]);
    const other = await profile.tab();
    await tab.getState().restore([northwind, southern]);
    await settle();
    const expected = { [group.id]: group, [northwind.id]: northwind, [southern.id]: southern };
    expect(tab.getState().groups).toEqual(expected);
    expect(await profile.saved()).toEqual(expected);
    expect(other.getState().groups).toEqual(expected);
    expect((await profile.tab()).getState().groups).toEqual(expected);
  });

  it('restores into a store not yet read, replacing what the database holds', async () => {
    const { tab } = await withNordic();
    await tab.getState().restore([northwindHere]);
    const store = profile.store();
    await store.getState().restore([northwind]);
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().groups[northwind.id]).toEqual(northwind);
    expect((await profile.saved())[northwind.id]).toEqual(northwind);
  });

  it('keeps a group restored just after it was removed here, before the removal was written', async () => {
    const tab = await profile.tab();
    await tab.getState().restore([northwind]);
    tab.getState().removeGroup(northwind.id);
    await tab.getState().restore([northwind]);
    await tab.persistence.flush();
    expect(await profile.saved()).toEqual({ [northwind.id]: northwind });
  });

  it('refuses them all, changing nothing, when one breaks the rules', async () => {
    const { tab } = await withNordic();
    const before = tab.getState().groups;
    const broken = { ...southern, staleAfterDays: 0 };
    await expect(tab.getState().restore([northwind, broken])).rejects.toThrow(
      'The group "קבוצת הדרום" is not a group as Cellguard keeps it, so no group was restored.',
    );
    expect(tab.getState().groups).toBe(before);
  });
});

describe('erasing everything', () => {
  it('forgets every group, in every tab and in the database', async () => {
    const { tab: first, group } = await withNordic();
    const second = await profile.tab();
    expect(Object.keys(second.getState().groups)).toEqual([group.id]);
    await first.getState().eraseAll();
    await settle();
    expect(first.getState().groups).toEqual({});
    expect(second.getState().groups).toEqual({});
    expect(await profile.saved()).toEqual({});
  });

  it('empties the groups with the rest when the assessments erase everything, and every tab hears it', async () => {
    const { tab } = await withNordic();
    const db = await openDatabase(profile.factory);
    await db.eraseAll();
    db.close();
    expect(await profile.saved()).toEqual({});
    // What the assessments' store tells every tab after erasing everything.
    profile.channel().postMessage({ ids: [], removed: [], settings: true, erased: true });
    await settle();
    expect(tab.getState().groups).toEqual({});
  });
});

describe('the database upgrade to version 3', () => {
  /** Opens the database as an older Cellguard created it, with one record in each store it had. */
  async function olderDatabase(factory: IDBFactory, version: 1 | 2) {
    await new Promise<void>((resolve, reject) => {
      const opening = factory.open(databaseName, version);
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
        if (version === 2) db.createObjectStore('questionnaires', { keyPath: 'id' });
      };
      opening.onsuccess = () => {
        const db = opening.result;
        const stores = [
          'assessments',
          'settings',
          'recovered',
          ...(version === 2 ? ['questionnaires'] : []),
        ];
        const tx = db.transaction(stores, 'readwrite');
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
        tx.objectStore('recovered').add({
          keptAt: '2026-01-01T00:00:00.000Z',
          reason: 'old',
          raw: '[]',
        });
        if (version === 2)
          tx.objectStore('questionnaires').put({ id: 'q1', stored: { kept: true } });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(new Error(String(tx.error)));
      };
      opening.onerror = () => reject(new Error(String(opening.error)));
    });
  }

  it.each([1, 2] as const)(
    'adds the groups to a version %i database without losing what it holds',
    async (version) => {
      await olderDatabase(profile.factory, version);
      const db = await openDatabase(profile.factory);
      const { records, settings } = await db.readAll();
      expect(records.map((record) => record.id)).toEqual(['kept']);
      expect(records[0]?.rev).toBe(3);
      expect(settings).toEqual({ staleEvidenceDays: 90 });
      expect(await db.allRecovered()).toHaveLength(1);
      expect(await db.readQuestionnaires()).toEqual(
        version === 2 ? [{ id: 'q1', stored: { kept: true } }] : [],
      );
      expect(await db.readGroups()).toEqual([]);
      db.close();
      const { group } = await withNordic();
      expect(Object.keys(await profile.saved())).toEqual([group.id]);
    },
  );
});

describe('everything Cellguard keeps, for the download of a failed page', () => {
  it('holds the groups beside the assessments and questionnaires', async () => {
    const { everythingSaved, useGroups } = await import('../../src/store/index.ts');
    const group = useGroups
      .getState()
      .createGroup({ name: 'Nordic', setId: 'softcell', members: [aurora] });
    const saved = JSON.parse(await everythingSaved()) as {
      assessments: unknown;
      questionnaires: unknown;
      groups: Group[];
    };
    expect(saved).toHaveProperty('assessments');
    expect(saved).toHaveProperty('questionnaires');
    expect(saved.groups).toEqual([group]);
    useGroups.getState().removeGroup(group.id);
  });
});
