import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { suggestCycle } from '../../../src/core/assessment/create.ts';
import { NewAssessmentPage } from '../../../src/features/wizard/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { seedStore } from '../../support/storeFixtures.ts';

describe('NewAssessmentPage', () => {
  beforeEach(() => {
    seedStore();
    window.location.hash = '#/new';
  });

  it('suggests this quarter as the cycle and requires an organisation', async () => {
    const user = userEvent.setup();
    render(<NewAssessmentPage />);
    expect(screen.getByLabelText('Cycle')).toHaveValue(suggestCycle(new Date()));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByText('Enter the organisation being assessed.')).toBeInTheDocument();
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(0);
  });

  it('creates the assessment and opens its first step', async () => {
    const user = userEvent.setup();
    render(<NewAssessmentPage />);
    await user.type(screen.getByLabelText('Organisation'), 'Example Mobile');
    await user.type(screen.getByLabelText('Scope'), 'Core network');
    await user.type(screen.getByLabelText('Assessor'), 'A. Analyst');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const [stored] = Object.values(useAssessments.getState().assessments);
    expect(stored?.assessment).toMatchObject({
      organisation: 'Example Mobile',
      scope: 'Core network',
      assessor: 'A. Analyst',
      questionSet: { id: 'softcell', version: '2.0.0' },
      answers: {},
    });
    expect(window.location.hash).toBe(`#/a/${stored?.id}/step/EXP`);
  });
});
