/**
 * Three-way merge of JSON values, used when another tab saved since this one last read: what
 * only one side changed is taken from that side, so edits to different answers (or different
 * fields of one answer) in two tabs both survive. When both changed the same value, this tab's
 * newer edit wins.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => key in b && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

export function merge3(base: unknown, ours: unknown, theirs: unknown): unknown {
  if (jsonEqual(ours, base)) return theirs;
  if (jsonEqual(theirs, base)) return ours;
  if (isObject(ours) && isObject(theirs)) {
    const origin = isObject(base) ? base : {};
    const merged: Record<string, unknown> = {};
    for (const key of new Set([
      ...Object.keys(ours),
      ...Object.keys(theirs),
      ...Object.keys(origin),
    ])) {
      const value = merge3(origin[key], ours[key], theirs[key]);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  return ours;
}
