import { describe, expect, it } from 'vitest';
import { formatPoints, formatRisk, shownChange } from '../../src/core/format.ts';

describe('shownChange', () => {
  it('is the difference of the figures as shown, so that "from 47.3 to 44.2" reads −3.1', () => {
    // Exactly, 44.24 − 47.26 = −3.02, shown as −3.0 beside 47.3 and 44.2.
    expect(formatPoints(44.24 - 47.26)).toBe('-3.0');
    expect(formatPoints(shownChange(47.26, 44.24))).toBe('-3.1');
    expect(formatRisk(47.26)).toBe('47.3');
  });

  it('is 0 when both figures show the same, whatever the exact difference', () => {
    expect(shownChange(5.46, 5.54)).toBe(0);
    expect(shownChange(100, 0)).toBe(-100);
  });
});
