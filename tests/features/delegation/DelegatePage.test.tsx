import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { importQuestionnaireFile } from '../../../src/core/delegation/files.ts';
import { DelegatePage } from '../../../src/features/delegation/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

const delegation = (id: string) => useAssessments.getState().assessments[id]?.assessment.delegation;

/** The text of the next file the page downloads. */
function catchDownload(): Promise<string> {
  return new Promise((resolve) => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      void (blob as Blob).text().then(resolve);
      return 'blob:questionnaire';
    });
  });
}

describe('DelegatePage', () => {
  let id = '';
  beforeEach(() => {
    vi.restoreAllMocks();
    [id = ''] = seedStore(fixtureAssessment('soft-cell-victim'));
  });

  it('adds a person with their domains and refuses one with neither a domain nor a question', async () => {
    const user = userEvent.setup();
    render(<DelegatePage id={id} />);
    await user.type(screen.getByLabelText('Name'), 'Ana Ruiz');
    await user.click(screen.getByRole('button', { name: 'Add the person' }));
    expect(await screen.findByText('Choose at least one domain or one question.')).toBeVisible();
    expect(delegation(id)).toBeUndefined();

    await user.type(screen.getByLabelText('Role or team (optional)'), 'network operations');
    await user.click(screen.getByRole('checkbox', { name: /Segmentation and lateral movement/ }));
    await user.click(screen.getByRole('button', { name: 'Add the person' }));
    await waitFor(() => expect(delegation(id)?.assignees).toHaveLength(1));
    expect(delegation(id)?.assignees[0]).toMatchObject({
      name: 'Ana Ruiz',
      role: 'network operations',
      domains: ['SEG'],
      rounds: [],
    });
    const table = screen.getByRole('region', { name: 'Delegation by domain' });
    const row = within(table).getByRole('row', { name: /Segmentation and lateral movement/ });
    expect(row).toHaveTextContent('Assigned, not sent');
    expect(row).toHaveTextContent('Ana Ruiz');
  });

  it('writes a questionnaire holding only the person’s questions, and records it as sent', async () => {
    const user = userEvent.setup();
    render(<DelegatePage id={id} />);
    await user.type(screen.getByLabelText('Name'), 'Bo Chen');
    await user.click(screen.getByRole('checkbox', { name: /Logging and detection engineering/ }));
    await user.click(screen.getByRole('button', { name: 'Add the person' }));
    const downloaded = catchDownload();
    await user.click(
      await screen.findByRole('button', { name: 'Create questionnaire file for Bo Chen' }),
    );
    const opened = await importQuestionnaireFile(await downloaded);
    if (!opened.ok) throw new Error(opened.problems.map((p) => p.message).join('; '));
    expect(opened.value.questionnaire.questions.every((q) => q.domain.id === 'LOG')).toBe(true);
    expect(opened.value.questionnaire.to.name).toBe('Bo Chen');
    await waitFor(() => expect(delegation(id)?.assignees[0]?.rounds).toHaveLength(1));
    // The name is a <bdi> of its own, so the sentence is matched around it.
    const done = await screen.findByText(/has been downloaded\. It is not encrypted/);
    expect(done).toBeVisible();
    expect(done).toHaveTextContent(/^The questionnaire for Bo Chen has been downloaded/);
    expect(
      within(screen.getByRole('region', { name: 'Delegation by domain' })).getByRole('row', {
        name: /Logging and detection engineering/,
      }),
    ).toHaveTextContent('Sent');
  });
});
