import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { newAssessment } from '../../../src/core/assessment/create.ts';
import { DomainStep } from '../../../src/features/wizard/index.ts';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { seedStore, storedAnswers } from '../../support/storeFixtures.ts';
import { givenAnswers } from '../../support/givenAnswers.ts';

const questionSet = questionSetById('softcell');

/** Renders a step the way the app does: fed from the store, re-rendered on every store change. */
function ConnectedStep({ id, domainId }: { id: string; domainId: string }) {
  const answers = useAssessments((state) => state.assessments[id]?.assessment.answers ?? {});
  return <DomainStep set={questionSet} assessmentId={id} domainId={domainId} answers={answers} />;
}

let id: string;
beforeEach(() => {
  [id = ''] = seedStore(
    newAssessment(
      questionSet,
      { organisation: 'Test Mobile', scope: '', cycle: '2026-Q4' },
      new Date(),
    ),
  );
});

const question = (questionId: string) =>
  screen.getByRole('group', { name: new RegExp(`^${questionId} `) });

describe('DomainStep', () => {
  it('shows each question as a fieldset named by its legend, with its graded options and the two universal answers', () => {
    render(<ConnectedStep id={id} domainId="CRD" />);
    const crd01 = question('CRD-01');
    const radios = within(crd01).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual([
      'none',
      'some',
      'most',
      'all',
      'verified',
      'na',
      'unknown',
    ]);
    expect(within(crd01).getByRole('radio', { name: 'All, tested' })).toHaveAccessibleDescription(
      /harmless dump attempt in the last six months was blocked/,
    );
    expect(within(crd01).getByText('Critical control')).toBeInTheDocument();
  });

  it('tells where its help text comes from, what the control does and what it requires', async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} domainId="CRD" />);
    const crd09 = question('CRD-09');
    await user.click(within(crd09).getByText('Why this matters'));
    const why = within(crd09).getByText('Why this matters').closest('details') as HTMLElement;
    expect(within(why).getByText(/Cybereason Nocturnus, “Operation Soft Cell/)).toBeVisible();
    expect(within(why).getByText(/^Detects: P4 Credential access/)).toBeVisible();
    expect(
      within(why).getByText(/^EDR-01 or LOG-02: The alert reads process-access events/),
    ).toBeVisible();
    expect(within(why).getByText(/R3\* Endpoint visibility and response/)).toBeVisible();
    expect(within(why).getAllByText(/unverified paraphrase/).length).toBeGreaterThan(0);
    // A help text with no source says that it is reasoning.
    const crd04 = question('CRD-04');
    await user.click(within(crd04).getByText('Why this matters'));
    expect(within(crd04).getByText(/None: the text above is reasoning/)).toBeInTheDocument();
  });

  it('asks for a compensating control and a risk owner when a critical control is not applicable, and saves them', async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} domainId="CRD" />);
    const crd01 = question('CRD-01');
    expect(within(crd01).queryByLabelText(/Compensating control/)).not.toBeInTheDocument();
    await user.click(within(crd01).getByRole('radio', { name: 'Not applicable' }));
    await user.type(
      within(crd01).getByLabelText(/Reason it does not apply/),
      'No Windows servers.',
    );
    await user.type(
      within(crd01).getByLabelText('Compensating control (what stands in for it)'),
      'Linux only, hardened',
    );
    await user.type(
      within(crd01).getByLabelText('Risk accepted by (name and role)'),
      'J. Doe, CISO',
    );
    expect(storedAnswers(id)['CRD-01']).toEqual({
      choice: 'na',
      naReason: 'No Windows servers.',
      compensatingControl: 'Linux only, hardened',
      riskAcceptedBy: 'J. Doe, CISO',
    });
    // A control that is not critical needs only the reason.
    const crd04 = question('CRD-04');
    await user.click(within(crd04).getByRole('radio', { name: 'Not applicable' }));
    expect(within(crd04).queryByLabelText(/Compensating control/)).not.toBeInTheDocument();
  });

  it('saves a chosen option to the store at once and to the browser database', async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} domainId="CRD" />);
    await user.click(within(question('CRD-03')).getByRole('radio', { name: 'Unique everywhere' }));
    expect(storedAnswers(id)['CRD-03']).toEqual({ choice: 'unique' });
    await useAssessments.persistence.flush();
    const db = await openDatabase(indexedDB);
    const record = (await db.read(id)) as {
      stored: { assessment: { answers: Record<string, unknown> } };
    };
    db.close();
    expect(givenAnswers(record.stored.assessment.answers)).toEqual({
      'CRD-03': { choice: 'unique' },
    });
  });

  it('saves notes, evidence, owner and due date as they are typed', async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} domainId="CRD" />);
    const crd01 = question('CRD-01');
    await user.type(within(crd01).getByLabelText('Note'), 'Pilot on 3 hosts');
    await user.click(within(crd01).getByText('Evidence, owner and due date'));
    await user.type(within(crd01).getByLabelText('Owner'), 'Windows team');
    await user.type(within(crd01).getByLabelText('Due date'), '2027-03-31');
    expect(storedAnswers(id)['CRD-01']).toEqual({
      note: 'Pilot on 3 hosts',
      owner: 'Windows team',
      due: '2027-03-31',
    });
  });

  it('hides web-tier questions when the scoping question says there is no web application, and shows them again', async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} domainId="EXP" />);
    expect(question('EXP-02')).toBeInTheDocument();
    await user.click(within(question('EXP-01')).getByRole('radio', { name: 'No, none' }));
    expect(screen.queryByRole('group', { name: /^EXP-02 / })).toBeNull();
    expect(screen.queryByRole('group', { name: /^EXP-08 / })).toBeNull();
    // Edge patching covers VPN gateways too, so it stays.
    expect(question('EXP-03')).toBeInTheDocument();
    expect(question('EXP-04')).toBeInTheDocument();
    expect(screen.getByText(/4 questions are hidden because a scoping answer/)).toBeInTheDocument();
    await user.click(within(question('EXP-01')).getByRole('radio', { name: 'Yes, one or more' }));
    expect(question('EXP-02')).toBeInTheDocument();
  });

  it('asks for a reason when "Not applicable" is chosen and clears the request once one is given', async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} domainId="SUB" />);
    const sub07 = question('SUB-07');
    await user.click(within(sub07).getByRole('radio', { name: 'Not applicable' }));
    const reason = within(sub07).getByLabelText('Reason it does not apply (required)');
    expect(
      await within(sub07).findByText(/Say why this control does not apply/),
    ).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(storedAnswers(id)['SUB-07']).toEqual({ choice: 'na' });
    await user.type(reason, 'Run by the national authority');
    expect(within(sub07).queryByText(/Say why this control does not apply/)).toBeNull();
    expect(storedAnswers(id)['SUB-07']).toEqual({
      choice: 'na',
      naReason: 'Run by the national authority',
    });
  });

  it('keeps the reason for "Not applicable" apart from the note: an existing note does not count as the reason', async () => {
    const user = userEvent.setup();
    render(<ConnectedStep id={id} domainId="SUB" />);
    const sub07 = question('SUB-07');
    await user.type(within(sub07).getByLabelText('Note'), 'Asked the fraud team on 3 March');
    await user.click(within(sub07).getByRole('radio', { name: 'Not applicable' }));
    const reason = within(sub07).getByLabelText('Reason it does not apply (required)');
    expect(reason).toHaveValue('');
    expect(
      await within(sub07).findByText(/Say why this control does not apply/),
    ).toBeInTheDocument();
    // The store counts it as unanswered until the reason is given.
    expect(useAssessments.getState().assessments[id]?.summary?.answered).toBe(0);
    await user.type(reason, 'No lookups outside the lawful-disclosure team');
    expect(storedAnswers(id)['SUB-07']).toEqual({
      choice: 'na',
      note: 'Asked the fraud team on 3 March',
      naReason: 'No lookups outside the lawful-disclosure team',
    });
    expect(within(sub07).getByLabelText('Note')).toHaveValue('Asked the fraud team on 3 March');
  });
});

