import { describe, expect, it } from 'vitest';
import {
  carryForward,
  cycleSeries,
  isEvidenceStale,
  latestCycle,
  nextCycleLabel,
  previousCycle,
} from '../../../src/core/cycles/cycles.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

describe('cycles', () => {
  it('names the next cycle in the same cadence, and never proposes "(next)" after an unreadable label', () => {
    const today = new Date('2026-11-26T10:00:00Z');
    expect(nextCycleLabel('2026-Q3', today)).toBe('2026-Q4');
    expect(nextCycleLabel('2026-Q4', today)).toBe('2027-Q1');
    expect(nextCycleLabel('2026-H2', today)).toBe('2027-H1');
    expect(nextCycleLabel('2026', today)).toBe('2027');
    expect(nextCycleLabel('Q4 2026', today)).toBe('2026-Q4');
  });

  it('orders a series by its cycles, not by when each was started, and finds the previous cycle by the same order', () => {
    const base = fixtureAssessment('middle-profile');
    const at = (cycle: string, createdAt: string) => ({
      assessment: { ...base, cycle, createdAt },
    });
    // 2026-Q3 entered late (after 2027-Q1), as when an older quarter is caught up on.
    const q3 = at('2026-Q3', '2027-02-01T00:00:00Z');
    const q4 = at('2026-Q4', '2026-10-01T00:00:00Z');
    const q1 = at('2027-Q1', '2027-01-05T00:00:00Z');
    const all = [q1, q3, q4];
    expect(cycleSeries(all, q4.assessment).map((x) => x.assessment.cycle)).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
    ]);
    expect(previousCycle(all, q4.assessment)?.assessment.cycle).toBe('2026-Q3');
    expect(previousCycle(all, q3.assessment)).toBeUndefined();
    expect(latestCycle(all, q3.assessment)?.assessment.cycle).toBe('2027-Q1');
  });

  it('carries every answer forward, marked for confirmation, with owners, due dates, notes and evidence', () => {
    const previous = fixtureAssessment('middle-profile');
    const next = carryForward(previous, { cycle: '2027-Q1' }, new Date('2027-01-05T09:00:00Z'));
    expect(next.cycle).toBe('2027-Q1');
    expect(next.carriedFrom).toBe('2026-Q4');
    expect(next.createdAt).toBe('2027-01-05T09:00:00.000Z');
    expect(Object.keys(next.answers)).toEqual(Object.keys(previous.answers));
    expect(next.answers['EDR-03']).toEqual({ ...previous.answers['EDR-03'], carriedOver: true });
    expect(next.answers['EDR-03']?.owner).toBe('SOC lead');
    expect(next.answers['EDR-03']?.due).toBe('2027-01-31');
    expect(previous.answers['EDR-03']?.carriedOver).toBeUndefined();
  });

  it('carries an answer once taken from another set as carried over from this cycle', () => {
    const previous = fixtureAssessment('middle-profile');
    previous.answers['SEG-06'] = {
      choice: 'most',
      carriedOver: true,
      takenFrom: { set: 'comms-hardening', cycle: '2026-Q4', question: 'MPL-01' },
    };
    const next = carryForward(previous, { cycle: '2027-Q1' }, new Date('2027-01-05T09:00:00Z'));
    expect(next.answers['SEG-06']).toEqual({ choice: 'most', carriedOver: true });
  });

  it('flags evidence older than the limit, and carried-over evidence without a date', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    // 2026-05-30 is 180 days before 2026-11-26; 2026-05-29 is 181.
    expect(isEvidenceStale({ evidence: 'scan report', evidenceDate: '2026-05-30' }, now, 180)).toBe(
      false,
    );
    expect(isEvidenceStale({ evidence: 'scan report', evidenceDate: '2026-05-29' }, now, 180)).toBe(
      true,
    );
    expect(isEvidenceStale({ evidence: 'scan report', evidenceDate: '2026-05-29' }, now, 365)).toBe(
      false,
    );
    expect(isEvidenceStale({ evidence: 'scan report', carriedOver: true }, now, 180)).toBe(true);
    expect(isEvidenceStale({ evidence: 'scan report' }, now, 180)).toBe(false);
    expect(isEvidenceStale({ note: 'no evidence' }, now, 180)).toBe(false);
  });

  it('groups cycles by organisation and scope and finds the previous one', () => {
    const q3 = {
      assessment: {
        ...fixtureAssessment('middle-profile'),
        cycle: '2026-Q3',
        createdAt: '2026-07-01T00:00:00Z',
      },
    };
    const q4 = {
      assessment: {
        ...fixtureAssessment('middle-profile'),
        cycle: '2026-Q4',
        createdAt: '2026-10-01T00:00:00Z',
      },
    };
    const other = {
      assessment: {
        ...fixtureAssessment('middle-profile'),
        scope: 'Corporate IT',
        createdAt: '2026-08-01T00:00:00Z',
      },
    };
    const q1 = {
      assessment: {
        ...fixtureAssessment('middle-profile'),
        organisation: ' example networks (MID-JOURNEY profile) ',
        cycle: '2027-Q1',
        createdAt: '2027-01-01T00:00:00Z',
      },
    };
    const all = [q4, other, q1, q3];
    expect(cycleSeries(all, q4.assessment).map((x) => x.assessment.cycle)).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
    ]);
    expect(previousCycle(all, q1.assessment)).toBe(q4);
    expect(previousCycle(all, q3.assessment)).toBeUndefined();
  });
});
