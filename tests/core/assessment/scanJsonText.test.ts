import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  importLimits,
  inspectJson,
  scanJsonText,
} from '../../../src/core/assessment/inspectJson.ts';
import { parseJsonText } from '../../../src/core/assessment/parseFile.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';

const fixture = readFileSync(
  join(import.meta.dirname, '../../fixtures/assessments/middle-profile.json'),
  'utf8',
);

/** A file of `count` + 1 entries: answers, and `"k0":1,"k1":1,…` in it. */
const manyKeys = (count: number) =>
  `{"answers":{${Array.from({ length: count }, (_, i) => `"k${i}":1`).join(',')}}}`;

describe('scanJsonText: the import limits checked on the text, before JSON.parse', () => {
  it('passes an exported assessment', () => {
    expect(scanJsonText(fixture)).toBeUndefined();
  });

  it('refuses one entry over the limit, in objects and in arrays, naming where', () => {
    expect(scanJsonText(manyKeys(importLimits.maxKeys - 1))).toBeUndefined();
    expect(scanJsonText(manyKeys(importLimits.maxKeys))).toEqual({
      path: 'answers',
      message: 'has far more entries than an assessment file can have',
    });
    const elements = `{"answers":[${Array(importLimits.maxKeys).fill('true').join(',')}]}`;
    expect(scanJsonText(elements)?.path).toBe('answers');
  });

  it('stops at the first excess: what follows is never looked at, let alone built', () => {
    const hostile = `${manyKeys(importLimits.maxKeys).slice(0, -2)},${'"x":'.repeat(1_000_000)}`;
    expect(parseJsonText(hostile)).toEqual({
      ok: false,
      problems: [
        { path: 'answers', message: 'has far more entries than an assessment file can have' },
      ],
    });
  });

  it('refuses deep nesting at the first level too deep, with its path', () => {
    const deep = `{"answers":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`;
    expect(scanJsonText(deep)).toEqual({
      path: 'answers[0][0][0][0][0][0][0][0][0][0][0]',
      message: 'is nested far deeper than an assessment file ever is',
    });
    expect(scanJsonText('[[[[[[[[[[[[[]]]]]]]]]]]]]')?.path).toBe(
      '[0][0][0][0][0][0][0][0][0][0][0][0]',
    );
  });

  it('measures strings as JSON.parse reads them: an escape is one character', () => {
    const atLimit = `{"note":"${'\\u0041'.repeat(importLimits.maxStringLength)}"}`;
    expect(scanJsonText(atLimit)).toBeUndefined();
    const over = `{"answers":{"EXP-02":{"note":"${'\\"'.repeat(importLimits.maxStringLength + 1)}"}}}`;
    expect(scanJsonText(over)).toEqual({
      path: 'answers.EXP-02.note',
      message: 'is 20,001 characters long; the limit is 20,000',
    });
    expect(scanJsonText(over, Infinity)).toBeUndefined();
  });

  it('refuses reserved names, written plainly or with escapes', () => {
    expect(scanJsonText('{"answers":{"__proto__":{}}}')).toEqual({
      path: 'answers.__proto__',
      message: 'uses the reserved name "__proto__", which is never valid here',
    });
    expect(scanJsonText('{"a":[{"constructor":1}]}')?.path).toBe('a[0].constructor');
    expect(scanJsonText('{"__pro\\u0074o__":1}')?.message).toMatch(/"__proto__"/);
  });

  it('ignores brackets, braces, commas and quotes inside strings', () => {
    const tricky = `{"note":"${'[{,\\"'.repeat(100)}","list":["]]]}}}",",,,,"]}`;
    expect(scanJsonText(tricky)).toBeUndefined();
  });

  it('never throws on text that is not JSON; JSON.parse refuses it afterwards', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        scanJsonText(text);
      }),
      { numRuns: propertyRuns(2_000) },
    );
    expect(parseJsonText('{"note":"cut off')).toMatchObject({ ok: false });
  });

  it('finds a problem exactly when the walk over the parsed value does', () => {
    const reservedKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'note');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(fc.string(), reservedKey), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    // Wrapped in up to 10 arrays or objects, so that both sides of the depth limit come up.
    const nested = fc
      .tuple(value, fc.array(fc.boolean(), { maxLength: 10 }))
      .map(([inner, wrappers]) =>
        wrappers.reduce<unknown>(
          (wrapped, inArray) => (inArray ? [wrapped] : { a: wrapped }),
          inner,
        ),
      );
    fc.assert(
      fc.property(nested, (generated) => {
        const text = JSON.stringify(generated);
        const walked = inspectJson(JSON.parse(text));
        expect(scanJsonText(text) === undefined).toBe(walked === undefined);
      }),
      { numRuns: propertyRuns(2_000) },
    );
  });
});
