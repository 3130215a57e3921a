/**
 * Report text as the renderers receive it: the report's own words, with every piece of text a
 * user typed kept as a span of its own. The PDF checks those spans against its font and says
 * where a character could not be drawn; a renderer that lays out right-to-left text isolates
 * each one. The report's own words need neither.
 */
export interface UserSpan {
  readonly user: string;
  /** Names the field in plain words ("the owner of EXP-02"), for the PDF's warnings. */
  readonly field: string;
}

export type Span = string | UserSpan;

/** A run of spans read as one string; a line break is a "\n" in a plain span. */
export type Text = readonly Span[];

export const user = (value: string | undefined, field: string): UserSpan => ({
  user: value ?? '',
  field,
});

/**
 * Report text from a template: `text\`Cycle ${user(cycle, 'the cycle')}\`` keeps the cycle a
 * user span; strings and numbers interpolated are the report's own words.
 */
export function text(
  strings: TemplateStringsArray,
  ...values: (string | number | Text | UserSpan)[]
): Text {
  const spans: Span[] = [];
  const push = (span: Span) => {
    if (span === '') return;
    const last = spans.at(-1);
    // Adjacent plain spans are joined, so a text compares and renders as few runs as it can.
    if (typeof span === 'string' && typeof last === 'string') spans[spans.length - 1] = last + span;
    else spans.push(span);
  };
  strings.forEach((literal, index) => {
    push(literal);
    if (index >= values.length) return;
    const value = values[index] as string | number | Text | UserSpan;
    if (typeof value === 'string' || typeof value === 'number') push(String(value));
    else if (Array.isArray(value)) (value as Text).forEach(push);
    else push(value as UserSpan);
  });
  return spans;
}

/** The text as one string, each user span through `userText` (by default as typed). */
export const textString = (
  value: Text,
  userText: (span: UserSpan) => string = (span) => span.user,
): string => value.map((span) => (typeof span === 'string' ? span : userText(span))).join('');

/** Text with its first letter upper case, for a sentence that starts with a user's word. */
export function capitalised(value: Text): Text {
  const [first, ...rest] = value;
  if (first === undefined) return value;
  const upper = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
  return [
    typeof first === 'string' ? upper(first) : { ...first, user: upper(first.user) },
    ...rest,
  ];
}

/** Texts joined with a separator of the report's own words. */
export function joinTexts(values: readonly Text[], separator: string): Text {
  return values.flatMap((value, index) => (index === 0 ? value : [separator, ...value]));
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const rightToLeftLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

export const holdsRightToLeft = (value: string): boolean => rightToLeftLetter.test(value);

/**
 * Whether text reads right to left by its first letter, the Unicode rule for the direction of a
 * paragraph or an isolate (digits and punctuation have none of their own).
 */
export function startsRightToLeft(value: string): boolean {
  const first = /\p{L}/u.exec(value)?.[0];
  return first !== undefined && rightToLeftLetter.test(first);
}

/**
 * A user's text with the characters that force the direction of what follows (embeddings,
 * overrides, isolates) shown as □, as the PDF shows them, instead of obeyed: with them a note can
 * disguise "invoice.exe" as "invoice.jpg" in a renderer that follows them.
 */
export const directionControlsShown = (value: string): string =>
  value.replace(/[\u202a-\u202e\u2066-\u2069]/g, '\u25a1');
