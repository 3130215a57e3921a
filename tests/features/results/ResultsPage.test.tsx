import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { questionSet } from '../../../src/content/questionSet.ts';
import { plan } from '../../../src/core/planning/plan.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { ResultsPage } from '../../../src/features/results/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore, storedAnswers } from '../../support/storeFixtures.ts';

function ConnectedResults({ id }: { id: string }) {
  const assessment = useAssessments((state) => state.assessments[id]?.assessment);
  return assessment ? <ResultsPage assessmentId={id} assessment={assessment} /> : null;
}

describe('ResultsPage', () => {
  it('shows the risk and band the engine computes, and why the band is held at high', () => {
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    const result = score(questionSet, assessment);
    expect(screen.getByText(result.risk.toFixed(1))).toBeInTheDocument();
    expect(screen.getByText('High')).toBeInTheDocument();
    expect(
      screen.getByText(/The number alone would be Medium, but 7 critical controls/),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 question is not answered/)).toBeInTheDocument();
  });

  it('draws a bar per domain and the eight phases with the weakest marked', () => {
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
    const weakest = score(questionSet, assessment).chain.weakest;
    expect(
      phases
        .filter((p) => p.textContent?.includes('Weakest'))
        .map((p) => p.textContent?.slice(0, 2)),
    ).toEqual([...weakest].sort());
  });

  it("lists the plan in the engine's order and saves an owner typed into it for every question of the action", async () => {
    const user = userEvent.setup();
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    render(<ConnectedResults id={id} />);
    const { actions } = plan(questionSet, assessment);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(15);
    expect(
      rows.map((row) => within(row).getAllByRole('cell')[1]?.querySelector('strong')?.textContent),
    ).toEqual(actions.slice(0, 15).map((a) => a.action));
    await user.click(screen.getByRole('button', { name: `Show all ${actions.length} actions` }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(actions.length + 1);

    const webShell = actions.findIndex((a) => a.id === 'WEB-SHELL-DETECTION');
    const owner = screen.getByRole('textbox', {
      name: new RegExp(`^Owner of action ${webShell + 1}:`),
    });
    await user.clear(owner);
    await user.type(owner, 'SOC');
    expect(storedAnswers(id)['EDR-03']?.owner).toBe('SOC');
    expect(storedAnswers(id)['EDR-04']?.owner).toBe('SOC');
  });
});
