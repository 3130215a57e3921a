import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual, merge3 } from '../../src/store/merge3.ts';
import { propertyRuns } from '../support/propertyRuns.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Answers = Record<string, Record<string, string>>;

const runs = { numRuns: propertyRuns(700) };

/** JSON text with the keys of every object sorted: two values are equal when their texts are. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key] as Json)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** What the app stores of a merge: persistentStorage writes JSON.stringify of merge3's result. */
const saved = (value: unknown): string => canonical(JSON.parse(JSON.stringify(value)) as Json);

const without = <T>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A deep copy whose objects list their keys in reverse order. */
function reordered(value: Json): Json {
  if (Array.isArray(value)) return value.map(reordered);
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, v]) => [key, reordered(v)]),
    );
  return value;
}

// Keys include names that objects inherit (constructor, toString) and that JSON.parse makes own
// properties. "__proto__" is left out here; it has its own tests below.
const key = fc
  .oneof(
    fc.constantFrom(
      'choice',
      'note',
      'owner',
      'due',
      'EDR-03',
      'EDR-04',
      'constructor',
      'toString',
    ),
    fc.string({ maxLength: 3 }),
  )
  .filter((k) => k !== '__proto__');
// Few distinct leaves, so that values often coincide and every branch of the merge is taken.
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(null, true, false, 0, 1, 'a', 'b', ''),
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));
const hasProtoKey = (value: Json): boolean =>
  Array.isArray(value)
    ? value.some(hasProtoKey)
    : isObject(value) &&
      Object.entries(value).some(([k, v]) => k === '__proto__' || hasProtoKey(v));
/** The above, or any JSON value at all (long strings, fractions, deep nesting). */
const anyJson = fc.oneof(
  json,
  fc
    .jsonValue({ maxDepth: 4 })
    .filter((value) => !hasProtoKey(value as Json)) as fc.Arbitrary<Json>,
);
const object = fc.dictionary(key, json, { maxKeys: 5, noNullPrototype: true });
/** An object and a copy of it with one key set to another value (possibly the same one). */
const objectAndEdit = fc
  .tuple(object, key, json)
  .map(([o, k, v]): [Json, Json] => [o, Object.fromEntries([...Object.entries(o), [k, v]])]);

describe('jsonEqual', () => {
  it('holds between a value and itself, and a copy listing its keys in another order', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const copy = reordered(value);
        expect(jsonEqual(value, value)).toBe(true);
        expect(jsonEqual(value, copy)).toBe(true);
        expect(jsonEqual(copy, value)).toBe(true);
      }),
      runs,
    );
  });

  const pairs = fc.oneof(
    fc.tuple(json, json),
    objectAndEdit,
    json.map((v): [Json, Json] => [v, reordered(v)]),
    fc
      .tuple(object, key)
      .map(([o, k]): [Json, Json] => [
        o,
        Object.fromEntries(Object.entries(o).filter(([key]) => key !== k)),
      ]),
  );

  it('gives the same answer whichever value comes first', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(jsonEqual(a, b)).toBe(jsonEqual(b, a));
      }),
      runs,
    );
  });

  it('says two values are equal exactly when their JSON texts with sorted keys are equal', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(jsonEqual(a, b)).toBe(canonical(a) === canonical(b));
      }),
      runs,
    );
  });

  it('tells a parsed object with a "__proto__" key from an object without one', () => {
    const withProto = JSON.parse('{"__proto__": {}}') as Json;
    expect(canonical(withProto)).not.toBe(canonical({ x: 5 }));
    expect(jsonEqual(withProto, { x: 5 })).toBe(false);
    expect(jsonEqual({ x: 5 }, withProto)).toBe(false);
  });
});

