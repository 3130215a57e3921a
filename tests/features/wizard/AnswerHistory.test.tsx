import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/core/delegation/schema.ts';
import { AnswerHistory } from '../../../src/features/wizard/AnswerHistory.tsx';

const options = [
  { id: 'shared', label: 'Shared' },
  { id: 'partial', label: 'Some hosts' },
  { id: 'unique', label: 'Unique everywhere' },
];
const lead = { by: 'J. Smith', role: 'lead', via: 'lead' } as const;
const history: HistoryEntry[] = [
  { at: '2026-03-01T09:00:00.000Z', event: 'answered', ...lead, to: 'shared' },
  {
    at: '2026-03-12T10:30:00.000Z',
    event: 'answered',
    by: 'Ana Ruiz',
    role: 'network operations',
    via: 'questionnaire',
    from: 'shared',
    to: 'partial',
  },
  { at: '2026-03-14T16:00:00.000Z', event: 'merged', ...lead },
  { at: '2026-04-01T08:00:00.000Z', event: 'answered', ...lead, from: 'partial', to: 'unknown' },
  { at: '2026-04-02T08:00:00.000Z', event: 'confirmed', ...lead },
];
/** A fixed, recognisable format, so the test reads which date goes with which change. */
const formatDateTime = (iso: string) => `at ${iso.slice(0, 16)}`;

const entries = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem', { hidden: true })
    .map((li) => li.textContent);

describe('AnswerHistory', () => {
  // A native <details>: browsers open it from the keyboard too, which jsdom does not emulate.
  it('is a closed disclosure that counts the changes and opens on its summary', async () => {
    const user = userEvent.setup();
    render(<AnswerHistory history={history} options={options} formatDateTime={formatDateTime} />);
    const summary = screen.getByText('History of this answer (5 changes)');
    const details = summary.closest('details') as HTMLDetailsElement;
    const [latest] = screen.getAllByRole('listitem', { hidden: true });
    expect(details.open).toBe(false);
    expect(latest).not.toBeVisible();
    expect(summary.tagName).toBe('SUMMARY');
    await user.click(summary);
    expect(details.open).toBe(true);
    expect(latest).toBeVisible();
  });

  it('lists the latest change first: when, what in the option labels, who and how', () => {
    render(<AnswerHistory history={history} options={options} formatDateTime={formatDateTime} />);
    expect(entries()).toEqual([
      'at 2026-04-02T08:00 confirmed as it is, by J. Smith (lead)',
      "at 2026-04-01T08:00 Some hosts → Don't know, typed by J. Smith (lead)",
      'at 2026-03-14T16:00 merged into the assessment, by J. Smith (lead)',
      'at 2026-03-12T10:30 Shared → Some hosts, by Ana Ruiz (network operations), via questionnaire',
      'at 2026-03-01T09:00 first answer: Shared, typed by J. Smith (lead)',
    ]);
    expect(
      screen.getAllByRole('listitem', { hidden: true })[0]?.querySelector('time'),
    ).toHaveAttribute('datetime', '2026-04-02T08:00:00.000Z');
  });

  it('names an answer taken from another set, a note, a cleared answer and a person without a role', () => {
    render(
      <AnswerHistory
        history={[
          {
            at: '2026-02-01T09:00:00.000Z',
            event: 'answered',
            by: 'Comms hardening, 2026-Q1',
            via: 'other-set',
            to: 'na',
          },
          { at: '2026-03-01T09:00:00.000Z', event: 'note', by: 'Ana Ruiz', via: 'questionnaire' },
          { at: '2026-03-02T09:00:00.000Z', event: 'answered', by: 'Lee', via: 'lead', from: 'na' },
        ]}
        options={options}
        formatDateTime={formatDateTime}
      />,
    );
    expect(screen.getByText('History of this answer (3 changes)')).toBeInTheDocument();
    expect(entries()).toEqual([
      'at 2026-03-02T09:00 cleared the answer (was Not applicable), typed by Lee',
      'at 2026-03-01T09:00 added a note, by Ana Ruiz, via questionnaire',
      'at 2026-02-01T09:00 first answer: Not applicable, taken from Comms hardening, 2026-Q1',
    ]);
  });

  it('says "1 change" for one, and shows nothing for an answer without a history', () => {
    const { container, rerender } = render(
      <AnswerHistory
        history={history.slice(0, 1)}
        options={options}
        formatDateTime={formatDateTime}
      />,
    );
    expect(screen.getByText('History of this answer (1 change)')).toBeInTheDocument();
    rerender(<AnswerHistory history={[]} options={options} formatDateTime={formatDateTime} />);
    expect(container).toBeEmptyDOMElement();
  });
});
