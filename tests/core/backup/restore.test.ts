import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/core/assessment/model.ts';
import type { BackupEntry, BackupQuestionnaire } from '../../../src/core/backup/format.ts';
import {
  applyRestore,
  planRestore,
  questionnaireTitle,
  type RestoreTarget,
} from '../../../src/core/backup/restore.ts';
import type { Group } from '../../../src/core/group/model.ts';
import { fail, succeed } from '../../../src/core/result.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';
import { answeredRound1, northwind, openedRound2, southern } from './backupFiles.ts';

const middle = fixtureAssessment('middle-profile');
const unicode = fixtureAssessment('unicode-operator');
const victim = fixtureAssessment('soft-cell-victim');

const entry = (assessment: Assessment): BackupEntry => ({
  assessment,
  position: { view: 'results' },
  migrated: [],
});

/** The same assessment with one answer changed, last changed at the given time. */
const changed = (assessment: Assessment, updatedAt: string): Assessment => ({
  ...assessment,
  updatedAt,
  answers: { ...assessment.answers, 'EXP-02': { choice: 'none', note: 'Changed' } },
});

describe('planRestore', () => {
  it('adds what the device lacks, replaces what differs and leaves identical answers alone', () => {
    const device = [
      { id: 'same', assessment: middle },
      { id: 'older', assessment: changed(victim, '2026-09-01T00:00:00.000Z') },
    ];
    const backup = { entries: [entry(middle), entry(victim), entry(unicode)] };
    const plan = planRestore(device, backup);
    expect(plan.added).toEqual([entry(unicode)]);
    expect(plan.replaced).toEqual([
      { entry: entry(victim), existing: device[1], deviceIsNewer: false },
    ]);
    expect(plan.unchanged).toEqual([{ entry: entry(middle), existing: device[0] }]);
  });

  it('matches by organisation, scope, question set and cycle, ignoring surrounding spaces', () => {
    const spaced = {
      ...middle,
      organisation: ` ${middle.organisation} `,
      scope: `${middle.scope} `,
    };
    expect(
      planRestore([{ id: 'a', assessment: spaced }], { entries: [entry(middle)] }).unchanged,
    ).toHaveLength(1);
    for (const other of [
      { ...middle, organisation: 'Another operator' },
      { ...middle, scope: 'Another scope' },
      { ...middle, cycle: '2027-Q1' },
      { ...middle, questionSet: { id: 'other-set', version: middle.questionSet.version } },
    ]) {
      const plan = planRestore([{ id: 'a', assessment: other }], { entries: [entry(middle)] });
      expect(plan.added).toEqual([entry(middle)]);
    }
  });

  it('compares answers regardless of key order, and ignores everything but the answers', () => {
    const reordered: Assessment = {
      ...middle,
      updatedAt: '2027-01-01T00:00:00.000Z',
      answers: Object.fromEntries(Object.entries(middle.answers).reverse()),
    };
    const plan = planRestore([{ id: 'a', assessment: reordered }], { entries: [entry(middle)] });
    expect(plan.unchanged).toHaveLength(1);
  });

  it('warns when the device changed an assessment after the backup was made', () => {
    const newer = changed(middle, '2027-01-01T00:00:00.000Z');
    const plan = planRestore([{ id: 'a', assessment: newer }], { entries: [entry(middle)] });
    expect(plan.replaced.map((r) => r.deviceIsNewer)).toEqual([true]);
  });

  it('pairs each assessment of the device with at most one entry, identical answers first', () => {
    const edited = changed(middle, '2026-12-01T00:00:00.000Z');
    // Two with the same identity on the device (one imported as a new assessment), three in the backup.
    const device = [
      { id: 'first', assessment: edited },
      { id: 'second', assessment: middle },
    ];
    const backup = {
      entries: [
        entry({ ...edited, answers: { ...edited.answers, 'EXP-03': { choice: 'unknown' } } }),
        entry(middle),
        entry(middle),
      ],
    };
    const plan = planRestore(device, backup);
    expect(plan.unchanged.map((u) => u.existing.id)).toEqual(['second']);
    expect(plan.replaced.map((r) => r.existing.id)).toEqual(['first']);
    expect(plan.replaced[0]?.entry).toBe(backup.entries[0]);
    expect(plan.added).toEqual([backup.entries[2]]);
  });
});

