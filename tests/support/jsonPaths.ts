/** Walking and changing a JSON value at any path: how the fuzz tests aim a mutation anywhere in a file. */

export type JsonPath = readonly (string | number)[];

/** Every JSON path of a value, to aim mutations anywhere in the file. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

export function setAt(
  root: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy: unknown[] = [...root];
    copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
  copy[head as string] = setAt(copy[head as string], rest, replacement);
  return copy;
}
