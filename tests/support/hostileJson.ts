import fc from 'fast-check';

/**
 * What the fuzz tests put into files: values that break a schema or attack a parser (prototype
 * keys, giant strings, deep nesting), and whole texts that are no Cellguard file at all.
 */

/** A value to put anywhere in a file. */
export const hostileValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constant('x'.repeat(25_000)),
  fc.constant([]),
  fc.constant({}),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')),
  fc.nat(40).map((depth) => JSON.parse(`${'['.repeat(depth + 10)}${']'.repeat(depth + 10)}`)),
  fc.jsonValue({ maxDepth: 4 }),
);

/** A whole text that is not a Cellguard file: binary garbage, random JSON, a damaged encrypted wrapper. */
export const garbageFile = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => String.fromCharCode(...bytes)),
  fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
  // The passphrase is never reached.
  fc
    .record({
      format: fc.constant('cellguard-encrypted'),
      formatVersion: fc.oneof(fc.constant(1), fc.integer()),
      kdf: hostileValue,
      cipher: hostileValue,
      ciphertext: hostileValue,
    })
    .map((value) => JSON.stringify(value)),
);
