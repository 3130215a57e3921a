import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/core/assessment/model.ts';
import { carryForward } from '../../../src/core/cycles/cycles.ts';
import { HistoryPage } from '../../../src/features/cycles/index.ts';
import { hrefs } from '../../../src/routing/routes.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

/** Q4, then Q1 with the WAF answer worse and the detection tests better; nothing else changed. */
function twoCycles(change: (q1: Assessment) => void = () => undefined) {
  const q4 = fixtureAssessment('middle-profile');
  const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
  change(q1);
  return seedStore(q4, q1);
}

/** The row of the history table whose header is this domain. */
const row = (name: string) =>
  screen.getByRole('rowheader', { name }).closest('tr') as HTMLTableRowElement;

describe('the history of an organisation and scope', () => {
  it('draws the risk trend across the cycles of one organisation and scope', () => {
    const [, q1 = ''] = twoCycles();
    render(<HistoryPage id={q1} />);
    expect(
      screen.getByText(/^2 cycles of this organisation and scope are kept in this browser\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Risk score per cycle/ })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.slice(0, 7))).toEqual([
      'Domain',
      'Trend',
      '2026-Q4',
      '2027-Q1',
    ]);
    // One trend line per domain and one overall, since there are two cycles to join.
    expect(document.querySelectorAll('svg.sparkline')).toHaveLength(11);
  });

  it('links back to the assessment it was opened from', () => {
    const [q4 = ''] = twoCycles();
    render(<HistoryPage id={q4} />);
    expect(screen.getByRole('link', { name: 'Back to the 2026-Q4 results' })).toHaveAttribute(
      'href',
      hrefs.results(q4),
    );
  });

  it('colours each trend by its direction: green down, red up, grey flat', () => {
    const [, q1 = ''] = twoCycles((q1) => {
      q1.answers['EXP-02'] = { choice: 'some' };
      q1.answers['LOG-06'] = { choice: 'verified' };
    });
    render(<HistoryPage id={q1} />);
    const trend = (name: string) => row(name).querySelector('svg.sparkline');
    expect(trend('Internet exposure and the web tier')).toHaveClass('worse');
    expect(trend('Logging and detection engineering')).toHaveClass('better');
    expect(trend('Credential protection')).toHaveClass('same');
  });

  it('shows the overall chart line as flat in grey when the risk did not move', () => {
    const [, q1 = ''] = twoCycles();
    render(<HistoryPage id={q1} />);
    const segments = [...document.querySelectorAll('.trend-chart .trend-segment')];
    expect(segments.map((s) => s.getAttribute('class'))).toEqual(['trend-segment same']);
  });

  it('lets the keyboard reach the table that scrolls sideways, by its name', () => {
    const [, q1 = ''] = twoCycles();
    render(<HistoryPage id={q1} />);
    expect(screen.getByRole('region', { name: 'Risk per domain and cycle' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });

  it('marks a cycle resting on unconfirmed answers as a draft, and draws no point for a cycle without answers', () => {
    const q4 = fixtureAssessment('middle-profile');
    const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
    const q2 = { ...q1, cycle: '2027-Q2', answers: {}, createdAt: '2027-04-02T00:00:00Z' };
    const [, id = ''] = seedStore(q4, q1, q2);
    render(<HistoryPage id={id} />);
    const carried = Object.keys(q1.answers).length;
    const header = screen.getByRole('columnheader', { name: /^2027-Q1/ });
    expect(header).toHaveTextContent(`Draft: ${carried} unconfirmed`);
    expect(screen.getByRole('columnheader', { name: /^2027-Q2/ })).toHaveTextContent(
      'No answers yet',
    );
    expect(screen.getByText(/A cycle marked draft rests partly on answers carried over/));
    // Two points only: 2027-Q2 has nothing to draw.
    const chart = screen.getByRole('img', { name: /Risk score per cycle/ });
    expect(chart.textContent).toContain('2027-Q1');
    expect(chart.textContent).not.toContain('2027-Q2');
  });

  it('marks a cycle with unanswered questions as incomplete, since they count as not in place', () => {
    const [, q1 = ''] = twoCycles((next) => {
      delete next.answers['EXP-02'];
      delete next.answers['LOG-01'];
    });
    render(<HistoryPage id={q1} />);
    expect(screen.getByRole('columnheader', { name: /^2027-Q1/ })).toHaveTextContent(
      'Incomplete: 2 unanswered',
    );
    expect(screen.getByRole('columnheader', { name: /^2026-Q4/ })).not.toHaveTextContent(
      'Incomplete',
    );
  });

  it('says "1 cycle … is kept" for a single cycle', () => {
    const [id = ''] = seedStore(fixtureAssessment('middle-profile'));
    render(<HistoryPage id={id} />);
    expect(
      screen.getByText('1 cycle of this organisation and scope is kept in this browser.'),
    ).toBeInTheDocument();
  });
});
