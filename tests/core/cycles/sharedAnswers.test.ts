import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newAssessment } from '../../../src/core/assessment/create.ts';
import type { Answer, Assessment } from '../../../src/core/assessment/model.ts';
import { sharedAnswers, withSharedAnswers } from '../../../src/core/cycles/sharedAnswers.ts';
import type { QuestionSet } from '../../../src/core/questionSet/schema.ts';
import { loadQuestionSetLibrary } from '../../../src/node/questionSetFolder.ts';

const loaded = loadQuestionSetLibrary(
  join(import.meta.dirname, '../../fixtures/question-sets/library'),
);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const itSide = loaded.value.find((s) => s.id === 'it-side') as QuestionSet;
const netSide = loaded.value.find((s) => s.id === 'net-side') as QuestionSet;

function assessmentOf(
  set: QuestionSet,
  cycle: string,
  answers: Record<string, Answer>,
  details: { organisation?: string; scope?: string } = {},
): Assessment {
  const created = newAssessment(
    set,
    {
      organisation: details.organisation ?? 'Example Mobile',
      scope: details.scope ?? 'Whole operator',
      cycle,
    },
    new Date(`2026-11-0${cycle.endsWith('Q4') ? 2 : 1}T10:00:00Z`),
  );
  return { ...created, answers };
}

const offered = (target: Assessment, others: Assessment[]) =>
  sharedAnswers(
    { set: netSide, assessment: target },
    others.map((assessment) => ({
      set: assessment.questionSet.id === 'it-side' ? itSide : netSide,
      assessment,
    })),
  );

