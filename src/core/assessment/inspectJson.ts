/**
 * Guards that run before any schema sees an imported file: a hostile file must be refused
 * cheaply and completely, never allowed to exhaust the stack, the memory, or an object prototype.
 */

export const importLimits = {
  /** The shipped set's complete assessment with long notes is ~200 KB; 5 MB leaves room for growth. */
  maxBytes: 5_000_000,
  /** The contract nests 4 levels deep (answers → id → answer → field). */
  maxDepth: 8,
  maxKeys: 50_000,
  maxStringLength: 20_000,
};

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonProblem {
  path: string;
  message: string;
}

/** Walks parsed JSON without recursion into unbounded depth; returns the first problem found. */
export function inspectJson(value: unknown): JsonProblem | undefined {
  let keys = 0;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const where = item.path || 'the file';
    if (typeof item.value === 'string' && item.value.length > importLimits.maxStringLength) {
      return {
        path: where,
        message: `is ${item.value.length.toLocaleString('en')} characters long; the limit is ${importLimits.maxStringLength.toLocaleString('en')}`,
      };
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= importLimits.maxDepth) {
      return { path: where, message: 'is nested far deeper than an assessment file ever is' };
    }
    const entries = Array.isArray(item.value)
      ? item.value.map((child, index) => [String(index), child] as const)
      : Object.keys(item.value).map(
          (key) => [key, (item.value as Record<string, unknown>)[key]] as const,
        );
    keys += entries.length;
    if (keys > importLimits.maxKeys)
      return { path: where, message: 'has far more entries than an assessment file can have' };
    for (const [key, child] of entries) {
      if (forbiddenKeys.has(key))
        return {
          path: item.path ? `${item.path}.${key}` : key,
          message: `uses the reserved name "${key}", which is never valid here`,
        };
      stack.push({
        value: child,
        path: item.path
          ? Array.isArray(item.value)
            ? `${item.path}[${key}]`
            : `${item.path}.${key}`
          : key,
        depth: item.depth + 1,
      });
    }
  }
  return undefined;
}
