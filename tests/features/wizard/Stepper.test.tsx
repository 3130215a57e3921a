import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Stepper } from '../../../src/features/wizard/index.ts';

const link = (name: RegExp) => screen.getByRole('link', { name });

describe('Stepper', () => {
  it('shows answered against shown questions per domain, counting hidden questions out', () => {
    render(
      <Stepper
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
    render(<Stepper assessmentId="a1" current="PRV" answers={{}} />);
    expect(link(/^Privileged access/)).toHaveAttribute('aria-current', 'step');
    expect(link(/^Privileged access/)).toHaveAttribute('href', '#/a/a1/step/PRV');
    expect(link(/^Review/)).toHaveAttribute('href', '#/a/a1/review');
    expect(link(/^Results/)).toHaveAttribute('href', '#/a/a1/results');
    expect(screen.getAllByRole('link')).toHaveLength(12);
  });
});
