import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { NewAssessmentPage } from '../../../src/features/wizard/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

const softCellTitle = 'Operation Soft Cell exposure assessment';
const networkTitle = 'Communications infrastructure hardening assessment';

describe('NewAssessmentPage', () => {
  beforeEach(() => {
    seedStore();
    window.location.hash = '#/new';
  });

  it('suggests this quarter as the cycle and requires an organisation and a scope', async () => {
    const user = userEvent.setup();
    render(<NewAssessmentPage />);
    const today = new Date();
    expect(screen.getByLabelText('Cycle')).toHaveValue(
      `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`,
    );
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Enter the organisation being assessed.')).toBeInTheDocument();
    expect(screen.getByLabelText('Scope')).toHaveAccessibleDescription(/Enter the scope/);
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(0);
  });

  it('takes a cycle only as a quarter, a half-year or a year, with the cadence chosen explicitly', async () => {
    const user = userEvent.setup();
    render(<NewAssessmentPage />);
    await user.type(screen.getByLabelText('Organisation'), 'Example Mobile');
    await user.type(screen.getByLabelText('Scope'), 'Core network');
    const cycle = screen.getByLabelText('Cycle');
    await user.clear(cycle);
    await user.type(cycle, 'Q4 2026');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Write the cycle as 2026-Q4.')).toBeInTheDocument();
    await user.clear(cycle);
    await user.type(cycle, '2026-H2');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(
      await screen.findByText(
        '2026-H2 is not quarterly: write a quarter such as 2026-Q4, or choose half-yearly.',
      ),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('How often it is run'), 'Half-yearly (2026-H2)');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(1));
    expect(Object.values(useAssessments.getState().assessments)[0]?.assessment.cycle).toBe(
      '2026-H2',
    );
  });

  it('refuses a second assessment of the same organisation, scope and cycle, linking to the one kept, and a double click makes one', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<NewAssessmentPage />);
    const fill = async () => {
      await user.type(screen.getByLabelText('Organisation'), 'Example Mobile');
      await user.type(screen.getByLabelText('Scope'), 'Core network');
      await user.clear(screen.getByLabelText('Cycle'));
      await user.type(screen.getByLabelText('Cycle'), '2026-Q4');
    };
    await fill();
    await user.dblClick(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
    render(<NewAssessmentPage />);
    await fill();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const [kept] = Object.keys(useAssessments.getState().assessments);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'An assessment with this organisation, scope, question set and cycle is already on this device.',
    );
    expect(screen.getByRole('link', { name: 'Open the existing assessment' })).toHaveAttribute(
      'href',
      `#/a/${kept}`,
    );
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(1);
  });

  it('creates the assessment and opens its first step', async () => {
    const user = userEvent.setup();
    render(<NewAssessmentPage />);
    await user.type(screen.getByLabelText('Organisation'), 'Example Mobile');
    await user.type(screen.getByLabelText('Scope'), 'Core network');
    await user.type(screen.getByLabelText('Assessor'), 'A. Analyst');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(1));
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

describe('NewAssessmentPage with several question sets', () => {
  beforeEach(() => {
    window.location.hash = '#/new';
  });

  it('starts an assessment of the chosen set, taking what another set already answered for the same organisation and scope', async () => {
    const softCell = fixtureAssessment('soft-cell-victim');
    seedStore(softCell);
    const user = userEvent.setup();
    render(<NewAssessmentPage />);
    const sets = screen.getByRole('group', { name: 'Question set' });
    expect(within(sets).getByRole('radio', { name: softCellTitle })).toBeChecked();
    await user.click(within(sets).getByRole('radio', { name: networkTitle }));
    await user.type(screen.getByLabelText('Organisation'), softCell.organisation.toUpperCase());
    await user.type(screen.getByLabelText('Scope'), softCell.scope);
    await user.clear(screen.getByLabelText('Cycle'));
    await user.type(screen.getByLabelText('Cycle'), softCell.cycle);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/a\/[0-9a-f]+\/step\/EDG$/));
    const id = /#\/a\/([0-9a-f]+)\//.exec(window.location.hash)?.[1] ?? '';
    const started = useAssessments.getState().assessments[id]?.assessment;
    expect(started?.questionSet).toEqual({ id: 'comms-hardening', version: '1.0.0' });
    // Same organisation, scope and cycle, but another set: a second assessment, not a twin.
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(2);
    expect(started?.answers['MPL-01']).toEqual({
      choice: softCell.answers['SEG-06']?.choice,
      carriedOver: true,
      takenFrom: { set: 'softcell', cycle: softCell.cycle, question: 'SEG-06' },
    });
  });
});
