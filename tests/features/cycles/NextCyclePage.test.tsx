import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { NextCyclePage } from '../../../src/features/cycles/index.ts';
import { DomainStep } from '../../../src/features/wizard/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore, storedAnswers } from '../../support/storeFixtures.ts';

function ConnectedStep({ id, domainId }: { id: string; domainId: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  return stored ? (
    <DomainStep
      assessmentId={id}
      domainId={domainId}
      answers={stored.assessment.answers}
      carriedFrom={stored.assessment.carriedFrom ?? ''}
    />
  ) : null;
}

let previousId: string;
beforeEach(() => {
  [previousId = ''] = seedStore(fixtureAssessment('middle-profile'));
});

async function startNext() {
  const user = userEvent.setup();
  render(<NextCyclePage id={previousId} />);
  expect(screen.getByLabelText('New cycle')).toHaveValue('2027-Q1');
  await user.click(screen.getByRole('button', { name: 'Start the next cycle' }));
  const nextId =
    Object.keys(useAssessments.getState().assessments).find((id) => id !== previousId) ?? '';
  return { user, nextId };
}

describe('starting the next cycle', () => {
  it('carries every answer over, marked for confirmation, and leaves the previous cycle untouched', async () => {
    const { nextId } = await startNext();
    const next = useAssessments.getState().assessments[nextId]?.assessment;
    expect(next?.cycle).toBe('2027-Q1');
    expect(next?.carriedFrom).toBe('2026-Q4');
    expect(next?.answers['EDR-03']).toMatchObject({
      choice: 'logged',
      owner: 'SOC lead',
      due: '2027-01-31',
      carriedOver: true,
    });
    expect(Object.values(storedAnswers(previousId)).some((a) => a.carriedOver)).toBe(false);
    expect(window.location.hash).toBe(`#/a/${nextId}/step/EXP`);
  });

  it('shows each carried answer as such until it is changed, or until the whole step is confirmed', async () => {
    const { user, nextId } = await startNext();
    render(<ConnectedStep id={nextId} domainId="CRD" />);
    const crd01 = screen.getByRole('group', { name: /^CRD-01 / });
    expect(
      within(crd01).getByText('Carried over from 2026-Q4: confirm or change'),
    ).toBeInTheDocument();
    await user.click(within(crd01).getByRole('radio', { name: 'All, tested' }));
    expect(storedAnswers(nextId)['CRD-01']).toEqual({ choice: 'verified' });
    expect(within(crd01).queryByText(/Carried over from/)).toBeNull();

    await user.click(
      screen.getByRole('button', { name: 'Confirm all 8 carried-over answers in this step' }),
    );
    expect(
      Object.entries(storedAnswers(nextId)).filter(
        ([id, a]) => id.startsWith('CRD-') && a.carriedOver,
      ),
    ).toEqual([]);
    expect(storedAnswers(nextId)['CRD-02']?.choice).toBe(
      storedAnswers(previousId)['CRD-02']?.choice,
    );
    expect(screen.queryByText(/Carried over from/)).toBeNull();
  });

  it('refuses the same cycle label as the previous one', async () => {
    const user = userEvent.setup();
    render(<NextCyclePage id={previousId} />);
    await user.clear(screen.getByLabelText('New cycle'));
    await user.type(screen.getByLabelText('New cycle'), '2026-Q4');
    await user.click(screen.getByRole('button', { name: 'Start the next cycle' }));
    expect(screen.getByText('Enter a cycle other than 2026-Q4.')).toBeInTheDocument();
    expect(Object.keys(useAssessments.getState().assessments)).toEqual([previousId]);
  });
});
