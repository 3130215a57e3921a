/**
 * A new random id of `digits` hexadecimal digits, as every Cellguard id is made (assessments 24,
 * groups and assignees 12). Not crypto.randomUUID: it needs a secure context, and operators may
 * serve the app over plain http internally.
 */
export function randomHexId(digits: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(digits / 2)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, digits);
}
