import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AssessmentPage } from '../../src/app/AssessmentPage.tsx';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { useAssessments } from '../../src/store/index.ts';
import { fixtureAssessment, fixtureText, seedStore } from '../support/storeFixtures.ts';

describe('AssessmentPage', () => {
  it('shows what the store changed when it migrated an older assessment, until dismissed', async () => {
    const user = userEvent.setup();
    // A file of question set 1.0.0 as it was saved, before any migration.
    const saved = JSON.parse(fixtureText('v1/middle-profile')) as Assessment;
    const [id = ''] = seedStore(saved);
    const stored = useAssessments.getState().assessments[id];
    expect(stored?.assessment.questionSet.version).toBe('2.0.0');
    render(<AssessmentPage route={{ page: 'results', id }} />);
    const notice = screen
      .getAllByRole('status')
      .find((region) => region.textContent?.includes('The questions were updated'));
    expect(notice).toHaveTextContent('The questions were updated to softcell 2.0.0');
    expect(notice).toHaveTextContent(stored?.notice?.[0] ?? 'missing');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/The questions were updated/)).toBeNull();
    expect(useAssessments.getState().assessments[id]?.notice).toBeUndefined();
  });

  it('resumes where the user left off when opened without a step', () => {
    const [id = ''] = seedStore(fixtureAssessment('middle-profile'));
    useAssessments.getState().setPosition(id, { view: 'step', domainId: 'SEG' });
    window.location.hash = `#/a/${id}`;
    render(<AssessmentPage route={{ page: 'assessment', id }} />);
    expect(window.location.hash).toBe(`#/a/${id}/step/SEG`);
  });

  it('links to its details, and asks to correct a cycle label or an empty scope that an older version let through', () => {
    const [id = ''] = seedStore({
      ...fixtureAssessment('middle-profile'),
      cycle: 'Q4 2026',
    });
    render(<AssessmentPage route={{ page: 'review', id }} />);
    expect(screen.getByRole('link', { name: 'Edit the details' })).toHaveAttribute(
      'href',
      `#/a/${id}/details`,
    );
    expect(screen.getByText(/Write the cycle as 2026-Q4\./)).toHaveTextContent('Correct it.');
  });
});
