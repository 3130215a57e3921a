import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { carryForward } from '../../../src/core/cycles/cycles.ts';
import { ComparePage, HistoryPage } from '../../../src/features/cycles/index.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

function twoCycles() {
  const q4 = fixtureAssessment('middle-profile');
  const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
  q1.answers['EXP-02'] = { choice: 'verified' };
  q1.answers['PRV-02'] = { choice: 'policy' };
  return seedStore(q4, q1);
}

describe('comparing and tracing cycles', () => {
  it('shows the score move, closed gaps and regressions between two cycles', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    expect(
      within(
        screen.getByRole('heading', { name: 'Gaps closed (1)' }).parentElement as HTMLElement,
      ).getByText(/EXP-02/),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('heading', { name: 'Regressions (1)' }).parentElement as HTMLElement,
      ).getByText(/coverage 0\.75 → 0\.30/),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'The 2026-Q4 plan' })).toBeInTheDocument();
    expect(screen.getByLabelText('Earlier cycle')).toHaveValue(q4);
    expect(screen.getByLabelText('Later cycle')).toHaveValue(q1);
  });

  it('draws the risk trend across the cycles of one organisation and scope', () => {
    const [, q1 = ''] = twoCycles();
    render(<HistoryPage id={q1} />);
    expect(
      screen.getByText('2 cycles of this organisation and scope are kept in this browser.'),
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
});
