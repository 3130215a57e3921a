/**
 * Three-way merge of JSON values, used when another tab saved since this one last read: what
 * only one side changed is taken from that side, so edits to different answers (or different
 * fields of one answer) in two tabs both survive. When both changed the same value, this tab's
 * newer edit wins.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isFlatRecord = (value: unknown): value is Record<string, Json> =>
  isObject(value) && Object.values(value).every((v) => v === null || typeof v !== 'object');

/** A key's own value: never one inherited from Object.prototype ("constructor", "__proto__"). */
const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined;

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

export function merge3(base: unknown, ours: unknown, theirs: unknown): unknown {
  if (jsonEqual(ours, base)) return theirs;
  if (jsonEqual(theirs, base)) return ours;
  // The store removes an answer whose last field was cleared: to the other tab's edits of the same
  // answer, that is every field cleared, not the answer refused. Only for flat records of fields
  // such as an answer: a removed assessment stays removed, not rebuilt from the other tab's edits.
  const emptied = (side: unknown, other: unknown) =>
    side === undefined && isFlatRecord(base) && isFlatRecord(other);
  if (emptied(ours, theirs) || emptied(theirs, ours)) {
    const merged = merge3(base, ours ?? {}, theirs ?? {});
    return isObject(merged) && Object.keys(merged).length === 0 ? undefined : merged;
  }
  if (isObject(ours) && isObject(theirs)) {
    const origin = isObject(base) ? base : {};
    const merged: Record<string, unknown> = {};
    for (const key of new Set([
      ...Object.keys(ours),
      ...Object.keys(theirs),
      ...Object.keys(origin),
    ])) {
      const value = merge3(own(origin, key), own(ours, key), own(theirs, key));
      // defineProperty, not assignment: a key named "__proto__" must stay a key.
      if (value !== undefined)
        Object.defineProperty(merged, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    // An answer's choice and its marks travel together: "most, taken from Soft Cell, unconfirmed"
    // from one tab and "confirmed" from the other must not merge into "most, confirmed", which
    // nobody chose. When the field-by-field merge pairs them as neither side did, this tab wins.
    const pairing = (record: Record<string, unknown>) => answerMarks.map((key) => own(record, key));
    if (
      answerMarks.some((key) => Object.hasOwn(ours, key) || Object.hasOwn(theirs, key)) &&
      !jsonEqual(pairing(merged), pairing(ours)) &&
      !jsonEqual(pairing(merged), pairing(theirs))
    )
      return ours;
    return merged;
  }
  return ours;
}

/** The fields of an answer that say what it is and whether anyone confirmed it. */
const answerMarks = ['choice', 'carriedOver', 'takenFrom'];
