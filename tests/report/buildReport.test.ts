import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { formatPoints, formatRisk } from '../../src/core/format.ts';
import { plan } from '../../src/core/planning/plan.ts';
import { unverifiedNote } from '../../src/core/reporting/labels.ts';
import { resultStatements } from '../../src/core/reporting/statements.ts';
import { bandLabel } from '../../src/core/scoring/bands.ts';
import { score } from '../../src/core/scoring/score.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { reportOf } from '../support/report.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const set = loadShippedSet();

function build(
  assessment: Assessment,
  previous?: Assessment,
  onProgress?: (done: number, total: number) => void,
) {
  const result = score(set, assessment);
  const report = reportOf(assessment, {
    ...(previous ? { previous } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return { report, result, actions: plan(set, assessment, result).actions };
}

describe('buildReport', () => {
  it.each(['soft-cell-victim', 'middle-profile', 'mature-operator', 'all-best', 'all-worst'])(
    'writes every section, the exact score and every plan action for the %s fixture',
    async (name) => {
      const assessment = fixtureAssessment(name);
      const { report, result, actions } = build(assessment);
      const pages = await pdfPages(report.pdf);
      expect(pages).toHaveLength(report.pageCount);
      const all = pages.join('\n');
      for (const heading of [
        'Contents',
        '1. Executive summary',
        '2. Risk by domain and attack chain',
        '3. Remediation plan',
        '4. Findings by domain',
        '5. Methodology',
      ]) {
        expect(all).toContain(heading);
      }
      expect(pages[0]).toContain(assessment.organisation);
      expect(pages[0]).toContain('softcell 2.0.0');
      expect(pages[0]).toContain('CONFIDENTIAL');
      expect(all).toContain(`Risk ${formatRisk(result.risk)} / 100`);
      expect(all).toContain(`${bandLabel[result.band]} exposure`);
      const text = squash(all);
      for (const action of actions) expect(text).toContain(squash(action.action));
      for (const question of set.questions) expect(text).toContain(question.id);
      pages.forEach((page, index) => {
        expect(page).toContain('CONFIDENTIAL');
        expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      });
      expect(report.warnings).toEqual([]);
    },
  );

  it('lists the contents with the page each section starts on', async () => {
    const { report } = build(fixtureAssessment('middle-profile'));
    const pages = await pdfPages(report.pdf);
    for (const section of report.sections) {
      expect(squash(pages[1] ?? '')).toContain(squash(`${section.title} ${section.page}`));
      expect(pages[section.page - 1]).toContain(section.title);
    }
  });

  it('gives management the programmes, the chain statements and the band reasons in the executive summary', async () => {
    const assessment = fixtureAssessment('middle-profile');
    const { report, result } = build(assessment);
    const remediation = plan(set, assessment, result);
    const statements = resultStatements(set, result, remediation);
    const [summary, next] = report.sections;
    const pages = await pdfPages(report.pdf);
    const text = squash(pages.slice((summary?.page ?? 1) - 1, (next?.page ?? 2) - 1).join(' '));
    for (const programme of remediation.programmes) {
      expect(text).toContain(squash(programme.title));
      expect(text).toContain(squash(`−${formatPoints(programme.riskReduction)}`));
    }
    for (const sentence of [
      statements.chain.unopposed,
      statements.chain.detection,
      statements.chain.prevention,
      statements.bandMeaning,
      ...statements.bandReasons,
    ])
      expect(text).toContain(squash(sentence));
  });

  it('opens the plan with the assume-breach steps and says why when an intruder may already be inside', async () => {
    const assessment = fixtureAssessment('soft-cell-victim');
    const { report, result } = build(assessment);
    const remediation = plan(set, assessment, result);
    expect(remediation.assumeBreach).toBe(true);
    const planSection = report.sections.find((s) => s.title.endsWith('Remediation plan'));
    const pages = await pdfPages(report.pdf);
    const text = squash(pages.slice((planSection?.page ?? 1) - 1).join(' '));
    const statement = resultStatements(set, result, remediation).assumeBreach ?? 'missing';
    expect(text).toContain(squash(statement));
    expect(text).toContain(squash(`1 ${remediation.actions[0]?.action ?? 'missing'}`));
    expect(text).toContain(squash('ASSUME BREACH: START NOW'));
  });

  it("shows each action's how-to text, its framework links and a due date later than its horizon", async () => {
    const assessment = fixtureAssessment('middle-profile');
    const late = {
      ...assessment,
      answers: { ...assessment.answers, 'CRD-03': { choice: 'partial', due: '2028-12-31' } },
    };
    const { report, actions } = build(late);
    const text = squash((await pdfPages(report.pdf)).join(' '));
    for (const action of actions) {
      expect(text).toContain(squash(action.detail));
      expect(text).toContain(squash(`CSF ${action.nistCsf.join(', ')}`));
    }
    expect(actions.find((a) => a.id === 'CRD-03')?.dueAfterHorizon).toBe(true);
    expect(text).toContain(squash('31 December 2028 AFTER HORIZON'));
  });

  it('lists its sources and marks the unverified recommendations in the methodology', async () => {
    const { report } = build(fixtureAssessment('middle-profile'));
    const methodology = report.sections.find((s) => s.title.endsWith('Methodology'));
    const pages = await pdfPages(report.pdf);
    const text = squash(pages.slice((methodology?.page ?? 1) - 1).join(' '));
    for (const source of set.sources)
      expect(text).toContain(squash(`[${source.id}] ${source.publisher}`));
    expect(text).toContain(squash('R2* Minimal and patched exposure'));
    expect(text).toContain(squash(unverifiedNote));
    expect(text).toContain(squash(`"${set.recommendations[0]?.quote ?? 'missing'}"`));
  });

  it('brings Cyrillic, Greek, Polish and Arabic text back intact and marks what the font cannot draw', async () => {
    const assessment = fixtureAssessment('unicode-operator');
    const { report } = build(assessment);
    const all = (await pdfPages(report.pdf)).join('\n');
    const text = squash(all);
    expect(text).toContain(squash('ПАО «Северный Телеком»'));
    expect(text).toContain(squash('Κεντρικό δίκτυο και OSS/BSS'));
    expect(text).toContain(squash('Zażółć Gęślą-Jaźń'));
    expect(text).toContain(
      squash('Zapora WAF działa w trybie blokowania na wszystkich portalach.'),
    );
    expect(text).toContain(squash('Защита LSASS включена на 80% серверов.'));
    expect(text).toContain(squash('Ελένη Παπαδοπούλου'));
    // Arabic is shaped into presentation forms and drawn in visual order, which a reader (here
    // pdf.js) turns back into the logical order, letter for letter once normalised.
    const logical = squash(all.normalize('NFKC'));
    expect(logical).toContain(squash('تمت مراجعة سجلات الاستعلام'));
    expect(logical).toContain(squash('فريق قواعد البيانات'));
    expect(all).toContain('□□□□□□□□□□□□');
    expect(all).not.toContain('中');
    expect(report.warnings).toEqual([
      'The report font cannot draw U+202E U+202C in the note of VUL-01; each was replaced by □ in the PDF.',
      'The report font cannot draw 中 国 移 动 核 心 网 日 志 保 留 一 年 in the note of LOG-01; each was replaced by □ in the PDF.',
    ]);
  });

  it('draws typed markup and PDF syntax as plain text', async () => {
    const { report } = build(fixtureAssessment('unicode-operator'));
    const text = squash((await pdfPages(report.pdf)).join('\n'));
    expect(text).toContain(squash('<img src=x onerror=alert(1)> <script>alert("x")</script>'));
    expect(text).toContain(
      squash(') Tj ET BT /JavaScript << /S /JavaScript /JS (app.alert(1)) >> %PDF-1.7'),
    );
    // No active content anywhere in the file: no script, no launch, no web link, no form.
    const raw = new TextDecoder('latin1').decode(report.pdf);
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|URI|AcroForm|EmbeddedFile)\b/);
  });

  it('says what changed since the previous cycle when one is given', async () => {
    const previous = { ...fixtureAssessment('soft-cell-victim'), cycle: '2026-Q3' };
    const current = fixtureAssessment('middle-profile');
    const { report, result } = build(current, previous);
    const all = (await pdfPages(report.pdf)).join('\n');
    const before = score(set, previous);
    expect(all).toContain('Since 2026-Q3');
    expect(all).toContain(
      `from ${formatRisk(before.risk)} (Critical) to ${formatRisk(result.risk)} (High)`,
    );
    expect(all).toContain('3. Since 2026-Q3');
    expect(all).toMatch(/Risk per domain\s+Domain\s+2026-Q3\s+Now\s+Change/);
    expect(all).toMatch(/The 2026-Q3 plan: \d+ of \d+ actions done, \d+ improved, \d+ overdue/);
    expect(report.sections.map((s) => s.title)).toEqual([
      '1. Executive summary',
      '2. Risk by domain and attack chain',
      '3. Since 2026-Q3',
      '4. Remediation plan',
      '5. Findings by domain',
      '6. Methodology',
    ]);
  });

  it('tells its progress after each step: the cover, every section, the contents and the file', () => {
    const steps = (previous?: Assessment) => {
      const calls: [number, number][] = [];
      build(fixtureAssessment('middle-profile'), previous, (done, total) =>
        calls.push([done, total]),
      );
      return calls;
    };
    const oneByOne = (total: number) =>
      Array.from({ length: total }, (_, i): [number, number] => [i + 1, total]);
    expect(steps()).toEqual(oneByOne(8));
    expect(steps({ ...fixtureAssessment('soft-cell-victim'), cycle: '2026-Q3' })).toEqual(
      oneByOne(9),
    );
  });
});
