import { describe, expect, it } from 'vitest';
import { randomHexId } from '../../src/core/randomId.ts';

describe('randomHexId', () => {
  it('makes ids of exactly the digits asked, hexadecimal only, odd counts included', () => {
    for (const digits of [1, 11, 12, 24])
      expect(randomHexId(digits)).toMatch(new RegExp(`^[0-9a-f]{${digits}}$`));
  });

  it('makes a different id each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomHexId(12)));
    expect(ids.size).toBe(1000);
  });
});
