import { describe, expect, it } from 'vitest';
import { pointsMove, riskDirection } from '../../../src/core/comparison/direction.ts';

describe('the direction of a move in risk', () => {
  it('calls lower risk better, higher worse, and no move at the one decimal shown the same', () => {
    expect(riskDirection(-1.2)).toBe('better');
    expect(riskDirection(0.3)).toBe('worse');
    expect(riskDirection(0)).toBe('same');
    expect(riskDirection(-0.04)).toBe('same');
    expect(riskDirection(0.04)).toBe('same');
  });

  it('writes a move with its sign, and a move too small to show as ±0.0, never −0.0', () => {
    expect(pointsMove(-1.25)).toBe('−1.3');
    expect(pointsMove(2)).toBe('+2.0');
    expect(pointsMove(-0.04)).toBe('±0.0');
    expect(pointsMove(0)).toBe('±0.0');
  });
});
