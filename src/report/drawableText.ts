/**
 * Makes user-typed text safe to draw with the report font: every character the font cannot draw
 * becomes a visible marker, and formatting codes that could reorder or hide text (bidirectional
 * overrides, control characters) are replaced too. Nothing typed is ever interpreted.
 */
export const missingGlyphMarker = '□';

const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;
// Matching control characters is the point here, so the lint rule against them does not apply.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export interface DrawableText {
  text: string;
  /** The distinct characters that were replaced, in order of first appearance. */
  replaced: string[];
}

export function drawableText(value: string, covered: ReadonlySet<number>): DrawableText {
  const replaced: string[] = [];
  let text = '';
  for (const character of value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const code = character.codePointAt(0) ?? 0;
    const drawable =
      character === '\n' ||
      (covered.has(code) && !bidiControls.test(character) && !controlCharacters.test(character));
    if (drawable) text += character;
    else {
      text += missingGlyphMarker;
      if (!replaced.includes(character)) replaced.push(character);
    }
  }
  return { text, replaced };
}

/** Describes replaced characters for the user: visible ones as themselves, invisible ones by code. */
export function describeCharacters(characters: readonly string[]): string {
  return characters
    .map((c) =>
      /\p{L}|\p{N}|\p{P}|\p{S}/u.test(c)
        ? c
        : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
    )
    .join(' ');
}
