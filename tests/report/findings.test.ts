import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { plan } from '../../src/core/planning/plan.ts';
import { reportOf } from '../support/report.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const set = loadShippedSet();

/** The text of the section whose title ends with `title`, up to the next section. */
async function sectionText(assessment: Assessment, title: string): Promise<string> {
  const report = reportOf(assessment);
  const pages = await pdfPages(report.pdf);
  const index = report.sections.findIndex((s) => s.title.endsWith(title));
  const start = report.sections[index]?.page ?? 1;
  const end = report.sections[index + 1]?.page ?? pages.length + 1;
  return pages.slice(start - 1, end - 1).join('\n');
}

const fixture = fixtureAssessment('middle-profile');
const notApplicable = set.questions.find((q) => q.kind === 'control' && !q.critical);
const assessment: Assessment = {
  ...fixture,
  answers: {
    ...fixture.answers,
    'CRD-03': {
      choice: 'partial',
      evidence: 'Minutes of the quarterly access review',
      evidenceDate: '2026-03-03',
      owner: 'Identity team',
      due: '2028-12-31',
    },
    [notApplicable?.id ?? 'missing']: {
      choice: 'na',
      naReason: 'No such system in the mobile core',
      evidenceDate: '2026-09-15',
    },
  },
};
const isoDate = /\d{4}-\d{2}-\d{2}/;

describe('the findings and the plan in the PDF', () => {
  it('give each answer its owner, due date and evidence date, in the one long date format', async () => {
    const text = await sectionText(assessment, 'Findings by domain');
    expect(squash(text)).toContain(squash('Owner and due'));
    expect(squash(text)).toContain(
      squash(
        'Minutes of the quarterly access review Evidence date: 3 March 2026 Identity team Due 31 December 2028',
      ),
    );
    // The fixture's own owners and due dates, on other questions.
    expect(squash(text)).toContain(squash('Network architecture Due 30 June 2027'));
    expect(squash(text)).toContain(squash('SOC lead Due 31 January 2027'));
    expect(squash(text)).toContain(squash('Evidence date: 15 September 2026'));
    expect(text).not.toMatch(isoDate);
  });

  it('give the reason a question does not apply', async () => {
    const text = await sectionText(assessment, 'Findings by domain');
    expect(squash(text)).toContain(squash('No such system in the mobile core'));
  });

  it('print the due dates of the plan in the one long date format', async () => {
    const text = await sectionText(assessment, 'Remediation plan');
    expect(squash(text)).toContain(squash('31 December 2028 AFTER HORIZON'));
    expect(squash(text)).toContain(squash('30 June 2027'));
    expect(text).not.toMatch(isoDate);
  });

  it('mark an action whose due date passed before the report date as overdue', async () => {
    const [action] = plan(set, assessment).actions.filter((a) => a.kind === 'fix');
    const questionId = action?.questionIds[0] ?? 'missing';
    const late: Assessment = {
      ...assessment,
      answers: {
        ...assessment.answers,
        [questionId]: { ...assessment.answers[questionId], due: '2026-10-15' },
      },
    };
    const text = squash(await sectionText(late, 'Remediation plan'));
    expect(text).toContain(squash('15 October 2026 OVERDUE'));
    // Once in the action's tags, once by its due date; no other action is overdue.
    expect(text.match(/OVERDUE/g)).toHaveLength(2);
  });
});
