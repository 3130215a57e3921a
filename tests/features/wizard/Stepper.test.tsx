import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { Stepper } from '../../../src/features/wizard/index.ts';

const set = questionSetById('softcell');

const link = (name: RegExp) => screen.getByRole('link', { name });

describe('Stepper', () => {
  it('shows answered against shown questions per domain, counting hidden questions out', () => {
    render(
      <Stepper
        set={set}
        assessmentId="a1"
        current="EXP"
        answers={{
          'EXP-01': { choice: 'no' },
          'EXP-04': { choice: 'none' },
          'CRD-01': { choice: 'unknown' },
          'SUB-07': { choice: 'na' },
        }}
      />,
    );
    // EXP-01 "no" hides EXP-02, -06, -07, -08: four of the eight remain, two answered.
    expect(link(/^Internet exposure and the web tier/)).toHaveTextContent('2/4');
    expect(link(/^Credential protection/)).toHaveTextContent('1/9');
    // N/A without a reason is not an answer yet.
    expect(link(/^Subscriber-data protection/)).toHaveTextContent('0/9');
    expect(screen.getByText(/^3 of \d+ answered$/)).toBeInTheDocument();
  });

  it('marks the current step and links every step, review and results', () => {
    render(<Stepper set={set} assessmentId="a1" current="PRV" answers={{}} />);
    expect(link(/^Privileged access/)).toHaveAttribute('aria-current', 'step');
    expect(link(/^Privileged access/)).toHaveAttribute('href', '#/a/a1/step/PRV');
    expect(link(/^Review/)).toHaveAttribute('href', '#/a/a1/review');
    expect(link(/^Results/)).toHaveAttribute('href', '#/a/a1/results');
    expect(screen.getAllByRole('link')).toHaveLength(12);
  });

  it('counts carried-over answers apart from confirmed ones, and ticks a step only once all of it is confirmed', () => {
    const carried = { carriedOver: true } as const;
    render(
      <Stepper
        set={set}
        assessmentId="a1"
        current="CRD"
        answers={{
          'CRD-01': { choice: 'verified', ...carried },
          'CRD-02': { choice: 'unknown', ...carried },
          'CRD-03': { choice: 'unique' },
          'EXP-01': { choice: 'no' },
          'EXP-03': { choice: 'unknown' },
          'EXP-04': { choice: 'none' },
          'EXP-05': { choice: 'unknown', ...carried },
        }}
      />,
    );
    const credentials = link(/^Credential protection/);
    expect(credentials).toHaveTextContent('3/9 2 to confirm');
    expect(credentials).toHaveAccessibleName(
      /3 of 9 answered, 2 of them carried over, not confirmed$/,
    );
    // All four shown questions answered, one of them carried: not done yet.
    expect(link(/^Internet exposure/)).toHaveTextContent('4/4 1 to confirm');
    expect(link(/^Internet exposure/).closest('li')).not.toHaveClass('done');
    expect(screen.getByText('3 carried over, not confirmed')).toBeInTheDocument();
  });
});

describe('Stepper with answers taken from another set', () => {
  it('says where the unconfirmed answers came from', () => {
    const takenFrom = { set: 'comms-hardening', cycle: '2026-Q4', question: 'MPL-01' };
    const { rerender } = render(
      <Stepper
        set={set}
        assessmentId="a1"
        current="SEG"
        answers={{ 'SEG-06': { choice: 'most', carriedOver: true, takenFrom } }}
      />,
    );
    // A link to the review, which lists each of them.
    expect(
      screen.getByRole('link', { name: '1 taken from another set, not confirmed' }),
    ).toHaveAttribute('href', '#/a/a1/review');
    rerender(
      <Stepper
        set={set}
        assessmentId="a1"
        current="SEG"
        answers={{
          'SEG-06': { choice: 'most', carriedOver: true, takenFrom },
          'SEG-01': { choice: 'flat', carriedOver: true },
        }}
      />,
    );
    expect(screen.getByText('2 carried over or taken, not confirmed')).toBeInTheDocument();
  });
});
