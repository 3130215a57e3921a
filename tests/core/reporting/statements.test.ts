import { describe, expect, it } from 'vitest';
import { plan } from '../../../src/core/planning/plan.ts';
import { resultStatements } from '../../../src/core/reporting/statements.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const set = loadShippedSet();
const statementsOf = (name: string) => {
  const assessment = fixtureAssessment(name);
  const result = score(set, assessment);
  return { result, statements: resultStatements(set, result, plan(set, assessment, result)) };
};

describe('the statements of a result agree with each other', () => {
  it('never says "no detection before" a phase when nothing detects at any phase', () => {
    const { result, statements } = statementsOf('soft-cell-victim');
    expect(result.chain.earliestDetection).toBeNull();
    expect(statements.chain.detection).toMatch(/^Detection in place: none\./);
    expect(statements.assumeBreach).toContain('no detection in place at any phase');
    expect(statements.assumeBreach).not.toMatch(/no detection in place before/);
  });

  it('names the phase of the first detection when the breach is assumed because detection comes late', () => {
    const victim = fixtureAssessment('soft-cell-victim');
    // SUB-08 (alerts on large transfers) detects only the last phase.
    const sub08 = set.questions.find((q) => q.id === 'SUB-08');
    if (sub08?.kind !== 'control') throw new Error('SUB-08 is a control of the shipped set');
    const best = sub08.options.reduce((a, b) => (b.coverage > a.coverage ? b : a));
    const assessment = {
      ...victim,
      answers: { ...victim.answers, 'SUB-08': { choice: best.id } },
    };
    const result = score(set, assessment);
    const statements = resultStatements(set, result, plan(set, assessment, result));
    expect(result.chain.earliestDetection).toBe('P8');
    expect(statements.chain.detection).toMatch(/^First detection in place: P8 /);
    expect(statements.assumeBreach).toContain('no detection in place before P8 ');
  });
});
