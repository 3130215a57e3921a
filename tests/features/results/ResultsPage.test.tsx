import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { plan } from '../../../src/core/planning/plan.ts';
import { resultStatements } from '../../../src/core/reporting/statements.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { ResultsPage } from '../../../src/features/results/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore, storedAnswers } from '../../support/storeFixtures.ts';

const questionSet = questionSetById('softcell');

function ConnectedResults({ id }: { id: string }) {
  const assessment = useAssessments((state) => state.assessments[id]?.assessment);
  return assessment ? (
    <ResultsPage set={questionSet} assessmentId={id} assessment={assessment} />
  ) : null;
}

const planRows = () =>
  within(screen.getByRole('table', { name: 'Remediation plan in order' }))
    .getAllByRole('row')
    .slice(1);

describe('ResultsPage', () => {
  it('shows the risk and band the engine computes, and why the band is held at high', () => {
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    const result = score(questionSet, assessment);
    const statements = resultStatements(questionSet, result, plan(questionSet, assessment, result));
    expect(screen.getByText(result.risk.toFixed(1))).toBeInTheDocument();
    expect(screen.getByText('High')).toBeInTheDocument();
    // Why the band is held, then one line per critical gap saying why that control is critical.
    const reasons = within(screen.getByRole('list', { name: 'Reasons for the band' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(reasons).toEqual(statements.bandReasons);
    expect(reasons[0]).toMatch(/holds the band at High although the number alone would be/);
    expect(result.criticalGaps.length).toBeGreaterThan(0);
    for (const id of result.criticalGaps)
      expect(
        reasons.some((r) => r?.startsWith(id)),
        id,
      ).toBe(true);
    expect(screen.getByText(statements.bandMeaning)).toBeInTheDocument();
  });

  it('draws the eight phases with what prevents and detects each, and the statements true without a probability', () => {
    const assessment = fixtureAssessment('soft-cell-victim');
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    expect(
      within(screen.getByRole('list', { name: 'Risk per domain' })).getAllByRole('listitem'),
    ).toHaveLength(10);
    const phases = within(
      screen.getByRole('list', { name: 'Attack chain, phase by phase' }),
    ).getAllByRole('listitem');
    expect(phases.map((p) => p.textContent?.slice(0, 2))).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
      'P7',
      'P8',
    ]);
    const result = score(questionSet, assessment);
    const statements = resultStatements(questionSet, result, plan(questionSet, assessment, result));
    for (const sentence of Object.values(statements.chain))
      expect(screen.getByText(sentence)).toBeInTheDocument();
    expect(
      phases
        .filter((p) => within(p).queryByText('Unopposed'))
        .map((p) => p.textContent?.slice(0, 2)),
    ).toEqual(result.chain.unopposed);
    expect(screen.queryByText(/chance-like|exposure of the whole chain/i)).not.toBeInTheDocument();
    expect(screen.getByText(statements.assumeBreach ?? 'missing')).toBeInTheDocument();
  });

  it('rolls the plan up into programmes with their risk reduction', () => {
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    const { programmes } = plan(questionSet, assessment);
    const rows = within(screen.getByRole('table', { name: 'Programmes in plan order' }))
      .getAllByRole('row')
      .slice(1);
    expect(
      rows.map((row) => within(row).getAllByRole('cell')[0]?.querySelector('strong')?.textContent),
    ).toEqual(programmes.map((p) => p.title));
    expect(rows[0]).toHaveTextContent(`−${programmes[0]?.riskReduction.toFixed(1)}`);
  });

  it("lists the plan in the engine's order, with the how-to, the links and why an action waits", async () => {
    const user = userEvent.setup();
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    const { actions } = plan(questionSet, assessment);
    expect(planRows()).toHaveLength(15);
    expect(
      planRows().map(
        (row) => within(row).getAllByRole('cell')[1]?.querySelector('strong')?.textContent,
      ),
    ).toEqual(actions.slice(0, 15).map((a) => a.action));
    await user.click(screen.getByRole('button', { name: `Show all ${actions.length} actions` }));
    expect(planRows()).toHaveLength(actions.length);

    const index = actions.findIndex((a) => a.kind === 'fix' && a.cisV8.length > 0);
    const row = planRows()[index] as HTMLElement;
    await user.click(within(row).getByText('How to do it and references'));
    expect(within(row).getByText(actions[index]?.detail ?? 'missing')).toBeVisible();
    expect(
      within(row).getByText(new RegExp(actions[index]?.nistCsf[0] ?? 'missing')),
    ).toBeVisible();
    const stopGap = actions.findIndex((a) => a.kind === 'containment');
    expect(planRows()[stopGap]).toHaveTextContent('Stop-gap: start now');
    expect(planRows()[stopGap]).toHaveTextContent('stop-gap');
  });

  it('saves the owner as typed, spaces included, for every question of the action, once the field is left', async () => {
    const user = userEvent.setup();
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    const { actions } = plan(questionSet, assessment);
    await user.click(screen.getByRole('button', { name: `Show all ${actions.length} actions` }));
    const webShell = actions.findIndex((a) => a.id === 'WEB-SHELL-DETECTION');
    const owner = screen.getByRole('textbox', {
      name: new RegExp(`^Owner of action ${webShell + 1}:`),
    });
    await user.clear(owner);
    await user.type(owner, 'SOC Team');
    expect(owner).toHaveValue('SOC Team');
    await user.tab();
    expect(storedAnswers(id)['EDR-03']?.owner).toBe('SOC Team');
    expect(storedAnswers(id)['EDR-04']?.owner).toBe('SOC Team');
  });

  it('shows the different owners of an action together, keeps them until a new owner is typed and the field left, then sets it on every question', async () => {
    const user = userEvent.setup();
    const fixture = fixtureAssessment('middle-profile');
    const assessment = {
      ...fixture,
      answers: {
        ...fixture.answers,
        'EDR-03': { choice: 'logged', owner: 'SOC' },
        'EDR-04': { choice: 'none', owner: 'Web platform team' },
      },
    };
    const { actions } = plan(questionSet, assessment);
    const webShell = actions.findIndex((a) => a.id === 'WEB-SHELL-DETECTION');
    // Both questions are still gaps, so one action closes both.
    expect(actions[webShell]?.questionIds).toEqual(expect.arrayContaining(['EDR-03', 'EDR-04']));
    const [id = ''] = seedStore(assessment);
    const owners = () => [storedAnswers(id)['EDR-03']?.owner, storedAnswers(id)['EDR-04']?.owner];
    render(<ConnectedResults id={id} />);
    await user.click(screen.getByRole('button', { name: `Show all ${actions.length} actions` }));
    const owner = screen.getByRole('textbox', {
      name: new RegExp(`^Owner of action ${webShell + 1}:`),
    });
    expect(owner).toHaveValue('SOC, Web platform team');

    // Leaving the field, with or without an edit undone, keeps each question's own owner.
    await user.click(owner);
    await user.tab();
    expect(owners()).toEqual(['SOC', 'Web platform team']);
    await user.type(owner, 'x{Backspace}');
    await user.tab();
    expect(owners()).toEqual(['SOC', 'Web platform team']);
    expect(owner).toHaveValue('SOC, Web platform team');

    // Nothing is saved while typing.
    await user.clear(owner);
    await user.type(owner, 'T');
    expect(owner).toHaveValue('T');
    expect(owners()).toEqual(['SOC', 'Web platform team']);
    await user.type(owner, 'hreat hunting team');
    expect(owner).toHaveValue('Threat hunting team');
    expect(owners()).toEqual(['SOC', 'Web platform team']);

    await user.tab();
    expect(owners()).toEqual(['Threat hunting team', 'Threat hunting team']);
    expect(owner).toHaveValue('Threat hunting team');
    expect(storedAnswers(id)['EDR-03']?.choice).toBe('logged');
    expect(storedAnswers(id)['EDR-04']?.choice).toBe('none');
  });

  it('flags a due date later than the action can wait, and a critical control marked not applicable without compensation', () => {
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore({
      ...assessment,
      answers: {
        ...assessment.answers,
        'CRD-03': { choice: 'partial', due: '2028-12-31' },
        'SUB-02': { choice: 'na', naReason: 'The vendor runs the CDR store.' },
      },
    });
    render(<ConnectedResults id={id} />);
    expect(screen.getAllByText(/Later than the 0-30 days horizon/).length).toBeGreaterThan(0);
    expect(
      screen.getByText(/SUB-02: a critical control is marked not applicable/),
    ).toBeInTheDocument();
  });

  it('counts the unanswered questions as the stepper and the review do, scoping questions included', () => {
    const assessment = {
      ...fixtureAssessment('middle-profile'),
      answers: { 'EXP-02': { choice: 'all' }, 'CRD-02': { choice: 'na' } },
    };
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    const summary = useAssessments.getState().assessments[id]?.summary;
    const open = (summary?.visible ?? 0) - (summary?.answered ?? 0);
    expect(open).toBeGreaterThan(0);
    expect(
      screen.getByText(
        new RegExp(`^${open} questions are not answered \\(or N/A without a reason\\)`),
      ),
    ).toBeInTheDocument();
  });
});
