import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/assessment/model.ts';
import { controlQuestions } from '../../../src/core/questionSet/coverage.ts';
import type { ControlQuestion, QuestionSet } from '../../../src/core/questionSet/schema.ts';
import { bandOrder } from '../../../src/core/scoring/bands.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { visibleQuestionIds } from '../../../src/core/scoring/visibility.ts';
import { answersArbitrary } from '../../support/arbitraries.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';

const set = loadShippedSet();
const controls = controlQuestions(set);
const runs = { numRuns: propertyRuns(1000) };
const scopeChoices = (answers: Record<string, Answer>) =>
  Object.fromEntries(
    set.questions.filter((q) => q.kind === 'scope').map((q) => [q.id, answers[q.id] ?? {}]),
  );
const rank = (band: string) => bandOrder.indexOf(band as (typeof bandOrder)[number]);

/** The answers with every shown control at its first (0) or last (1) option, scopes untouched. */
function allAt(answers: Record<string, Answer>, end: 'best' | 'worst'): Record<string, Answer> {
  const next: Record<string, Answer> = scopeChoices(answers);
  for (const q of controls) {
    const option = end === 'best' ? q.options[q.options.length - 1] : q.options[0];
    if (option) next[q.id] = { choice: option.id };
  }
  return next;
}

/** The coverage an answer gives, read straight from the question's options (not from score()). */
function coverageOf(question: ControlQuestion, answer: Answer | undefined): number | null {
  const choice = answer?.choice;
  if (choice === 'na' && typeof answer?.naReason === 'string' && answer.naReason.trim() !== '') {
    const compensated = Boolean(
      answer.compensatingControl?.trim() && answer.riskAcceptedBy?.trim(),
    );
    return question.critical && !compensated ? 0 : null;
  }
  return question.options.find((o) => o.id === choice)?.coverage ?? 0;
}