describe('merge3', () => {
  it("takes the other tab's value when this tab changed nothing", () => {
    fc.assert(
      fc.property(anyJson, anyJson, (base, theirs) => {
        expect(saved(merge3(base, reordered(base), theirs))).toBe(canonical(theirs));
      }),
      runs,
    );
  });

  it("keeps this tab's value when the other tab changed nothing", () => {
    fc.assert(
      fc.property(anyJson, anyJson, (base, ours) => {
        expect(saved(merge3(base, ours, reordered(base)))).toBe(canonical(ours));
      }),
      runs,
    );
  });

  it('leaves a value nobody changed as it is', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        expect(saved(merge3(value, value, value))).toBe(canonical(value));
      }),
      runs,
    );
  });

  it('gives the common value when both tabs made the same change', () => {
    fc.assert(
      fc.property(anyJson, anyJson, (base, both) => {
        expect(saved(merge3(base, both, reordered(both)))).toBe(canonical(both));
      }),
      runs,
    );
  });

  it("keeps this tab's value when both tabs changed a value that is not an object in both", () => {
    fc.assert(
      fc.property(anyJson, anyJson, anyJson, (base, ours, theirs) => {
        fc.pre(canonical(ours) !== canonical(base) && canonical(theirs) !== canonical(base));
        fc.pre(!(isObject(ours) && isObject(theirs)));
        expect(saved(merge3(base, ours, theirs))).toBe(canonical(ours));
      }),
      runs,
    );
  });

  it('deletes a key one tab deleted and the other left alone, whatever else the other changed', () => {
    const deletion = fc
      .tuple(object, key, json, json, fc.boolean())
      .map(([object, k, value, otherValue, oursDeletes]) => {
        const base = Object.fromEntries([...Object.entries(object), [k, value]]);
        const deleter = without(base, k);
        // The tab that keeps the key sets another key (a change, an addition or no change).
        const otherKey = `${k}+`;
        const keeper = Object.fromEntries([...Object.entries(base), [otherKey, otherValue]]);
        return { base, deleted: k, otherKey, oursDeletes, deleter, keeper };
      });
    fc.assert(
      fc.property(deletion, ({ base, deleted, otherKey, oursDeletes, deleter, keeper }) => {
        const merged = JSON.parse(
          JSON.stringify(
            oursDeletes ? merge3(base, deleter, keeper) : merge3(base, keeper, deleter),
          ),
        ) as Record<string, Json>;
        expect(Object.keys(merged)).not.toContain(deleted);
        expect(canonical(merged[otherKey] ?? null)).toBe(canonical(keeper[otherKey] ?? null));
      }),
      runs,
    );
  });

  describe('on answers keyed by question, as the store saves them', () => {
    const questions = ['EXP-01', 'EXP-02', 'EDR-03', 'EDR-04', 'SUB-02'];
    const fields = ['choice', 'note', 'owner', 'due'];
    const text = fc.constantFrom('all', 'none', 'SOC', 'Web platform team', '2027-01-31');
    const answer = fc.dictionary(fc.constantFrom(...fields), text, {
      minKeys: 1,
      noNullPrototype: true,
    });
    const answers = fc.dictionary(fc.constantFrom(...questions), answer, {
      noNullPrototype: true,
    });
    type FieldEdit = { kind: 'keep' } | { kind: 'delete' } | { kind: 'set'; value: string };
    const fieldEdit = fc.oneof(
      { weight: 3, arbitrary: fc.constant<FieldEdit>({ kind: 'keep' }) },
      fc.constant<FieldEdit>({ kind: 'delete' }),
      text.map((value): FieldEdit => ({ kind: 'set', value })),
    );
    const coordinates = questions.flatMap((q) => fields.map((f) => [q, f] as const));
    const edits = fc.array(fieldEdit, {
      minLength: coordinates.length,
      maxLength: coordinates.length,
    });

    /** The answers after a tab's field edits; an answer a tab never touched keeps its absence. */
    function apply(base: Answers, tabEdits: FieldEdit[]): Answers {
      const result: Answers = Object.fromEntries(
        Object.entries(base).map(([q, a]) => [q, { ...a }]),
      );
      coordinates.forEach(([q, f], i) => {
        const edit = tabEdits[i] ?? { kind: 'keep' };
        if (edit.kind === 'keep') return;
        const current = result[q];
        if (edit.kind === 'set') result[q] = { ...current, [f]: edit.value };
        else if (current) result[q] = without(current, f);
      });
      return result;
    }

    it("keeps every field only one tab changed, and this tab's value of a field both changed", () => {
      fc.assert(
        fc.property(answers, edits, edits, (base, oursEdits, theirsEdits) => {
          const ours = apply(base, oursEdits);
          const theirs = apply(base, theirsEdits);
          // Field by field: this tab's state where it differs from the base, else the other's.
          const expected: Answers = {};
          for (const [q, f] of coordinates) {
            const inBase = base[q]?.[f];
            const inOurs = ours[q]?.[f];
            const value = inOurs !== inBase ? inOurs : theirs[q]?.[f];
            if (q in base || q in ours || q in theirs) expected[q] ??= {};
            if (value !== undefined) (expected[q] as Record<string, string>)[f] = value;
          }
          expect(saved(merge3(base, ours, theirs))).toBe(canonical(expected));
        }),
        runs,
      );
    });

    it('keeps both tabs’ answers when they answered, changed or removed different questions', () => {
      const side = fc.constantFrom('none', 'ours', 'theirs');
      const plan = fc.tuple(
        ...questions.map(() => fc.record({ side, answer: fc.option(answer, { nil: undefined }) })),
      );
      fc.assert(
        fc.property(answers, plan, (base, changes) => {
          let ours: Answers = base;
          let theirs: Answers = base;
          let expected: Answers = base;
          const changed = (tab: Answers, q: string, answer: Answers[string] | undefined) =>
            answer ? { ...tab, [q]: answer } : without(tab, q);
          questions.forEach((q, i) => {
            const change = changes[i];
            if (!change || change.side === 'none') return;
            if (change.side === 'ours') ours = changed(ours, q, change.answer);
            else theirs = changed(theirs, q, change.answer);
            expected = changed(expected, q, change.answer);
          });
          expect(saved(merge3(base, ours, theirs))).toBe(canonical(expected));
        }),
        runs,
      );
    });

    // The store removes an answer whose last field is cleared, so clearing the only other field
    // of an answer reaches the merge as the whole answer being deleted.
    const base = { 'EDR-04': { note: 'Waiting for the vendor.' } };
    const cleared = {};
    const chosen = { 'EDR-04': { note: 'Waiting for the vendor.', choice: 'none' } };

    it("keeps the other tab's new choice when this tab cleared the answer's only note", () => {
      expect(merge3(base, cleared, chosen)).toEqual({ 'EDR-04': { choice: 'none' } });
    });

    it("keeps the other tab's clearing of the note when this tab chose an option", () => {
      expect(merge3(base, chosen, cleared)).toEqual({ 'EDR-04': { choice: 'none' } });
    });
  });

  it('keeps a key named "__proto__" that this tab added to a parsed object', () => {
    const ours = JSON.parse('{"__proto__": "x"}') as Json;
    expect(saved(merge3({}, ours, { a: 1 }))).toBe('{"__proto__":"x","a":1}');
  });

  it('does not take an object with a "__proto__" key for one with another key', () => {
    // This tab replaced x by "__proto__"; the other tab added y.
    const ours = JSON.parse('{"__proto__": {}}') as Json;
    expect(saved(merge3({ x: 5 }, ours, { x: 5, y: 1 }))).toBe('{"__proto__":{},"y":1}');
  });
});

