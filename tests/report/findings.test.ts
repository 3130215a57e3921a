import { describe, expect, it, vi } from 'vitest';
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

describe('who answered, in the findings', () => {
  const lead = { by: 'J. Smith', role: 'lead', via: 'lead' } as const;
  const assignee = { by: 'Ana Ruiz', role: 'network operations', via: 'questionnaire' } as const;
  const attributed: Assessment = {
    ...assessment,
    assessor: 'J. Smith',
    answers: {
      ...assessment.answers,
      'CRD-02': {
        ...assessment.answers['CRD-02'],
        evidence: 'SIEM rule export with the alert test',
        evidenceDate: '2026-01-12',
        evidenceEnteredAt: '2026-11-20T10:00:00.000Z',
        history: [
          { at: '2026-03-01T09:00:00.000Z', event: 'answered', ...lead, to: 'logged' },
          {
            at: '2026-03-12T09:00:00.000Z',
            event: 'answered',
            ...assignee,
            from: 'logged',
            to: 'alerted',
          },
          { at: '2026-03-14T09:00:00.000Z', event: 'merged', ...lead },
        ],
      },
      'CRD-03': {
        ...assessment.answers['CRD-03'],
        evidenceEnteredAt: '2026-03-03T15:00:00.000Z',
        history: [{ at: '2026-03-02T09:00:00.000Z', event: 'answered', ...lead, to: 'partial' }],
      },
    },
  };

  it('name the assignee who answered and the lead who merged, under the finding', async () => {
    const text = squash(await sectionText(attributed, 'Findings by domain'));
    expect(text).toContain(
      squash(
        'Answered by Ana Ruiz (network operations) via questionnaire, 12 March 2026; merged by J. Smith (lead), 14 March 2026',
      ),
    );
    // A merge is not a confirmation: nobody confirmed anything here.
    expect(text).not.toContain(squash('confirmed by'));
    expect(text).toContain(squash('Answered by J. Smith (lead), 2 March 2026'));
  });

  it('give the evidence date, and when the evidence was entered only if that was another day', async () => {
    const text = squash(await sectionText(attributed, 'Findings by domain'));
    expect(text).toContain(
      squash(
        'SIEM rule export with the alert test Evidence date: 12 January 2026 Entered 20 November 2026',
      ),
    );
    // CRD-03's evidence was entered on its evidence date.
    expect(text).toContain(squash('Evidence date: 3 March 2026 Identity team'));
    expect(text.match(/Entered/g)).toHaveLength(1);
  });

  it('add nothing to an answer recorded without a history', async () => {
    const text = await sectionText(assessment, 'Findings by domain');
    expect(text).not.toMatch(/Answered by|confirmed by|merged by|Taken from|Entered/);
  });

  it('keep the attribution of a finding taller than a page after it', async () => {
    const note = Array.from({ length: 700 }, (_, i) => `word${i}`).join(' ');
    const long: Assessment = {
      ...attributed,
      answers: { ...attributed.answers, 'CRD-02': { ...attributed.answers['CRD-02'], note } },
    };
    const logged: unknown[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => logged.push(args));
    try {
      const text = squash(await sectionText(long, 'Findings by domain'));
      expect(text).toContain(squash('word699 Answered by Ana Ruiz (network operations)'));
    } finally {
      log.mockRestore();
    }
    // jspdf-autotable warns of a spanned row it cannot split.
    expect(logged).toEqual([]);
  });
});
