import { describe, expect, it } from 'vitest';
import {
  compareCycles,
  cycleOfDate,
  cycleProblem,
  cycleText,
  followingCycle,
  parseCycle,
} from '../../../src/core/cycles/cycleLabel.ts';

describe('cycle labels', () => {
  it('accepts a quarter, a half-year and a year, and nothing else', () => {
    expect(parseCycle('2026-Q4')).toEqual({ year: 2026, cadence: 'quarter', part: 4 });
    expect(parseCycle(' 2026-H2 ')).toEqual({ year: 2026, cadence: 'half', part: 2 });
    expect(parseCycle('2026')).toEqual({ year: 2026, cadence: 'year', part: 1 });
    for (const label of ['Q4 2026', '2026-Q5', '2026-H3', '2026 Q4', 'FY26', '2026-q4', ''])
      expect(parseCycle(label), label).toBeUndefined();
  });

  it('says how to write a label that is not a cycle, proposing the spelling it most likely means', () => {
    expect(cycleProblem('2026-Q4')).toBeUndefined();
    expect(cycleProblem('Q4 2026')).toBe('Write the cycle as 2026-Q4.');
    expect(cycleProblem('2026 h2')).toBe('Write the cycle as 2026-H2.');
    expect(cycleProblem('Q4 2026 (next)')).toBe(
      'Write the cycle as a quarter (2026-Q4), a half-year (2026-H2) or a year (2026).',
    );
    expect(cycleProblem('  ')).toBe('Enter the cycle, such as 2026-Q4.');
  });

  it('steps to the following period of the same cadence, across the year end', () => {
    const next = (label: string) => {
      const cycle = parseCycle(label);
      return cycle ? cycleText(followingCycle(cycle)) : undefined;
    };
    expect(next('2026-Q4')).toBe('2027-Q1');
    expect(next('2026-Q2')).toBe('2026-Q3');
    expect(next('2026-H1')).toBe('2026-H2');
    expect(next('2026-H2')).toBe('2027-H1');
    expect(next('2026')).toBe('2027');
  });

  it('names the period a date falls in for each cadence', () => {
    const day = new Date(2026, 10, 26);
    expect(cycleText(cycleOfDate(day, 'quarter'))).toBe('2026-Q4');
    expect(cycleText(cycleOfDate(day, 'half'))).toBe('2026-H2');
    expect(cycleText(cycleOfDate(day, 'year'))).toBe('2026');
    expect(cycleText(cycleOfDate(new Date(2026, 2, 31), 'quarter'))).toBe('2026-Q1');
  });

  it('orders cycles by when their period ends, the shorter first, with unreadable labels last', () => {
    const labels = ['2027-Q1', 'Q4 2026', '2026', '2026-H2', '2026-Q4', '2026-Q2', '2026-H1'];
    expect([...labels].sort(compareCycles)).toEqual([
      '2026-Q2',
      '2026-H1',
      '2026-Q4',
      '2026-H2',
      '2026',
      '2027-Q1',
      'Q4 2026',
    ]);
    expect(compareCycles('2026-Q4', '2026-Q4')).toBe(0);
  });
});