describe('merge3 on whole assessments', () => {
  it('keeps an assessment removed in this tab removed, although the other tab edited its answers', () => {
    const base = { a1: { id: 'a1', assessment: { answers: { 'EXP-02': { choice: 'all' } } } } };
    const theirs = { a1: { id: 'a1', assessment: { answers: { 'EXP-02': { choice: 'none' } } } } };
    expect(merge3(base, {}, theirs)).toEqual({});
  });
});

describe('merge3 on answers taken from another set', () => {
  const base = { 'MPL-01': { choice: 'some', carriedOver: true } };
  const taken = {
    'MPL-01': {
      choice: 'most',
      carriedOver: true,
      takenFrom: { set: 'softcell', cycle: '2026-Q4', question: 'SEG-06' },
    },
  };
  const confirmed = { 'MPL-01': { choice: 'some' } };

  it('never pairs one tab’s taken choice with the other tab’s confirmation', () => {
    // Field by field this would be "most, confirmed": a choice nobody confirmed.
    expect(merge3(base, taken, confirmed)).toEqual(taken);
    expect(merge3(base, confirmed, taken)).toEqual(confirmed);
  });

  it('still merges a confirmation in one tab with a note added in the other', () => {
    const noted = { 'MPL-01': { choice: 'some', note: 'Checked in October' } };
    expect(merge3(base, confirmed, noted)).toEqual(noted);
  });
});
