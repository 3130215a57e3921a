import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReviewPage } from '../../../src/features/wizard/index.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

describe('ReviewPage', () => {
  it('lists unanswered and unverified questions with links back to them, and allows finishing', () => {
    const { 'SUB-07': _unanswered, ...answers } = fixtureAssessment('middle-profile').answers;
    render(
      <ReviewPage
        assessmentId="a1"
        answers={{
          ...answers,
          'CRD-02': { choice: 'na' },
          'SUB-02': { choice: 'na', note: 'The vendor runs the CDR store.' },
        }}
      />,
    );
    expect(
      screen.getByText(
        '3 questions are not answered and 2 answers are "Don\'t know". You can finish now: each of them counts as not in place, and the results will say so.',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('link', { name: /^SUB-02 / }).closest('li') as HTMLElement).getByText(
        'Critical, not applicable without a compensating control',
      ),
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
    render(<ReviewPage assessmentId="a1" answers={answers} />);
    expect(
      screen.getByText('Every question is answered. The results are ready.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the results' })).toBeInTheDocument();
  });
});