describe('DomainStep of the network-side set', () => {
  it('says whom each question is for, as the guidance splits its readers', () => {
    const network = questionSetById('comms-hardening');
    const [networkId = ''] = seedStore(
      newAssessment(
        network,
        { organisation: 'Test Mobile', scope: 'Core', cycle: '2026-Q4' },
        new Date(),
      ),
    );
    render(<DomainStep set={network} assessmentId={networkId} domainId="AAA" answers={{}} />);
    const tags = [...document.querySelectorAll('.tag.audience')].map((tag) => tag.textContent);
    expect(tags.length).toBeGreaterThan(3);
    expect(tags).toContain('For network engineers and defenders');
    // Soft Cell's questions name no audience: its source addresses none.
    expect(questionSet.questions.some((q) => q.audience)).toBe(false);
  });
});

describe('DomainStep with unconfirmed answers', () => {
  it('confirms one answer as it is, keeping the keyboard on that question', async () => {
    const user = userEvent.setup();
    useAssessments.getState().updateAnswer(id, 'CRD-01', { choice: 'some' });
    useAssessments.getState().updateAnswer(id, 'CRD-02', { choice: 'none' });
    const marked = Object.fromEntries(
      Object.entries(storedAnswers(id)).map(([q, a]) => [q, { ...a, carriedOver: true as const }]),
    );
    useAssessments.getState().takeAnswers(id, marked);
    render(<ConnectedStep id={id} domainId="CRD" />);
    await user.click(screen.getByRole('button', { name: 'Confirm as it is: CRD-01' }));
    expect(storedAnswers(id)['CRD-01']).toEqual({ choice: 'some' });
    expect(storedAnswers(id)['CRD-02']).toMatchObject({ carriedOver: true });
    expect(question('CRD-01')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Confirm as it is: CRD-01' })).toBeNull();
  });
});
