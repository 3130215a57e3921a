import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { importResponseFile } from '../../../src/core/delegation/files.ts';
import { buildResponse, serializeResponse } from '../../../src/core/delegation/response.ts';
import { MergePage } from '../../../src/features/delegation/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore, storedAnswers } from '../../support/storeFixtures.ts';

const answeredAt = '2026-11-20T09:00:00.000Z';

/** An assessment whose SEG questions went to Ana, and her response received: SEG-01 differs, SEG-02 is new. */
async function received(): Promise<{ id: string; assigneeId: string }> {
  const [id = ''] = seedStore(fixtureAssessment('soft-cell-victim'));
  const store = useAssessments.getState();
  store.updateAnswer(id, 'SEG-02', { choice: undefined });
  const added = store.assign(id, { name: 'Ana Ruiz', domains: ['SEG'], questions: [] });
  const assigneeId = added.ok ? added.value : '';
  const prepared = store.prepareQuestionnaire(id, assigneeId);
  if (!prepared.ok) throw new Error('no questionnaire');
  store.recordSent(id, assigneeId, prepared.value.round);
  const text = serializeResponse(
    buildResponse(
      prepared.value.questionnaire,
      {
        'SEG-01': { choice: 'partial', note: 'Billing moved behind the OSS firewall.', answeredAt },
        'SEG-02': { choice: 'strict', answeredAt },
      },
      new Date(),
    ),
    new Date(),
  );
  const opened = await importResponseFile(text);
  if (!opened.ok) throw new Error('unreadable response');
  const kept = useAssessments
    .getState()
    .receiveResponse(opened.value.response, opened.value.digest);
  if (!kept.ok) throw new Error(kept.problems.map((p) => p.message).join('; '));
  return { id, assigneeId };
}

describe('MergePage', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('shows mine and theirs where they differ, changes nothing until the lead chooses, then takes new answers and keeps mine with their note', async () => {
    const { id, assigneeId } = await received();
    const user = userEvent.setup();
    render(<MergePage id={id} assigneeId={assigneeId} />);
    const conflict = screen.getByRole('group', { name: /SEG-01/ });
    expect(conflict).toHaveTextContent('Billing and mediation share VLANs');
    expect(conflict).toHaveTextContent('Billing moved behind the OSS firewall.');

    await user.click(screen.getByRole('button', { name: 'Merge Ana Ruiz’s answers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Choose for 1 question whether to take Ana Ruiz’s answer or keep yours.',
    );
    expect(storedAnswers(id)['SEG-02']).toBeUndefined();

    await user.click(screen.getByRole('radio', { name: 'Keep mine and add Ana Ruiz’s note' }));
    await user.click(screen.getByRole('button', { name: 'Merge Ana Ruiz’s answers' }));
    await waitFor(() => expect(storedAnswers(id)['SEG-02']).toEqual({ choice: 'strict' }));
    expect(storedAnswers(id)['SEG-01']?.choice).toBe('flat');
    expect(storedAnswers(id)['SEG-01']?.note).toBe(
      'Billing and mediation share VLANs with the corporate server network.\n\nAna Ruiz (20 Nov 2026): Billing moved behind the OSS firewall.',
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Merged: 1 answer taken from Ana Ruiz.',
    );
    expect(screen.getByText(/nothing waits to be merged/)).toBeVisible();
  });
});