/** Round 1 as answered further on the device, after the backup. */
const round1Later: BackupQuestionnaire = {
  ...answeredRound1,
  answers: {
    ...answeredRound1.answers,
    'EXP-04': { choice: 'partial', answeredAt: '2026-04-01T10:00:00.000Z' },
  },
  updatedAt: '2026-04-01T10:00:00.000Z',
};

describe('planRestore: questionnaires', () => {
  it('adds a questionnaire the device lacks, replaces one with other answers, and matches by id', () => {
    const plan = planRestore([], { entries: [], questionnaires: [answeredRound1, openedRound2] }, [
      round1Later,
    ]);
    expect(plan.questionnaires).toEqual({
      added: [openedRound2],
      replaced: [{ entry: answeredRound1, existing: round1Later, deviceIsNewer: true }],
      unchanged: [],
    });
    const older = { ...round1Later, updatedAt: '2026-03-01T00:00:00.000Z' };
    expect(
      planRestore([], { entries: [], questionnaires: [answeredRound1] }, [older]).questionnaires
        .replaced[0]?.deviceIsNewer,
    ).toBe(false);
  });

  it('leaves alone a questionnaire with the same answers in another order, and replaces one with another response date', () => {
    const reordered: BackupQuestionnaire = {
      ...answeredRound1,
      answers: Object.fromEntries(Object.entries(answeredRound1.answers).reverse()),
      openedAt: '2026-03-11T09:00:00.000Z',
    };
    expect(
      planRestore([], { entries: [], questionnaires: [answeredRound1] }, [reordered]).questionnaires
        .unchanged,
    ).toEqual([answeredRound1]);
    const { respondedAt: _none, ...notResponded } = answeredRound1;
    expect(
      planRestore([], { entries: [], questionnaires: [answeredRound1] }, [notResponded])
        .questionnaires.replaced,
    ).toHaveLength(1);
  });

  it('names a questionnaire by who sent it, its assessment and its round after the first', () => {
    expect(questionnaireTitle(answeredRound1.questionnaire)).toBe(
      'Questions from J. Smith · Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4',
    );
    expect(questionnaireTitle(openedRound2.questionnaire)).toMatch(/ · 2026-Q4 · round 2$/);
  });
});

/** Northwind as changed on the device after the backup: a member's weight and the name. */
const northwindLater: Group = {
  ...northwind,
  name: 'Northwind Group (EU)',
  members: northwind.members.map((member) => ({ ...member, weight: 2 })),
  updatedAt: '2026-12-01T10:00:00.000Z',
};

describe('planRestore: groups', () => {
  it('adds a group the device lacks, replaces one set up otherwise, and matches by id', () => {
    const plan = planRestore(
      [],
      { entries: [], groups: [northwind, southern] },
      [],
      [northwindLater],
    );
    expect(plan.groups).toEqual({
      added: [southern],
      replaced: [{ entry: northwind, existing: northwindLater, deviceIsNewer: true }],
      unchanged: [],
    });
  });

  it('leaves alone a group set up the same, whatever its dates', () => {
    const touched = { ...northwind, updatedAt: '2027-01-01T00:00:00.000Z' };
    expect(
      planRestore([], { entries: [], groups: [northwind] }, [], [touched]).groups.unchanged,
    ).toEqual([northwind]);
    // A group of another device with the same name is another group.
    const namesake = { ...northwind, id: '111111111111' };
    expect(
      planRestore([], { entries: [], groups: [northwind] }, [], [namesake]).groups.added,
    ).toEqual([northwind]);
  });
});

/** A store stand-in that records what is done to it, and can refuse one assessment. */
function recordingTarget(refuse?: string, refuseQuestionnaires = false) {
  const kept = new Map<string, Assessment>([['existing', victim]]);
  const questionnaires = new Map<string, BackupQuestionnaire>([
    [round1Later.questionnaire.questionnaireId, round1Later],
  ]);
  const groups = new Map<string, Group>([[northwind.id, northwindLater]]);
  let days = 180;
  let next = 0;
  const target: RestoreTarget = {
    add: (assessment) => {
      if (assessment.organisation === refuse)
        return fail({ path: 'organisation', message: 'is refused by this test' });
      const id = `added${(next += 1)}`;
      kept.set(id, assessment);
      return succeed(id);
    },
    replace: (id, assessment) => {
      if (!kept.has(id)) return fail({ path: '', message: 'There is no such assessment here.' });
      kept.set(id, assessment);
      return succeed(id);
    },
    remove: (id) => kept.delete(id),
    setStaleEvidenceDays: (value) => {
      days = value;
    },
    restoreQuestionnaires: (entries) => {
      if (refuseQuestionnaires) return fail({ path: '1', message: 'it is refused by this test' });
      for (const entry of entries) questionnaires.set(entry.questionnaire.questionnaireId, entry);
      return succeed(entries.length);
    },
    restoreGroups: (entries) => {
      for (const entry of entries) groups.set(entry.id, entry);
    },
  };
  return { target, kept, questionnaires, groups, days: () => days };
}