describe('answers shared between sets', () => {
  it('offers the other set’s confirmed answers, read into this set’s options and marked until confirmed', () => {
    const it = assessmentOf(
      itSide,
      '2026-Q4',
      {
        'NET-01': { choice: 'half', note: 'Syslog only', evidence: 'SIEM export' },
        'WEB-01': { choice: 'most' },
      },
      { organisation: '  example   MOBILE', scope: 'whole operator ' },
    );
    const target = assessmentOf(netSide, '2027-Q1', {});
    const offers = offered(target, [it]);
    expect(offers.map((o) => [o.questionId, o.fact, o.answer])).toEqual([
      [
        'NET-01',
        'Central log store',
        {
          choice: 'half',
          note: 'Syslog only',
          evidence: 'SIEM export',
          carriedOver: true,
          takenFrom: { set: 'it-side', cycle: '2026-Q4', question: 'NET-01' },
        },
      ],
      [
        'WEB-02',
        'Web tier shield',
        {
          choice: 'half',
          carriedOver: true,
          takenFrom: { set: 'it-side', cycle: '2026-Q4', question: 'WEB-01' },
        },
      ],
    ]);
    expect(withSharedAnswers(target, offers).answers['WEB-02']?.choice).toBe('half');
  });

  it('offers nothing from another organisation or scope, from the same set, or what was never confirmed there', () => {
    const target = assessmentOf(netSide, '2027-Q1', {});
    expect(
      offered(target, [
        assessmentOf(itSide, '2026-Q4', { 'NET-01': { choice: 'full' } }, { scope: 'Core only' }),
        assessmentOf(netSide, '2026-Q4', { 'NET-01': { choice: 'full' } }),
        assessmentOf(itSide, '2026-Q3', {
          'NET-01': { choice: 'full', carriedOver: true },
          'WEB-01': { choice: 'unknown' },
        }),
      ]),
    ).toEqual([]);
  });

  it('takes each fact from the latest cycle that answered it', () => {
    const target = assessmentOf(netSide, '2027-Q1', {});
    const offers = offered(target, [
      assessmentOf(itSide, '2026-Q3', {
        'NET-01': { choice: 'full' },
        'WEB-01': { choice: 'full' },
      }),
      assessmentOf(itSide, '2026-Q4', { 'NET-01': { choice: 'none' } }),
    ]);
    expect(offers.map((o) => [o.questionId, o.answer.choice, o.source.cycle])).toEqual([
      ['NET-01', 'none', '2026-Q4'],
      ['WEB-02', 'full', '2026-Q3'],
    ]);
  });

  it('leaves a confirmed answer alone, and replaces an unconfirmed one only with a later cycle’s', () => {
    const it = assessmentOf(itSide, '2026-Q4', {
      'NET-01': { choice: 'full' },
      'WEB-01': { choice: 'full' },
    });
    const confirmedHere = assessmentOf(netSide, '2027-Q1', { 'NET-01': { choice: 'none' } });
    expect(offered(confirmedHere, [it]).map((o) => o.questionId)).toEqual(['WEB-02']);

    const carriedFromQ3 = {
      ...assessmentOf(netSide, '2027-Q1', {
        'NET-01': { choice: 'none', carriedOver: true },
        'WEB-02': {
          choice: 'full',
          carriedOver: true,
          takenFrom: { set: 'it-side', cycle: '2026-Q4', question: 'WEB-01' },
        },
      }),
      carriedFrom: '2026-Q3',
    } satisfies Assessment;
    // NET-01 was carried from 2026-Q3, older than it-side's 2026-Q4; WEB-02 already holds 2026-Q4.
    expect(offered(carriedFromQ3, [it]).map((o) => o.questionId)).toEqual(['NET-01']);
    // The answer WEB-02 was taken from has changed since ("half" there reads "none" here).
    const changedThere = { ...it, answers: { ...it.answers, 'WEB-01': { choice: 'half' } } };
    expect(
      offered(carriedFromQ3, [changedThere]).map((o) => [o.questionId, o.answer.choice]),
    ).toEqual([
      ['NET-01', 'full'],
      ['WEB-02', 'none'],
    ]);
  });

  it('offers the other set’s answer of the same cycle where a confirmed answer says otherwise', () => {
    const it = assessmentOf(itSide, '2026-Q4', {
      'NET-01': { choice: 'full' },
      'WEB-01': { choice: 'none' },
    });
    const disagreeing = assessmentOf(netSide, '2026-Q4', {
      'NET-01': { choice: 'none', note: 'Checked in October' },
      'WEB-02': { choice: 'none' },
    });
    const offers = offered(disagreeing, [it]);
    expect(offers.map((o) => [o.questionId, o.replaces?.choice, o.answer.choice])).toEqual([
      ['NET-01', 'none', 'full'],
    ]);
    expect(offers[0]?.answer.note).toBe('Checked in October');
    // Read both ways: "half" here is what "half" there reads as, though "half" there reads "none"
    // here (two options there share one here); that is no disagreement.
    const agreeing = assessmentOf(netSide, '2026-Q4', { 'WEB-02': { choice: 'half' } });
    const halfThere = assessmentOf(itSide, '2026-Q4', { 'WEB-01': { choice: 'half' } });
    expect(offered(agreeing, [halfThere])).toEqual([]);
    // An older cycle of the other set does not overrule this cycle's confirmed answer.
    expect(offered({ ...disagreeing, cycle: '2027-Q1' }, [it])).toEqual([]);
  });

  it('keeps the owner, the due date and the note of the answer it replaces', () => {
    const it = assessmentOf(itSide, '2026-Q4', {
      'NET-01': { choice: 'full', note: 'From the SIEM team', evidence: 'SIEM export' },
    });
    const carried = {
      ...assessmentOf(netSide, '2027-Q1', {
        'NET-01': {
          choice: 'none',
          carriedOver: true,
          owner: 'Core network team',
          due: '2027-03-31',
          note: 'Our own note',
        },
      }),
      carriedFrom: '2026-Q3',
    } satisfies Assessment;
    expect(offered(carried, [it])[0]?.answer).toEqual({
      choice: 'full',
      note: 'Our own note',
      evidence: 'SIEM export',
      owner: 'Core network team',
      due: '2027-03-31',
      carriedOver: true,
      takenFrom: { set: 'it-side', cycle: '2026-Q4', question: 'NET-01' },
    });
  });

  it('never rewrites an earlier cycle with a later one, and passes on nothing when the latest says "Don\'t know"', () => {
    const q3 = assessmentOf(netSide, '2026-Q3', { 'NET-01': { choice: 'half' } });
    const laterThere = assessmentOf(itSide, '2026-Q4', { 'NET-01': { choice: 'full' } });
    expect(offered(q3, [laterThere])).toEqual([]);
    const earlierKnown = assessmentOf(itSide, '2026-Q3', { 'NET-01': { choice: 'full' } });
    const latestUnknown = assessmentOf(itSide, '2026-Q4', { 'NET-01': { choice: 'unknown' } });
    const fresh = assessmentOf(netSide, '2027-Q1', {});
    expect(offered(fresh, [earlierKnown, latestUnknown])).toEqual([]);
  });
});
