import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { answerChanges, changesSummary } from '../../src/core/comparison/answerChanges.ts';
import { pointsMove } from '../../src/core/comparison/direction.ts';
import { compare } from '../../src/core/comparison/compare.ts';
import { score } from '../../src/core/scoring/score.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { reportOf } from '../support/report.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const set = loadShippedSet();

/** Q3 had a WAF on some applications and did not know its log reviews; Q4 improved both, not fully. */
function twoCycles() {
  const previous: Assessment = { ...fixtureAssessment('middle-profile'), cycle: '2026-Q3' };
  previous.answers = { ...previous.answers, 'EXP-02': { choice: 'some' } };
  const current = structuredClone(previous);
  current.cycle = '2026-Q4';
  current.createdAt = '2027-01-05T09:00:00.000Z';
  current.answers['EXP-02'] = { choice: 'all' };
  current.answers['LOG-06'] = { choice: 'quarterly' };
  current.answers['EXP-03'] = { choice: 'verified' };
  current.answers['PRV-02'] = { choice: 'policy' };
  return { previous, current };
}

/** The text of the "Since …" section of the report of `current` against `previous`. */
async function sinceSection(previous: Assessment, current: Assessment) {
  const report = reportOf(current, { previous, generatedAt: new Date('2027-01-10T12:00:00Z') });
  const index = report.sections.findIndex((s) => s.title.includes('Since'));
  const pages = await pdfPages(report.pdf);
  const first = report.sections[index]?.page ?? 1;
  const next = report.sections[index + 1]?.page ?? pages.length + 1;
  return squash(pages.slice(first - 1, next - 1).join(' '));
}

describe('the "Since …" section of the report', () => {
  it('shows every changed answer, grouped, with the labels before and now and its score effect, as the compare page does', async () => {
    const { previous, current } = twoCycles();
    const text = await sinceSection(previous, current);
    const changes = answerChanges(
      set,
      compare(set, previous, current),
      { assessment: previous, result: score(set, previous) },
      { assessment: current, result: score(set, current) },
    );
    expect(changes.improved.map((c) => c.questionId)).toEqual(['EXP-02', 'EXP-03', 'LOG-06']);
    const titleOf = new Map(set.questions.map((q) => [q.id, q.title]));
    for (const [heading, group] of [
      ['Improved', changes.improved],
      ['Worse', changes.worse],
    ] as const) {
      expect(text).toContain(squash(`${heading} (${group.length})`));
      for (const change of group)
        expect(text).toContain(
          squash(
            `${change.questionId} ${titleOf.get(change.questionId)} ${change.from} ${change.to} ${pointsMove(change.effect)}`,
          ),
        );
    }
    expect(text).toContain(squash('Newly answered (0)'));
    expect(text).toContain(squash("LOG-06 Quarterly tests of detections Don't know Quarterly"));
  });

  it('shows each closed gap with its answer before and now', async () => {
    const { previous, current } = twoCycles();
    const text = await sinceSection(previous, current);
    expect(text).toContain(squash('Gaps closed (1)'));
    expect(text).toContain(
      squash('EXP-03 Edge patching within 14 days: Within 30 days → Within 14 days, measured'),
    );
  });

  it("writes the due dates of last cycle's plan in the report's date format", async () => {
    const { previous, current } = twoCycles();
    const text = await sinceSection(previous, current);
    expect(text).toContain(squash('30 June 2027'));
    expect(text).not.toContain('2027-06-30');
  });

  it('sums the changes up in the executive summary with the improvements, not only gaps closed and regressions', async () => {
    const { previous, current } = twoCycles();
    const report = reportOf(current, { previous, generatedAt: new Date('2027-01-10T12:00:00Z') });
    const pages = await pdfPages(report.pdf);
    const [summary, next] = report.sections;
    const text = squash(pages.slice((summary?.page ?? 1) - 1, (next?.page ?? 2) - 1).join(' '));
    const changes = answerChanges(
      set,
      compare(set, previous, current),
      { assessment: previous, result: score(set, previous) },
      { assessment: current, result: score(set, current) },
    );
    expect(changes.improved.length).toBeGreaterThan(changes.closedGaps.length);
    expect(text).toContain(squash(changesSummary(changes)));
    expect(text).toContain(squash(`${changes.improved.length} answers improved`));
    expect(text).not.toContain('regressed');
  });
});