describe('applyRestore', () => {
  const newerVictim = changed(victim, '2027-01-01T00:00:00.000Z');
  const plan = planRestore(
    [{ id: 'existing', assessment: victim }],
    {
      entries: [entry(middle), entry(unicode), entry(newerVictim)],
      questionnaires: [answeredRound1, openedRound2],
      groups: [northwind, southern],
    },
    [round1Later],
    [northwindLater],
  );

  it('adds, replaces, keeps the questionnaires and the groups and takes the settings', () => {
    const { target, kept, questionnaires, groups, days } = recordingTarget();
    expect(applyRestore(plan, { staleEvidenceDays: 90 }, target)).toEqual(
      succeed({
        added: 2,
        replaced: 1,
        unchanged: 0,
        questionnaires: { added: 1, replaced: 1, unchanged: 0 },
        groups: { added: 1, replaced: 1, unchanged: 0 },
      }),
    );
    expect([...kept.values()]).toEqual([newerVictim, middle, unicode]);
    expect([...questionnaires.values()]).toEqual([answeredRound1, openedRound2]);
    expect([...groups.values()]).toEqual([northwind, southern]);
    expect(days()).toBe(90);
  });

  it('changes nothing when a group breaks its rules, and says which in plain words', () => {
    const { target, kept, questionnaires, groups, days } = recordingTarget();
    const broken = { ...southern, members: [{ organisation: '', scope: 'Core' }] };
    const result = applyRestore(
      { ...plan, groups: { ...plan.groups, added: [broken] } },
      { staleEvidenceDays: 90 },
      target,
    );
    expect(result).toEqual(
      fail({
        path: '',
        message:
          'The group "קבוצת הדרום" could not be restored, so nothing was: members[0].organisation: must not be empty',
      }),
    );
    expect([...kept.values()]).toEqual([victim]);
    expect([...questionnaires.values()]).toEqual([round1Later]);
    expect([...groups.values()]).toEqual([northwindLater]);
    expect(days()).toBe(180);
  });

  it('undoes every assessment when the questionnaires are refused, and names the one refused', () => {
    const { target, kept, questionnaires, groups, days } = recordingTarget(undefined, true);
    expect(applyRestore(plan, { staleEvidenceDays: 90 }, target)).toEqual(
      fail({
        path: '',
        message: `${questionnaireTitle(answeredRound1.questionnaire)} could not be restored, so nothing was: it is refused by this test`,
      }),
    );
    expect([...kept.values()]).toEqual([victim]);
    expect([...questionnaires.values()]).toEqual([round1Later]);
    expect([...groups.values()]).toEqual([northwindLater]);
    expect(days()).toBe(180);
  });

  it('undoes everything it did when the store refuses one assessment, and says which', () => {
    const { target, kept, groups, days } = recordingTarget(unicode.organisation);
    expect(applyRestore(plan, { staleEvidenceDays: 90 }, target)).toEqual(
      fail({
        path: 'organisation',
        message:
          'ПАО «Северный Телеком» · Κεντρικό δίκτυο και OSS/BSS · 2026-Q4 could not be restored, so nothing was: organisation: is refused by this test',
      }),
    );
    expect([...kept.values()]).toEqual([victim]);
    expect([...groups.values()]).toEqual([northwindLater]);
    expect(days()).toBe(180);
  });

  it('puts a replaced assessment back when a later one has gone from the device', () => {
    const { target, kept } = recordingTarget();
    const [replacement] = plan.replaced;
    if (!replacement) throw new Error('the plan replaces nothing');
    const deletedMeanwhile = { id: 'deleted-in-another-tab', assessment: victim };
    const result = applyRestore(
      { ...plan, replaced: [replacement, { ...replacement, existing: deletedMeanwhile }] },
      { staleEvidenceDays: 90 },
      target,
    );
    expect(result.ok).toBe(false);
    expect([...kept.values()]).toEqual([victim]);
  });
});
