import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AssessmentPage } from '../../src/app/AssessmentPage.tsx';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { useAssessments, useGroups } from '../../src/store/index.ts';
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

  it('links a member’s results back to the group they were opened from, for the rest of the visit, while that group exists', async () => {
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    await useGroups.getState().load();
    const group = useGroups.getState().createGroup({
      name: 'Northwind Group',
      setId: assessment.questionSet.id,
      members: [{ organisation: assessment.organisation, scope: assessment.scope }],
    });
    const { unmount } = render(
      <AssessmentPage route={{ page: 'results', id, fromGroup: group.id }} />,
    );
    expect(
      await screen.findByRole('link', { name: 'Back to the group Northwind Group' }),
    ).toHaveAttribute('href', `#/groups/${group.id}`);
    unmount();

    // Back at the results by way of the review, without the group in the address: still there.
    const again = render(<AssessmentPage route={{ page: 'results', id }} />);
    expect(
      await screen.findByRole('link', { name: 'Back to the group Northwind Group' }),
    ).toBeInTheDocument();
    again.unmount();

    // A group deleted since, or another browser's: no link to a page that would say "not found".
    useGroups.getState().removeGroup(group.id);
    render(<AssessmentPage route={{ page: 'results', id, fromGroup: group.id }} />);
    await screen.findByRole('heading', { name: 'Results' });
    expect(screen.queryByRole('link', { name: /Back to the group/ })).toBeNull();
  });
});

describe('AssessmentPage of a set that shares facts with another', () => {
  const network = (): Assessment => ({
    ...fixtureAssessment('network-side'),
    cycle: '2026-Q4',
    answers: {},
  });

  it('offers the answers the other set gives for the same organisation and scope; taking them fills the open step, each marked', async () => {
    const user = userEvent.setup();
    const softCell = fixtureAssessment('soft-cell-victim');
    const [, id = ''] = seedStore(softCell, network());
    render(<AssessmentPage route={{ page: 'step', id, domainId: 'MPL' }} />);
    const offer = screen.getByRole('region', { name: /can be taken from/ });
    expect(offer).toHaveAccessibleName(
      /^\d+ answers can be taken from Operation Soft Cell exposure assessment, 2026-Q3$/,
    );
    // What each answer is here and there, in the labels the questions show.
    expect(offer).toHaveTextContent(
      'MPL-01 Out-of-band management of network elements: here not answered, there In band (SEG-06)',
    );
    const inBand = () =>
      document.querySelector<HTMLInputElement>('#question-MPL-01 input[value="inband"]');
    expect(inBand()).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: /^Take these \d+ answers$/ }));
    expect(screen.queryByRole('region', { name: /can be taken from/ })).toBeNull();
    const answer = useAssessments.getState().assessments[id]?.assessment.answers['MPL-01'];
    expect(answer).toMatchObject({ choice: softCell.answers['SEG-06']?.choice, carriedOver: true });
    // The open step read the taken answers again.
    expect(inBand()).toBeChecked();
    expect(document.querySelector('#question-MPL-01 .tag.carried')).toHaveTextContent(
      'Taken from Operation Soft Cell exposure assessment, 2026-Q3: confirm or change',
    );
  });

  it('offers nothing once declined, or for another scope', async () => {
    const user = userEvent.setup();
    const [, id = ''] = seedStore(fixtureAssessment('soft-cell-victim'), network());
    const { unmount } = render(<AssessmentPage route={{ page: 'results', id }} />);
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('region', { name: /can be taken from/ })).toBeNull();
    // The button went with the offer: the keyboard resumes at the view's heading.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Results' })).toHaveFocus());
    unmount();

    const [, otherScope = ''] = seedStore(fixtureAssessment('soft-cell-victim'), {
      ...network(),
      scope: 'Radio access network',
    });
    render(<AssessmentPage route={{ page: 'results', id: otherScope }} />);
    expect(screen.queryByRole('region', { name: /can be taken from/ })).toBeNull();
  });
});
