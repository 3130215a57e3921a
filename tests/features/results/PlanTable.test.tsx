import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { horizonLabel } from '../../../src/core/format.ts';
import { plan } from '../../../src/core/planning/plan.ts';
import { PlanTable } from '../../../src/features/results/PlanTable.tsx';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

const questionSet = questionSetById('softcell');

const rows = () =>
  within(screen.getByRole('table', { name: 'Remediation plan in order' }))
    .getAllByRole('row')
    .slice(1);

/** The plan of the middle profile: 70 actions, two of them due later than their horizon. */
function renderPlan() {
  const assessment = fixtureAssessment('middle-profile');
  const [id = ''] = seedStore(assessment);
  const { actions } = plan(questionSet, assessment);
  render(<PlanTable set={questionSet} actions={actions} assessmentId={id} />);
  return actions;
}

describe('PlanTable', () => {
  it('shows all the actions on request and the first 15 again, moving focus to what was revealed and keeping it on the button', async () => {
    const user = userEvent.setup();
    const actions = renderPlan();
    expect(rows()).toHaveLength(15);

    await user.click(screen.getByRole('button', { name: `Show all ${actions.length} actions` }));
    expect(rows()).toHaveLength(actions.length);
    // Focus goes to the first action that was hidden, so that reading goes on from there.
    expect(document.activeElement).toHaveTextContent(actions[15]?.action ?? 'missing');
    expect(rows()[15]).toContainElement(document.activeElement as HTMLElement);

    const fewer = screen.getByRole('button', { name: 'Show the first 15 actions only' });
    fewer.focus();
    await user.keyboard('{Enter}');
    expect(rows()).toHaveLength(15);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: `Show all ${actions.length} actions` }),
    );
  });

  it('gives each action a labelled button that opens and closes its details, by mouse or keyboard', async () => {
    const user = userEvent.setup();
    const actions = renderPlan();
    rows().forEach((row, index) => {
      const toggle = within(row).getByRole('button', {
        name: `Details of action ${index + 1}: ${actions[index]?.action}`,
      });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
    });
    const toggle = within(rows()[2] as HTMLElement).getByRole('button', { name: /^Details of/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // Only that action opens.
    expect(
      screen
        .getAllByRole('button', { name: /^Details of/ })
        .filter((b) => b.getAttribute('aria-expanded') === 'true'),
    ).toEqual([toggle]);
  });

  it('says above the plan which actions are due later than their horizon, even those not yet shown', () => {
    const actions = renderPlan();
    const late = actions.flatMap((a, index) => (a.dueAfterHorizon ? [{ rank: index + 1, a }] : []));
    // The fixture's two due dates, 31 January and 30 June 2027, are both later than their horizon.
    expect(late.map(({ a }) => a.due)).toEqual(['2027-01-31', '2027-06-30']);
    expect(late.some(({ rank }) => rank > rows().length)).toBe(true);
    const notice = screen.getByRole('list', { name: 'Actions due later than their horizon' });
    expect(
      within(notice)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(
      late.map(
        ({ rank, a }, index) =>
          `#${rank} ${a.action}: due ${['31 Jan 2027', '30 Jun 2027'][index]}, later than the ${horizonLabel[a.horizon]} horizon`,
      ),
    );
    expect(screen.getByText('2 actions are due later than their horizon allows:')).toBeVisible();
  });

  it('tags an action whose due date has passed as overdue, and only that one', () => {
    const assessment = fixtureAssessment('middle-profile');
    const { actions } = plan(questionSet, assessment);
    const [first, second] = actions;
    if (!first || !second) throw new Error('the middle profile has a plan');
    const [id = ''] = seedStore(assessment);
    render(
      <PlanTable
        set={questionSet}
        actions={[
          { ...first, due: '2020-01-31' },
          { ...second, due: '2999-12-31' },
        ]}
        assessmentId={id}
      />,
    );
    const [late, later] = rows();
    expect(within(late as HTMLElement).getByText('Overdue')).toBeInTheDocument();
    expect(within(later as HTMLElement).queryByText('Overdue')).toBeNull();
  });
});
