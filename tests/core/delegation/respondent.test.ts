import { describe, expect, it } from 'vitest';
import { laterRound } from '../../../src/core/delegation/respondent.ts';

const entry = (questionnaireId: string, round: number, key = 'k1', to = 'ana') => ({
  questionnaire: {
    questionnaireId,
    round,
    createdAt: `2026-03-1${round}T09:00:00.000Z`,
    assessment: { key },
    to: { id: to },
  },
});

describe('laterRound', () => {
  it('names the latest later round for the same person and assessment, and nothing else', () => {
    const first = entry('q1', 1);
    const second = entry('q2', 2);
    const third = entry('q3', 3);
    const otherPerson = entry('q4', 5, 'k1', 'bo');
    const otherAssessment = entry('q5', 6, 'k2');
    const all = [first, second, third, otherPerson, otherAssessment];
    expect(laterRound(first, all)).toBe(third);
    expect(laterRound(second, all)).toBe(third);
    expect(laterRound(third, all)).toBeUndefined();
    expect(laterRound(otherPerson, all)).toBeUndefined();
  });
});
