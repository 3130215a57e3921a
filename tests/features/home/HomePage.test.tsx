import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { carryForward } from '../../../src/core/cycles/cycles.ts';
import { formatRisk } from '../../../src/core/format.ts';
import { bandLabel } from '../../../src/core/scoring/bands.ts';
import { progressOf } from '../../../src/core/scoring/progress.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { HomePage } from '../../../src/features/home/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

const questionSet = questionSetById('softcell');

const ids = () => Object.keys(useAssessments.getState().assessments);

describe('HomePage', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('invites the first assessment when none is kept on this device', () => {
    seedStore();
    render(<HomePage />);
    expect(screen.getByRole('heading', { name: 'No assessment yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a new assessment' })).toHaveAttribute(
      'href',
      '#/new',
    );
  });

  it('lists each assessment with organisation, scope, cycle, last edit, progress and risk when complete', () => {
    const assessment = fixtureAssessment('mature-operator');
    seedStore(assessment);
    // The store keeps the summary itself; the list shows what the engine computes.
    const result = score(questionSet, assessment);
    const answered = String(progressOf(questionSet, assessment.answers).answered);
    render(<HomePage />);
    const card = screen.getByRole('listitem');
    expect(within(card).getByRole('heading')).toHaveTextContent('Example Mobile (mature profile)');
    expect(card).toHaveTextContent('Group-wide · 2026-Q4');
    expect(card).toHaveTextContent(/Last edited 15 Oct 2026/);
    expect(
      within(card).getByRole('progressbar', { name: /Questions answered in/ }),
    ).toHaveAttribute('value', answered);
    expect(card).toHaveTextContent(`Risk ${formatRisk(result.risk)}`);
    expect(within(card).getByText(bandLabel[result.band])).toBeInTheDocument();
  });

  it('shows a carried-over cycle as a draft, with how many answers are not confirmed', () => {
    const previous = fixtureAssessment('middle-profile');
    const next = carryForward(previous, { cycle: '2027-Q1' }, new Date('2027-01-05T09:00:00Z'));
    seedStore(next);
    render(<HomePage />);
    const card = screen.getByRole('listitem');
    const carried = Object.keys(next.answers).length;
    expect(card).toHaveTextContent(`${carried} carried over from 2026-Q4, not confirmed`);
    expect(within(card).getByText('Draft')).toBeInTheDocument();
  });

  it('offers "Next cycle" only for an assessment with answers to carry, and copying and correcting for every one', () => {
    seedStore(fixtureAssessment('middle-profile'), {
      ...fixtureAssessment('soft-cell-victim'),
      answers: {},
    });
    render(<HomePage />);
    expect(
      screen.getByRole('link', { name: /^Start the next cycle after Example Networks/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /^Start the next cycle after Example Telecom/ }),
    ).toBeNull();
    const [middle = ''] = ids();
    expect(screen.getByRole('link', { name: /^Copy Example Networks/ })).toHaveAttribute(
      'href',
      `#/a/${middle}/copy`,
    );
    expect(
      screen.getByRole('link', { name: /^Edit the details of Example Networks/ }),
    ).toHaveAttribute('href', `#/a/${middle}/details`);
  });

  it('warns on both cards when an earlier version left two assessments of the same organisation, scope and cycle', () => {
    const [kept = ''] = seedStore(fixtureAssessment('middle-profile'));
    const original = useAssessments.getState().assessments[kept];
    if (!original) throw new Error('not seeded');
    useAssessments.setState({
      assessments: { [kept]: original, twin: { ...original, id: 'twin' } },
    });
    render(<HomePage />);
    expect(
      screen.getAllByText(/has the same organisation, scope, question set and cycle/),
    ).toHaveLength(2);
  });

  it('deletes only after confirmation, and Cancel keeps everything', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'), fixtureAssessment('soft-cell-victim'));
    render(<HomePage />);
    await user.click(screen.getByRole('button', { name: /^Delete Example Telecom/ }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this assessment?' });
    expect(dialog).toHaveTextContent(/cannot be undone/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(ids()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: /^Delete Example Telecom/ }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete assessment' }),
    );
    expect(
      Object.values(useAssessments.getState().assessments).map((s) => s.assessment.organisation),
    ).toEqual(['Example Networks (mid-journey profile)']);
    // The Delete button went with its card: the keyboard resumes at the page's heading.
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});

describe('HomePage with assessments of several question sets', () => {
  it('lists each set under its own heading, and names the set in the buttons of look-alike cards', () => {
    const softCell = fixtureAssessment('soft-cell-victim');
    const network = { ...fixtureAssessment('network-side'), cycle: softCell.cycle };
    seedStore(network, softCell);
    render(<HomePage />);
    const lists = screen.getAllByRole('list', { name: /^Saved assessments: / });
    expect(lists.map((list) => list.getAttribute('aria-label'))).toEqual([
      'Saved assessments: Operation Soft Cell exposure assessment',
      'Saved assessments: Communications infrastructure hardening assessment',
    ]);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual([
      'Operation Soft Cell exposure assessment',
      'Communications infrastructure hardening assessment',
    ]);
    expect(
      within(lists[1] as HTMLElement).getByRole('link', {
        name: `Open ${network.organisation}, ${network.cycle} (Communications infrastructure hardening assessment)`,
      }),
    ).toBeInTheDocument();
  });
});
