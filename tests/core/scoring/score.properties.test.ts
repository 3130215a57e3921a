import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/assessment/model.ts';
import { controlQuestions } from '../../../src/core/questionSet/coverage.ts';
import type { QuestionSet } from '../../../src/core/questionSet/schema.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { visibleQuestionIds } from '../../../src/core/scoring/visibility.ts';
import { answersArbitrary } from '../../support/arbitraries.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

const set = loadShippedSet();
const controls = controlQuestions(set);
const runs = { numRuns: 1000 };
const scopeChoices = (answers: Record<string, Answer>) =>
  Object.fromEntries(
    set.questions.filter((q) => q.kind === 'scope').map((q) => [q.id, answers[q.id] ?? {}]),
  );

/** The answers with every shown control at its first (0) or last (1) option, scopes untouched. */
function allAt(answers: Record<string, Answer>, end: 'best' | 'worst'): Record<string, Answer> {
  const next: Record<string, Answer> = scopeChoices(answers);
  for (const q of controls) {
    const option = end === 'best' ? q.options[q.options.length - 1] : q.options[0];
    if (option) next[q.id] = { choice: option.id };
  }
  return next;
}

describe('score(): properties over random answers to the shipped set (1,000 runs each)', () => {
  const answers = answersArbitrary(set);

  it('keeps the total and every domain between 0 and 100', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        expect(result.risk).toBeGreaterThanOrEqual(0);
        expect(result.risk).toBeLessThanOrEqual(100);
        for (const d of result.domains) {
          if (d.risk !== null) {
            expect(d.risk).toBeGreaterThanOrEqual(0);
            expect(d.risk).toBeLessThanOrEqual(100);
          }
        }
        for (const p of result.phases) {
          expect(p.strength).toBeGreaterThanOrEqual(0);
          expect(p.strength).toBeLessThanOrEqual(0.9);
        }
      }),
      runs,
    );
  });

  it('never raises the total or any domain when one answer improves', () => {
    const visibleControl = fc.nat();
    fc.assert(
      fc.property(answers, visibleControl, fc.nat(), (a, pick, step) => {
        const visible = visibleQuestionIds(set, a);
        const candidates = controls.filter((q) => visible.has(q.id) && a[q.id]?.choice !== 'na');
        const question = candidates[pick % candidates.length];
        if (!question) return;
        const current = question.options.findIndex((o) => o.id === a[question.id]?.choice);
        const better = question.options.slice(current + 1);
        const target = better[step % Math.max(better.length, 1)];
        if (!target) return;
        const before = score(set, { answers: a });
        const after = score(set, { answers: { ...a, [question.id]: { choice: target.id } } });
        expect(after.risk).toBeLessThanOrEqual(before.risk);
        after.domains.forEach((d, i) => {
          const earlier = before.domains[i]?.risk;
          if (d.risk !== null && earlier !== null && earlier !== undefined)
            expect(d.risk).toBeLessThanOrEqual(earlier);
        });
        after.phases.forEach((p, i) =>
          expect(p.strength).toBeGreaterThanOrEqual(before.phases[i]?.strength ?? 0),
        );
      }),
      runs,
    );
  });

  it('gives 0 for all best answers and exactly 100 for all worst, whatever the scoping answers', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const best = score(set, { answers: allAt(a, 'best') });
        const worst = score(set, { answers: allAt(a, 'worst') });
        expect(best.risk).toBe(0);
        expect(best.band).toBe('low');
        expect(worst.risk).toBe(100);
        expect(worst.band).toBe('critical');
      }),
      runs,
    );
  });

  it('scores "unknown" exactly like the worst option, and lists it as unverified', () => {
    fc.assert(
      fc.property(answers, fc.nat(), (a, pick) => {
        const question = controls[pick % controls.length];
        if (!question?.options[0]) return;
        const unknown = score(set, { answers: { ...a, [question.id]: { choice: 'unknown' } } });
        const worst = score(set, {
          answers: { ...a, [question.id]: { choice: question.options[0].id } },
        });
        expect(unknown.risk).toBe(worst.risk);
        expect(unknown.domains).toEqual(worst.domains);
        expect(unknown.phases).toEqual(worst.phases);
        if (!unknown.hidden.includes(question.id))
          expect(unknown.unverified).toContain(question.id);
      }),
      runs,
    );
  });

  it('takes a "not applicable" answer with a reason out of the denominators', () => {
    fc.assert(
      fc.property(answers, fc.nat(), (a, pick) => {
        const question = controls[pick % controls.length];
        if (!question) return;
        const withNa = score(set, {
          answers: { ...a, [question.id]: { choice: 'na', note: 'Not operated here.' } },
        });
        const withoutQuestion: QuestionSet = {
          ...set,
          questions: set.questions.filter((q) => q.id !== question.id),
        };
        const reference = score(withoutQuestion, { answers: a });
        expect(withNa.risk).toBe(reference.risk);
        expect(withNa.applicableWeight).toBe(reference.applicableWeight);
        expect(withNa.domains.map((d) => d.risk)).toEqual(reference.domains.map((d) => d.risk));
      }),
      runs,
    );
  });

  it('explains the total: per-question contributions add up to it, and per domain too', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        const sum = result.questions.reduce((total, q) => total + q.contribution, 0);
        expect(sum).toBeCloseTo(result.risk, 9);
        const domainSum = result.domains.reduce((total, d) => total + d.contribution, 0);
        expect(domainSum).toBeCloseTo(result.risk, 9);
      }),
      runs,
    );
  });

  it('ignores the answer to a hidden question', () => {
    fc.assert(
      fc.property(answers, fc.nat(), (a, pick) => {
        const hidden = score(set, { answers: a }).hidden;
        const id = hidden[pick % Math.max(hidden.length, 1)];
        const question = controls.find((q) => q.id === id);
        if (!question) return;
        const changed = { ...a, [question.id]: { choice: question.options[0]?.id ?? 'unknown' } };
        expect(score(set, { answers: changed })).toEqual(score(set, { answers: a }));
      }),
      runs,
    );
  });

  it('gives the same result for the same answers, whatever their key order', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const reversed = Object.fromEntries(Object.entries(a).reverse());
        expect(score(set, { answers: reversed })).toEqual(score(set, { answers: a }));
      }),
      runs,
    );
  });

  it('keeps the band at high or worse while any critical control is below full coverage', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        if (result.criticalGaps.length > 0) expect(['high', 'critical']).toContain(result.band);
        else expect(result.band).toBe(result.bandFromRisk);
      }),
      runs,
    );
  });
});
