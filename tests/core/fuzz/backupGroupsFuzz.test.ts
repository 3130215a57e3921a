import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBackupFile } from '../../../src/core/backup/parse.ts';
import { groupSchema } from '../../../src/core/group/schema.ts';
import { formatProblem, type Problem, type Result } from '../../../src/core/result.ts';
import {
  backupText,
  deviceWith,
  northwind,
  resealed,
  southern,
  withGroups,
} from '../backup/backupFiles.ts';
import { hostileValue } from '../../support/hostileJson.ts';
import { paths, setAt, type JsonPath } from '../../support/jsonPaths.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';
import { loadShippedSets } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

/**
 * A backup's `groups`, damaged or hostile, through the path a restore reads it by
 * (importBackupFile). As for the other files (importFuzz, delegationFuzz): nothing throws, every
 * refusal is in plain words, and only groups that pass the group's schema are read; without a new
 * digest, only the groups Cellguard wrote.
 */

const sets = loadShippedSets();
const source = withGroups(deviceWith(fixtureAssessment('soft-cell-victim')), northwind, southern);

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const getAt = (root: unknown, path: JsonPath): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], root);

function deleteAt(root: unknown, path: JsonPath): unknown {
  const [head, ...rest] = path;
  if (head === undefined || root === null || typeof root !== 'object') return root;
  if (Array.isArray(root))
    return rest.length === 0
      ? root.filter((_, i) => i !== head)
      : root.map((child, i) => (i === head ? deleteAt(child, rest) : child));
  const record = root as Record<string, unknown>;
  if (rest.length === 0)
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== head));
  return { ...record, [head]: deleteAt(record[head], rest) };
}

/**
 * The backup's text with its `groups` made by `groups`; `extraKey` adds a key to an object inside
 * them through the text, so that even "__proto__" arrives as a plain key, as a hostile file
 * delivers it to JSON.parse.
 */
function withGroupsValue(
  file: Record<string, unknown>,
  groups: unknown,
  extraKey?: { path: JsonPath; key: string; value: unknown },
): string {
  const placeholder = extraKey && `${extraKey.key}§injected`;
  const changed =
    extraKey && placeholder
      ? setAt(groups, extraKey.path, {
          ...(getAt(groups, extraKey.path) as object),
          [placeholder]: extraKey.value,
        })
      : groups;
  const text = JSON.stringify({ ...file, groups: changed }) ?? '';
  return extraKey && placeholder
    ? text.replace(JSON.stringify(placeholder), JSON.stringify(extraKey.key))
    : text;
}

/** A message a person can act on: words, not a path or a stack, and not overlong. */
function plainWords(problem: Problem) {
  const message = formatProblem(problem);
  expect(problem.message).toMatch(/\p{L}{2,}\s+\p{L}{2,}/u);
  expect(message.length).toBeLessThan(600);
  expect(message).not.toMatch(
    /\n\s+at |\[object Object\]|undefined|NaN|TypeError|SyntaxError|RangeError/,
  );
}

describe('backup fuzzing: a hostile groups array', () => {
  it('never throws, refuses in plain words, and reads only groups that pass their schema', async () => {
    const text = await backupText(source);
    const file = JSON.parse(text) as Record<string, unknown>;
    const groups = file.groups;
    const all = paths(groups);
    const objects = all.filter((path) => isObject(getAt(groups, path)));
    const mutation = fc.oneof(
      // a value anywhere in the groups (the whole array included) replaced by a hostile one
      fc
        .tuple(fc.nat(), hostileValue)
        .map(([pick, value]) =>
          withGroupsValue(file, setAt(groups, all[pick % all.length] ?? [], value)),
        ),
      // a value anywhere in the groups left out
      fc
        .nat()
        .map((pick) =>
          withGroupsValue(file, deleteAt(groups, (all[pick % all.length] ?? []).slice())),
        ),
      // a key added to a group or a member, prototype keys included
      fc
        .tuple(
          fc.nat(),
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'weight', 'owner'),
          hostileValue,
        )
        .map(([pick, key, value]) =>
          withGroupsValue(file, groups, { path: objects[pick % objects.length] ?? [], key, value }),
        ),
      // an array of anything
      fc.array(hostileValue, { maxLength: 4 }).map((values) => withGroupsValue(file, values)),
    );
    await fc.assert(
      fc.asyncProperty(mutation, fc.boolean(), async (mutated, reseal) => {
        const delivered = reseal ? resealed(mutated, () => undefined) : mutated;
        const result: Result<{ groups: unknown[] }> = await importBackupFile(delivered, sets);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          result.problems.forEach(plainWords);
        } else {
          for (const group of result.value.groups)
            expect(groupSchema.safeParse(group).success).toBe(true);
          // Without a new digest, only what Cellguard wrote is read.
          if (!reseal) expect(result.value.groups).toEqual([northwind, southern]);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: propertyRuns(400) },
    );
  }, 60_000);
});
