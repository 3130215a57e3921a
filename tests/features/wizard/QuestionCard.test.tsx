import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { beforeEach, describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { newAssessment } from '../../../src/core/assessment/create.ts';
import type { HistoryEntry } from '../../../src/core/delegation/schema.ts';
import { DomainStep } from '../../../src/features/wizard/index.ts';
import {
  QuestionCard,
  type AnswerFields,
  type StepValues,
} from '../../../src/features/wizard/QuestionCard.tsx';
import { useAssessments } from '../../../src/store/index.ts';
import { seedStore } from '../../support/storeFixtures.ts';

const questionSet = questionSetById('softcell');
const crd03 = questionSet.questions.find((q) => q.id === 'CRD-03');
if (!crd03) throw new Error('no CRD-03');
const noop = () => {};

const fields: AnswerFields = {
  choice: 'partial',
  note: '',
  naReason: '',
  evidence: 'LAPS report',
  evidenceDate: '2026-01-12',
  owner: '',
  due: '',
  compensatingControl: '',
  riskAcceptedBy: '',
};

/** One card in its own form, as DomainStep renders it. */
function Card(props: { history?: readonly HistoryEntry[]; evidenceEnteredAt?: string }) {
  const { register } = useForm<StepValues>({ defaultValues: { answers: { 'CRD-03': fields } } });
  return (
    <QuestionCard
      set={questionSet}
      question={crd03 as NonNullable<typeof crd03>}
      register={register}
      choice="partial"
      hasDetails
      unconfirmedFrom={undefined}
      onConfirm={noop}
      staleEvidence={false}
      staleEvidenceDays={180}
      history={props.history}
      evidenceEnteredAt={props.evidenceEnteredAt}
      errors={undefined}
    />
  );
}

const history: HistoryEntry[] = [
  {
    at: '2026-03-01T09:00:00.000Z',
    event: 'answered',
    by: 'J. Smith',
    role: 'lead',
    via: 'lead',
    to: 'shared',
  },
  {
    at: '2026-03-12T10:30:00.000Z',
    event: 'answered',
    by: 'Ana Ruiz',
    role: 'network operations',
    via: 'questionnaire',
    from: 'shared',
    to: 'partial',
  },
];

describe('QuestionCard: who answered and when', () => {
  it('offers the history of the answer, closed, in the labels of the question', async () => {
    const user = userEvent.setup();
    render(<Card history={history} />);
    const summary = screen.getByText('History of this answer (2 changes)');
    const [latest, first] = within(summary.closest('details') as HTMLElement).getAllByRole(
      'listitem',
      { hidden: true },
    );
    expect(latest).not.toBeVisible();
    await user.click(summary);
    expect(latest).toBeVisible();
    expect(latest).toHaveTextContent(
      '12 Mar 2026, 10:30 Shared → Some hosts, by Ana Ruiz (network operations), via questionnaire',
    );
    expect(first).toHaveTextContent(
      '1 Mar 2026, 09:00 first answer: Shared, typed by J. Smith (lead)',
    );
  });

  it('says when the evidence was entered, beside its date', () => {
    render(<Card evidenceEnteredAt="2026-11-20T10:00:00.000Z" />);
    expect(screen.getByLabelText('Evidence date')).toHaveAccessibleDescription(
      'Evidence entered 20 Nov 2026',
    );
  });

  it('shows neither for an answer recorded before Cellguard kept them', () => {
    render(<Card />);
    expect(screen.queryByText(/History of this answer/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Evidence entered/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Evidence date')).not.toHaveAttribute('aria-describedby');
  });
});

describe('QuestionCard in its step: the history the store records', () => {
  function ConnectedStep({ id }: { id: string }) {
    const answers = useAssessments((state) => state.assessments[id]?.assessment.answers ?? {});
    return <DomainStep set={questionSet} assessmentId={id} domainId="CRD" answers={answers} />;
  }

  let id: string;
  beforeEach(() => {
    [id = ''] = seedStore({
      ...newAssessment(
        questionSet,
        { organisation: 'Test Mobile', scope: '', cycle: '2026-Q4' },
        new Date(),
      ),
      assessor: 'J. Smith',
    });
  });

  it("shows the lead's answer and when the evidence was entered as soon as they are given", async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} />);
    const card = screen.getByRole('group', { name: /^CRD-03 / });
    expect(within(card).queryByText(/History of this answer/)).not.toBeInTheDocument();
    await user.click(within(card).getByRole('radio', { name: 'Some hosts' }));
    const summary = within(card).getByText('History of this answer (1 change)');
    await user.click(summary);
    expect(
      within(summary.closest('details') as HTMLElement).getByRole('listitem'),
    ).toHaveTextContent('first answer: Some hosts, typed by J. Smith (lead)');
    await user.click(within(card).getByText('Evidence, owner and due date'));
    await user.type(within(card).getByLabelText('Evidence'), 'LAPS report');
    expect(within(card).getByLabelText('Evidence date')).toHaveAccessibleDescription(
      /^Evidence entered \d{1,2} \w{3} \d{4}$/,
    );
  });
});
