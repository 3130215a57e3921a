import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DetailsPage } from '../../../src/features/wizard/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

const stored = (id: string) => useAssessments.getState().assessments[id]?.assessment;

describe('DetailsPage', () => {
  let q4 = '';
  let q3 = '';
  beforeEach(() => {
    window.location.hash = '';
    const middle = fixtureAssessment('middle-profile');
    [q4 = '', q3 = ''] = seedStore(middle, { ...middle, cycle: '2026-Q3' });
  });

  it('corrects the organisation, scope, cycle and assessor, keeping the answers', async () => {
    const user = userEvent.setup();
    render(<DetailsPage id={q4} mode="edit" />);
    const answers = stored(q4)?.answers;
    await user.clear(screen.getByLabelText('Scope'));
    await user.type(screen.getByLabelText('Scope'), 'Mobile core');
    await user.selectOptions(screen.getByLabelText('How often it is run'), 'Yearly (2026)');
    expect(screen.getByLabelText('Cycle')).toHaveValue(String(new Date().getFullYear()));
    await user.clear(screen.getByLabelText('Cycle'));
    await user.type(screen.getByLabelText('Cycle'), '2026');
    await user.clear(screen.getByLabelText('Assessor'));
    await user.type(screen.getByLabelText('Assessor'), 'C. Reviewer');
    await user.click(screen.getByRole('button', { name: 'Save the details' }));
    await waitFor(() => expect(stored(q4)?.cycle).toBe('2026'));
    expect(stored(q4)).toMatchObject({ scope: 'Mobile core', assessor: 'C. Reviewer', answers });
    expect(window.location.hash).toBe(`#/a/${q4}`);
  });

  it('refuses details that would make it another assessment already kept, and links to that one', async () => {
    const user = userEvent.setup();
    render(<DetailsPage id={q4} mode="edit" />);
    await user.clear(screen.getByLabelText('Cycle'));
    await user.type(screen.getByLabelText('Cycle'), '2026-Q3');
    await user.click(screen.getByRole('button', { name: 'Save the details' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'An assessment with this organisation, scope, question set and cycle is already on this device.',
    );
    expect(screen.getByRole('link', { name: 'Open the existing assessment' })).toHaveAttribute(
      'href',
      `#/a/${q3}`,
    );
    expect(stored(q4)?.cycle).toBe('2026-Q4');
  });

  it('copies with every answer under a cycle or scope the user names, never under the same ones, and never appends "(copy)"', async () => {
    const user = userEvent.setup();
    render(<DetailsPage id={q4} mode="copy" />);
    await user.click(screen.getByRole('button', { name: 'Make the copy' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/already on this device/);
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(2);
    await user.clear(screen.getByLabelText('Scope'));
    await user.type(screen.getByLabelText('Scope'), 'Corporate IT');
    await user.click(screen.getByRole('button', { name: 'Make the copy' }));
    await waitFor(() => expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(3));
    const copy = Object.keys(useAssessments.getState().assessments).find(
      (id) => id !== q4 && id !== q3,
    );
    expect(stored(copy ?? '')).toMatchObject({
      scope: 'Corporate IT',
      cycle: '2026-Q4',
      answers: stored(q4)?.answers,
    });
    // Given for another scope, the copied answers wait for confirmation.
    expect(Object.values(stored(copy ?? '')?.answers ?? {}).every((a) => a.carriedOver)).toBe(true);
    expect(stored(copy ?? '')?.carriedFrom).toBe('2026-Q4');
    expect(window.location.hash).toBe(`#/a/${copy}`);
  });
});
