import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAssessmentFile } from '../../../src/core/assessment/transfer.ts';
import { formatProblem } from '../../../src/core/result.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import { paths, setAt } from '../../support/jsonPaths.ts';
import { TestBrowser } from '../../support/testBrowser.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';
import { garbageFile, hostileValue } from '../../support/hostileJson.ts';

const set = loadShippedSet();
let validFile = '';
let validValue: Record<string, unknown> = {};

beforeAll(async () => {
  validFile = await exportedFile(
    fixtureAssessment('unicode-operator'),
    new Date('2026-11-26T10:00:00Z'),
  );
  validValue = JSON.parse(validFile) as Record<string, unknown>;
});

/** Malformed or hostile file texts, each a kind of mistake or attack an import must survive. */
const hostileFile = fc.oneof(
  // truncated anywhere
  fc.nat().map((cut) => validFile.slice(0, cut % validFile.length)),
  // a value anywhere replaced by another type, a giant string, prototype keys or deep nesting
  fc.tuple(fc.nat(), hostileValue).map(([pick, replacement]) => {
    const all = paths(validValue);
    return JSON.stringify(setAt(validValue, all[pick % all.length] ?? [], replacement));
  }),
  // a key added to any object, prototype keys included
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'EXP-99'),
      hostileValue,
    )
    .map(([pick, key, value]) => {
      const objects = paths(validValue).filter((path) => isObject(getAt(validValue, path)));
      return injectKey(objects[pick % objects.length] ?? [], key, value);
    }),
  // wrong versions
  fc
    .tuple(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), fc.string({ maxLength: 12 }))
    .map(([formatVersion, version]) =>
      JSON.stringify({ ...validValue, formatVersion, questionSet: { id: 'softcell', version } }),
    ),
  // content changed after export: the digest no longer matches
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([at, text]) => {
    const start = validFile.indexOf('"answers"');
    const position = start + (at % (validFile.length - start - 200));
    return validFile.slice(0, position) + text + validFile.slice(position + text.length);
  }),
  // binary garbage, random JSON, a damaged encrypted wrapper
  garbageFile,
);

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const getAt = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], root);

function injectKey(path: readonly (string | number)[], key: string, value: unknown): string {
  // Spread would turn "__proto__" into a prototype; a placeholder renamed in the text keeps it a
  // plain key, exactly as a hostile file delivers it to JSON.parse.
  const placeholder = `${key}§injected`;
  const text = JSON.stringify(
    setAt(validValue, path, { ...(getAt(validValue, path) as object), [placeholder]: value }),
  );
  return text.replace(JSON.stringify(placeholder), JSON.stringify(key));
}

function plainWords(message: string) {
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(10);
  expect(message.length).toBeLessThan(600);
  expect(message).not.toMatch(
    /\n\s+at |\[object Object\]|undefined|TypeError|SyntaxError|RangeError/,
  );
}

describe('import fuzzing: malformed and hostile files through the import path the app uses', () => {
  it('never throws, always explains, never pollutes prototypes, and leaves the stored data unchanged (12,000 files in npm run check)', async () => {
    const browser = new TestBrowser();
    const store = await browser.tab();
    store.getState().add(fixtureAssessment('middle-profile'), { view: 'results' });
    await store.persistence.flush();
    const before = structuredClone(store.getState().assessments);
    const storedBefore = await browser.saved();
    let rejected = 0;
    const runs = propertyRuns(12_000);
    await fc.assert(
      fc.asyncProperty(hostileFile, async (text) => {
        const result = await importAssessmentFile(text, set);
        if (!result.ok) {
          rejected += 1;
          expect(result.problems.length).toBeGreaterThan(0);
          result.problems.map(formatProblem).forEach(plainWords);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: runs },
    );
    expect(store.getState().assessments).toEqual(before);
    await store.persistence.flush();
    expect(await browser.saved()).toEqual(storedBefore);
    // Most generated files are refused: the generators aim at what must be refused.
    expect(rejected).toBeGreaterThan((runs * 5) / 6);
  }, 120_000);

  it('refuses a wrong passphrase in plain words, whatever the passphrase', async () => {
    const encrypted = await exportedFile(
      fixtureAssessment('middle-profile'),
      new Date(),
      'the right passphrase',
    );
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: 'binary', minLength: 1, maxLength: 40 })
          .filter((p) => p !== 'the right passphrase'),
        async (passphrase) => {
          expect(await importAssessmentFile(encrypted, set, passphrase)).toEqual({
            ok: false,
            problems: [
              {
                path: '',
                code: 'wrong-passphrase',
                message: 'The passphrase is wrong, or the file was changed after it was encrypted.',
              },
            ],
          });
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
