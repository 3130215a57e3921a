import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AssessmentPage } from '../../src/app/AssessmentPage.tsx';
import { useAssessments } from '../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../support/storeFixtures.ts';

describe('AssessmentPage', () => {
  it('refuses, in plain words and without changing it, an assessment of questions it cannot migrate', () => {
    const old = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore({ ...old, questionSet: { id: 'softcell', version: '0.9.0' } });
    const before = JSON.stringify(useAssessments.getState().assessments[id]);
    render(<AssessmentPage route={{ page: 'results', id }} />);
    expect(
      screen.getByRole('heading', { name: 'This assessment cannot be opened here' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/no migration from version 0/)).toBeInTheDocument();
    expect(JSON.stringify(useAssessments.getState().assessments[id])).toBe(before);
  });

  it('shows the changes of a migration until they are dismissed', async () => {
    const user = userEvent.setup();
    const [id = ''] = seedStore(fixtureAssessment('middle-profile'));
    useAssessments
      .getState()
      .upgrade(id, fixtureAssessment('middle-profile'), [
        'EXP-05 is now EXP-08; its answer was kept.',
      ]);
    render(<AssessmentPage route={{ page: 'results', id }} />);
    expect(screen.getByText('EXP-05 is now EXP-08; its answer was kept.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('EXP-05 is now EXP-08; its answer was kept.')).toBeNull();
    expect(useAssessments.getState().assessments[id]?.notice).toBeUndefined();
  });

  it('resumes where the user left off when opened without a step', () => {
    const [id = ''] = seedStore(fixtureAssessment('middle-profile'));
    useAssessments.getState().setPosition(id, { view: 'step', domainId: 'SEG' });
    window.location.hash = `#/a/${id}`;
    render(<AssessmentPage route={{ page: 'assessment', id }} />);
    expect(window.location.hash).toBe(`#/a/${id}/step/SEG`);
  });
});
