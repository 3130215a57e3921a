/**
 * Guards that run before any schema sees an imported file: a hostile file must be refused
 * cheaply and completely, never allowed to exhaust the stack, the memory, or an object prototype.
 */

export const importLimits = {
  /** The shipped set's complete assessment with long notes is ~200 KB; 5 MB leaves room for growth. */
  maxBytes: 5_000_000,
  /**
   * The deepest the contract nests is 10 levels (delegation → assignees → one → rounds → one →
   * responses → one → answers → id → field).
   */
  maxDepth: 12,
  maxKeys: 50_000,
  maxStringLength: 20_000,
};

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonProblem {
  path: string;
  message: string;
}

const tooLong = (path: string, length: number, limit: number): JsonProblem => ({
  path: path || 'the file',
  message: `is ${length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}`,
});
const tooDeep = (path: string): JsonProblem => ({
  path: path || 'the file',
  message: 'is nested far deeper than an assessment file ever is',
});
const tooMany = (path: string): JsonProblem => ({
  path: path || 'the file',
  message: 'has far more entries than an assessment file can have',
});
const reserved = (path: string, key: string): JsonProblem => ({
  path,
  message: `uses the reserved name "${key}", which is never valid here`,
});

const childPath = (parent: string, key: string, inArray: boolean) =>
  inArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Walks parsed JSON without recursion into unbounded depth; returns the first problem found. */
export function inspectJson(value: unknown): JsonProblem | undefined {
  let keys = 0;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (typeof item.value === 'string' && item.value.length > importLimits.maxStringLength) {
      return tooLong(item.path, item.value.length, importLimits.maxStringLength);
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= importLimits.maxDepth) return tooDeep(item.path);
    const inArray = Array.isArray(item.value);
    const entries = Array.isArray(item.value)
      ? item.value.map((child, index) => [String(index), child] as const)
      : Object.keys(item.value).map(
          (key) => [key, (item.value as Record<string, unknown>)[key]] as const,
        );
    keys += entries.length;
    if (keys > importLimits.maxKeys) return tooMany(item.path);
    for (const [key, child] of entries) {
      const path = childPath(item.path, key, inArray);
      if (forbiddenKeys.has(key)) return reserved(path, key);
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** An object or array still open while scanning: where it is and which entry comes next. */
interface OpenContainer {
  path: string;
  inArray: boolean;
  /** The current entry: its index in an array, its key (decoded) in an object. */
  key: string;
  /** In an array: the next value starts a new element (after '[' or ','). */
  awaitingElement: boolean;
  /** In an object: the next string is a key (after '{' or ','). */
  awaitingKey: boolean;
}

const quote = 0x22;
const backslash = 0x5c;

/**
 * The same limits as `inspectJson`, checked on the text before JSON.parse builds anything: one
 * pass that stops at the first excess, so a hostile file costs at most a scan of its first
 * offending part instead of every object it declares. Counts duplicate keys as entries (the text
 * holds them all), which is stricter than the parsed value. Says nothing about JSON syntax:
 * JSON.parse judges that afterwards.
 */
export function scanJsonText(
  text: string,
  maxStringLength = importLimits.maxStringLength,
): JsonProblem | undefined {
  const open: OpenContainer[] = [];
  let entries = 0;
  // Strings are skipped with indexOf; the next backslash is looked up once and reused until passed,
  // so that a file without escapes is not searched to its end for every string.
  let nextBackslash = text.indexOf('\\');
  const currentPath = () => {
    const container = open.at(-1);
    return container ? childPath(container.path, container.key, container.inArray) : '';
  };
  /** Counts the value that starts here as an entry of its array; false when over the limit. */
  const countElement = (): boolean => {
    const container = open.at(-1);
    if (!container?.inArray || !container.awaitingElement) return true;
    container.awaitingElement = false;
    entries += 1;
    return entries <= importLimits.maxKeys;
  };

  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === quote) {
      // A string: find its end and its length once escapes are decoded.
      let end: number;
      let length: number;
      if (nextBackslash !== -1 && nextBackslash < at) nextBackslash = text.indexOf('\\', at);
      const plainEnd = text.indexOf('"', at + 1);
      if (plainEnd === -1) return undefined; // unterminated: JSON.parse refuses it
      if (nextBackslash === -1 || nextBackslash > plainEnd) {
        end = plainEnd;
        length = end - at - 1;
      } else {
        length = 0;
        end = at + 1;
        while (end < text.length && text.charCodeAt(end) !== quote) {
          if (text.charCodeAt(end) === backslash) end += text.charCodeAt(end + 1) === 0x75 ? 6 : 2;
          else end += 1;
          length += 1;
        }
        if (end >= text.length) return undefined;
      }
      const container = open.at(-1);
      if (container && !container.inArray && container.awaitingKey) {
        container.awaitingKey = false;
        const raw = text.slice(at + 1, end);
        container.key = end - at - 1 === length ? raw : decodeKey(raw);
        entries += 1;
        if (entries > importLimits.maxKeys) return tooMany(container.path);
        if (forbiddenKeys.has(container.key)) return reserved(currentPath(), container.key);
      } else {
        if (!countElement()) return tooMany(container?.path ?? '');
        if (length > maxStringLength) return tooLong(currentPath(), length, maxStringLength);
      }
      at = end;
      continue;
    }
    switch (code) {
      case 0x7b: // {
      case 0x5b: {
        // [
        if (!countElement()) return tooMany(open.at(-1)?.path ?? '');
        const path = currentPath();
        if (open.length >= importLimits.maxDepth) return tooDeep(path);
        const inArray = code === 0x5b;
        open.push({
          path,
          inArray,
          key: '0',
          awaitingElement: inArray,
          awaitingKey: !inArray,
        });
        break;
      }
      case 0x7d: // }
      case 0x5d: // ]
        open.pop();
        break;
      case 0x2c: {
        // ,
        const container = open.at(-1);
        if (container?.inArray) {
          container.key = String(Number(container.key) + 1);
          container.awaitingElement = true;
        } else if (container) container.awaitingKey = true;
        break;
      }
      case 0x20: // space
      case 0x0a: // line feed
      case 0x0d: // carriage return
      case 0x09: // tab
      case 0x3a: // :
        break;
      default:
        // The first character of a number, true, false or null in an array is one more element.
        if (!countElement()) return tooMany(open.at(-1)?.path ?? '');
    }
  }
  return undefined;
}

/** A key written with escapes, as JSON.parse would read it; malformed ones are left for it to refuse. */
function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
