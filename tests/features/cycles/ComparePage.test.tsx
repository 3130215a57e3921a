import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { carryForward } from '../../../src/core/cycles/cycles.ts';
import { ComparePage } from '../../../src/features/cycles/index.ts';
import { hrefs } from '../../../src/routing/routes.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

/** Q4 had a WAF on some applications and did not know its detection tests; Q1 improved both, not fully. */
function twoCycles() {
  const q4 = fixtureAssessment('middle-profile');
  q4.answers['EXP-02'] = { choice: 'some' };
  const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
  q1.answers['EXP-02'] = { choice: 'all' };
  q1.answers['LOG-06'] = { choice: 'quarterly' };
  q1.answers['EXP-03'] = { choice: 'verified' };
  q1.answers['PRV-02'] = { choice: 'policy' };
  return seedStore(q4, q1);
}

/** The element a heading names: its panel or its group. */
const section = (name: string | RegExp) =>
  screen.getByRole('heading', { name }).parentElement as HTMLElement;

beforeEach(() => {
  // jsdom does not scroll; the page asks to open at its top.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('comparing two cycles', () => {
  it('shows the score move, the plan and the two cycles picked', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    expect(screen.getByRole('heading', { name: 'The 2026-Q4 plan' })).toBeInTheDocument();
    expect(screen.getByLabelText('Earlier cycle')).toHaveValue(q4);
    expect(screen.getByLabelText('Later cycle')).toHaveValue(q1);
  });

  it('names each cycle first in the pickers, so that a narrow screen still shows it', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    // Organisation and scope are isolated (FSI … PDI): an <option> cannot hold a <bdi>.
    expect(screen.getByLabelText('Earlier cycle')).toHaveDisplayValue(
      '2026-Q4 · \u2068Example Networks (mid-journey profile)\u2069 · \u2068Mobile core and OSS/BSS\u2069',
    );
    expect(screen.getByLabelText('Later cycle')).toHaveDisplayValue(/^2027-Q1 · /);
  });

  it('shows every changed answer with its options before and now and its score effect, grouped', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    const improved = section('Improved (3)');
    const exp02 = within(improved)
      .getByText(/EXP-02/)
      .closest('li') as HTMLElement;
    expect(exp02).toHaveTextContent(/Some, blocking → All, blocking/);
    expect(within(exp02).getByText(/^−\d+\.\d points$/)).toHaveClass('delta', 'better');
    expect(
      within(improved)
        .getByText(/LOG-06/)
        .closest('li'),
    ).toHaveTextContent(/Don't know → Quarterly/);
    const worse = section('Worse (1)');
    const prv02 = within(worse)
      .getByText(/PRV-02/)
      .closest('li') as HTMLElement;
    expect(prv02).toHaveTextContent(/Enforced for tier 0 → Policy only/);
    expect(within(prv02).getByText(/^\+\d+\.\d points$/)).toHaveClass('delta', 'worse');
    expect(within(section('Newly answered (0)')).getByText('No answer was added.')).toBeVisible();
  });

  it('shows each closed gap with its answer before and now, as regressions are shown', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    expect(
      within(section('Gaps closed (1)'))
        .getByText(/EXP-03/)
        .closest('li'),
    ).toHaveTextContent(/Within 30 days → Within 14 days, measured/);
  });

  it('shows no change in grey, neither better nor worse', () => {
    const q4 = fixtureAssessment('middle-profile');
    const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
    const [from = '', to = ''] = seedStore(q4, q1);
    render(<ComparePage from={from} to={to} />);
    const unchanged = screen.getAllByText('±0.0');
    expect(unchanged.length).toBeGreaterThan(1);
    for (const cell of unchanged) {
      expect(cell).toHaveClass('delta', 'same');
      expect(cell).not.toHaveClass('better');
    }
    expect(screen.getByText('±0.0 points')).toHaveClass('delta', 'same');
  });

  it('warns when both sides are the same cycle', () => {
    const [q4 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q4} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Both sides are 2026-Q4: pick an earlier cycle to see what changed.',
    );
  });

  it('warns when the earlier side is the later cycle, and offers to swap them', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q1} to={q4} />);
    const warning = screen.getByRole('alert');
    expect(warning).toHaveTextContent(
      '2027-Q1 comes after 2026-Q4: every change below reads backwards.',
    );
    expect(within(warning).getByRole('link', { name: 'Swap the two cycles' })).toHaveAttribute(
      'href',
      hrefs.compare(q4, q1),
    );
  });

  it('opens at its top with the focus on its heading, and links back to the assessment', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    expect(window.scrollTo).toHaveBeenCalledWith(0, 0);
    expect(screen.getByRole('heading', { level: 1, name: 'Compare two cycles' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Back to the 2027-Q1 results' })).toHaveAttribute(
      'href',
      hrefs.results(q1),
    );
  });

  it('lets the keyboard reach each table that scrolls sideways, by its name', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    for (const name of ['Per domain', 'Per attack phase (controls in place)', 'The 2026-Q4 plan'])
      expect(screen.getByRole('region', { name })).toHaveAttribute('tabindex', '0');
  });

  it('says which side is a draft resting on unconfirmed carried-over answers', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    expect(
      screen.getByText(
        /^2027-Q1 is a draft: \d+ of its answers were carried over from 2026-Q4 and not confirmed/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^2026-Q4 is a draft/)).toBeNull();
  });

  it('summarises the earlier plan as the PDF does, and writes its due dates as the rest of the app', () => {
    const [q4 = '', q1 = ''] = twoCycles();
    render(<ComparePage from={q4} to={q1} />);
    const plan = section('The 2026-Q4 plan');
    expect(plan).toHaveTextContent(/\d+ of \d+ actions done, \d+ improved, \d+ overdue\./);
    expect(plan.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(plan).toHaveTextContent('31 Jan 2027');
  });
});

describe('ComparePage across question sets', () => {
  it('refuses to compare assessments of two sets, showing each side as it is and offering the later side’s set', () => {
    const [softCell = '', network = ''] = seedStore(
      fixtureAssessment('soft-cell-victim'),
      fixtureAssessment('network-side'),
    );
    render(<ComparePage from={softCell} to={network} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'These two assessments answer different question sets (Operation Soft Cell exposure assessment; Communications infrastructure hardening assessment): a comparison needs two cycles of one set.',
    );
    // Each side shows what it is; either picker offers the later side's set, to fix the pair.
    const values = (label: string) =>
      within(screen.getByLabelText(label))
        .getAllByRole('option')
        .map((o) => o.getAttribute('value'));
    expect(values('Earlier cycle')).toEqual([softCell, network]);
    expect(values('Later cycle')).toEqual([network]);
    expect(screen.getByLabelText('Earlier cycle')).toHaveValue(softCell);
  });
});
