import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { ReviewPage } from '../../../src/features/wizard/index.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const set = questionSetById('softcell');

describe('ReviewPage', () => {
  it('lists unanswered and unverified questions with links back to them, and allows finishing', () => {
    const { 'SUB-07': _unanswered, ...answers } = fixtureAssessment('middle-profile').answers;
    render(
      <ReviewPage
        set={set}
        assessmentId="a1"
        answers={{
          ...answers,
          'CRD-02': { choice: 'na' },
          'SUB-02': { choice: 'na', naReason: 'The vendor runs the CDR store.' },
        }}
      />,
    );
    expect(
      screen.getByText(
        '2 questions are not answered, 2 answers are "Don\'t know" and 1 critical control is not applicable without a compensating control. You can finish now: each of them counts as not in place, and the results will say so.',
      ),
    ).toBeInTheDocument();
    // Counted as a gap, so not among the controls left out of the score.
    expect(screen.queryByRole('heading', { name: /^Not applicable/ })).toBeNull();
    expect(
      within(
        screen.getAllByRole('link', { name: /^SUB-02 / })[0]?.closest('li') as HTMLElement,
      ).getByText('Critical, not applicable without a compensating control'),
    ).toBeInTheDocument();
    const sub07 = screen.getByRole('link', { name: /^SUB-07 / });
    expect(sub07).toHaveAttribute('href', '#/a/a1/step/SUB?q=SUB-07');
    expect(
      within(sub07.closest('li') as HTMLElement).getByText('Not answered'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('link', { name: /^CRD-02 / }).closest('li') as HTMLElement).getByText(
        /no reason given/,
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('link', { name: /^IRH-06 / }).closest('li') as HTMLElement).getByText(
        "Don't know",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Finish with these gaps and see the results' }),
    ).toHaveAttribute('href', '#/a/a1/results');
  });

  it('says the results are ready when nothing is open', () => {
    const { answers } = fixtureAssessment('all-best');
    render(<ReviewPage set={set} assessmentId="a1" answers={answers} />);
    expect(
      screen.getByText('Every question is answered. The results are ready.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the results' })).toBeInTheDocument();
  });

  it('lists the not-applicable answers with their reasons and compensating controls, and not a note given elsewhere', () => {
    render(
      <ReviewPage
        set={set}
        assessmentId="a1"
        answers={{
          'SUB-02': {
            choice: 'na',
            naReason: 'The vendor runs the CDR store.',
            compensatingControl: 'Quarterly audit of the vendor',
            riskAcceptedBy: 'A. Chief, CISO',
          },
          'SUB-07': { choice: 'na', note: 'Asked the fraud team' },
          'SUB-05': { choice: 'unknown', naReason: 'Left from an earlier N/A' },
        }}
      />,
    );
    const heading = screen.getByRole('heading', { name: 'Not applicable (1)' });
    const group = heading.parentElement as HTMLElement;
    expect(within(group).getByRole('link', { name: /^SUB-02 / })).toHaveAttribute(
      'href',
      '#/a/a1/step/SUB?q=SUB-02',
    );
    expect(group).toHaveTextContent(
      'Reason: The vendor runs the CDR store. · Compensating control: Quarterly audit of the vendor',
    );
    expect(group).not.toHaveTextContent('Asked the fraud team');
  });
});
