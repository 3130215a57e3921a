import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { NextCyclePage } from '../../../src/features/cycles/index.ts';
import { DomainStep } from '../../../src/features/wizard/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore, storedAnswers } from '../../support/storeFixtures.ts';

const set = questionSetById('softcell');

function ConnectedStep({ id, domainId }: { id: string; domainId: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  return stored ? (
    <DomainStep
      set={set}
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
  expect(screen.getByLabelText('Cycle')).toHaveValue('2027-Q1');
  await user.click(screen.getByRole('button', { name: 'Start the next cycle' }));
  await waitFor(() => expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(2));
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
    // The button went with the notice: the keyboard stays in the step, at its heading.
    expect(screen.getByRole('heading', { name: 'Credential protection' })).toHaveFocus();
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

  it('refuses a cycle that does not come after the previous one, or is not written as a cycle', async () => {
    const user = userEvent.setup();
    render(<NextCyclePage id={previousId} />);
    const cycle = screen.getByLabelText('Cycle');
    await user.clear(cycle);
    await user.type(cycle, '2026-Q4');
    await user.click(screen.getByRole('button', { name: 'Start the next cycle' }));
    expect(await screen.findByText('The next cycle must come after 2026-Q4.')).toBeInTheDocument();
    await user.clear(cycle);
    await user.type(cycle, 'Q1 2027');
    await user.click(screen.getByRole('button', { name: 'Start the next cycle' }));
    expect(await screen.findByText('Write the cycle as 2027-Q1.')).toBeInTheDocument();
    expect(Object.keys(useAssessments.getState().assessments)).toEqual([previousId]);
  });

  it('makes one next cycle however often "Start" is pressed, and a second visit points to the one made', async () => {
    const user = userEvent.setup();
    render(<NextCyclePage id={previousId} />);
    const start = screen.getByRole('button', { name: 'Start the next cycle' });
    await user.dblClick(start);
    await user.click(start);
    await waitFor(() => expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
    // "Next cycle" on the older 2026-Q4 now leads to the latest cycle instead of making a twin.
    render(<NextCyclePage id={previousId} />);
    expect(screen.getByText(/is not the latest cycle/)).toHaveTextContent(
      '2027-Q1 of the same organisation and scope is already on this device',
    );
    expect(screen.queryByRole('button', { name: 'Start the next cycle' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Start the cycle after 2027-Q1' })).toBeInTheDocument();
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(2);
  });

  it('offers nothing to carry from an assessment without answers, and says why', () => {
    const [emptyId = ''] = seedStore({ ...fixtureAssessment('middle-profile'), answers: {} });
    render(<NextCyclePage id={emptyId} />);
    expect(
      screen.getByText(/has no answers yet, so there is nothing to carry/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start the next cycle' })).toBeNull();
  });
});