describe('score(): properties over random answers to the shipped set (1,000 runs each)', () => {
  const answers = answersArbitrary(set);

  it('keeps the total and every domain between 0 and 100, and every phase rating between 0 and 1', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        expect(result.risk).toBeGreaterThanOrEqual(0);
        expect(result.risk).toBeLessThanOrEqual(100);
        for (const d of result.domains) {
          if (d.risk === null) continue;
          expect(d.risk).toBeGreaterThanOrEqual(0);
          expect(d.risk).toBeLessThanOrEqual(100);
        }
        for (const p of result.phases) {
          for (const rating of [p.prevention, p.detection]) {
            if (rating === null) continue;
            expect(rating).toBeGreaterThanOrEqual(0);
            expect(rating).toBeLessThanOrEqual(1);
          }
        }
      }),
      runs,
    );
  });

  it('never makes anything worse when one answer improves: risk, domains, band, phase ratings, controls in place', () => {
    fc.assert(
      fc.property(answers, fc.nat(), fc.nat(), (a, pick, step) => {
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
        expect(rank(after.band)).toBeLessThanOrEqual(rank(before.band));
        after.domains.forEach((d, i) => {
          const earlier = before.domains[i]?.risk;
          if (d.risk !== null && earlier !== null && earlier !== undefined)
            expect(d.risk).toBeLessThanOrEqual(earlier);
        });
        after.phases.forEach((p, i) => {
          const then = before.phases[i];
          expect(p.prevention ?? 0).toBeGreaterThanOrEqual(then?.prevention ?? 0);
          expect(p.detection ?? 0).toBeGreaterThanOrEqual(then?.detection ?? 0);
          for (const id of then?.preventedBy ?? []) expect(p.preventedBy).toContain(id);
          for (const id of then?.detectedBy ?? []) expect(p.detectedBy).toContain(id);
        });
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
        expect(best.chain.unopposed).toEqual([]);
        expect(worst.risk).toBe(100);
        expect(worst.band).toBe('critical');
        expect(worst.chain.earliestDetection).toBeNull();
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
        expect(unknown.band).toBe(worst.band);
        expect(unknown.domains).toEqual(worst.domains);
        expect(unknown.phases).toEqual(worst.phases);
        if (!unknown.hidden.includes(question.id))
          expect(unknown.unverified).toContain(question.id);
      }),
      runs,
    );
  });

  it('takes a "not applicable" answer with a reason out of the denominators, on a critical control only with a compensating control', () => {
    const withoutQuestion = (id: string): QuestionSet => ({
      ...set,
      questions: set.questions.filter((q) => q.id !== id),
    });
    fc.assert(
      fc.property(answers, fc.nat(), fc.boolean(), (a, pick, compensated) => {
        const question = controls[pick % controls.length];
        if (!question) return;
        const na: Answer = {
          choice: 'na',
          naReason: 'Not operated here.',
          ...(compensated
            ? { compensatingControl: 'The provider audits it for us.', riskAcceptedBy: 'CISO' }
            : {}),
        };
        const withNa = score(set, { answers: { ...a, [question.id]: na } });
        if (question.critical && !compensated) {
          const worst = score(set, {
            answers: { ...a, [question.id]: { choice: question.options[0]?.id ?? 'unknown' } },
          });
          expect(withNa.risk).toBe(worst.risk);
          if (!withNa.hidden.includes(question.id)) {
            expect(withNa.uncompensated).toContain(question.id);
            expect(withNa.criticalGaps).toContain(question.id);
          }
          return;
        }
        const reference = score(withoutQuestion(question.id), { answers: a });
        expect(withNa.risk).toBe(reference.risk);
        expect(withNa.applicableWeight).toBe(reference.applicableWeight);
        expect(withNa.domains.map((d) => d.risk)).toEqual(reference.domains.map((d) => d.risk));
        if (question.critical && !withNa.hidden.includes(question.id))
          expect(withNa.compensated).toContain(question.id);
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

  it('holds the band at high or worse exactly when a critical control is below 0.7 or nothing detects', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        const visible = visibleQuestionIds(set, a);
        const expectedGaps = controls
          .filter((q) => q.critical && visible.has(q.id))
          .filter((q) => {
            const coverage = coverageOf(q, a[q.id]);
            return coverage !== null && coverage < 0.7;
          })
          .map((q) => q.id);
        expect(result.criticalGaps).toEqual(expectedGaps);
        if (expectedGaps.length > 0 || result.chain.earliestDetection === null)
          expect(['high', 'critical']).toContain(result.band);
        else expect(result.band).toBe(result.bandFromRisk);
      }),
      runs,
    );
  });

  it('never tells a contradiction: a low or medium band always has a detection in place and no critical gap', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        if (result.band === 'low' || result.band === 'medium') {
          expect(result.chain.earliestDetection).not.toBeNull();
          expect(result.criticalGaps).toEqual([]);
          expect(result.chain.unopposed.length).toBeLessThan(result.phases.length);
        }
        // A phase is unopposed exactly when nothing in place prevents or detects it.
        for (const phase of result.phases)
          expect(result.chain.unopposed.includes(phase.phaseId)).toBe(
            phase.preventedBy.length + phase.detectedBy.length === 0,
          );
      }),
      runs,
    );
  });

  it('credits a control in the chain only when it is in place and what it requires is in place too', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        const scored = new Map(result.questions.map((q) => [q.questionId, q]));
        const inPlace = (id: string) => {
          const q = scored.get(id);
          return !q || q.coverage === null || q.coverage >= 0.7;
        };
        for (const phase of result.phases) {
          for (const id of [...phase.preventedBy, ...phase.detectedBy]) {
            const question = controls.find((q) => q.id === id);
            expect(scored.get(id)?.coverage ?? 0).toBeGreaterThanOrEqual(0.7);
            for (const requirement of question?.requires ?? [])
              expect(requirement.anyOf.some(inPlace)).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it('never counts a hunt as a detection in place: a sweep finds an intruder later, it raises no alert', () => {
    const hunts = controls.filter((q) => q.effect.includes('hunt'));
    expect(hunts.map((q) => q.id)).toEqual(expect.arrayContaining(['IRH-01', 'IRH-02']));
    const best = (q: ControlQuestion) => ({ choice: q.options.at(-1)?.id ?? '' });
    const onlyHunts = Object.fromEntries(hunts.map((q) => [q.id, best(q)]));
    const result = score(set, { answers: onlyHunts });
    expect(result.chain.earliestDetection).toBeNull();
    expect(result.noDetection).toBe(true);
    expect(result.phases.flatMap((p) => p.detectedBy)).toEqual([]);
    // The hunts still lower the score like any other control.
    expect(result.risk).toBeLessThan(100);
  });
});
