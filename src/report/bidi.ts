import bidiFactory from 'bidi-js';
import { holdsRightToLeft } from '../core/reporting/model/index.ts';

/**
 * Right-to-left text in the PDF. A PDF draws glyphs left to right as they are given, so text in
 * Hebrew or Arabic must be handed over in visual order. The Unicode Bidirectional Algorithm
 * (bidi-js) gives that order; each piece of user text is laid out as an isolate of its own, so
 * that an Arabic organisation name in "Cellguard · ‹name› · 2026-Q4" stays between its
 * separators and the cycle keeps its order. Arabic is shaped first, in logical order, with
 * jsPDF's own shaper; Hebrew needs no shaping.
 */
const bidi = bidiFactory();

/** A stretch [start, end) of a drawn string that is a user's text holding right-to-left letters. */
export interface Isolate {
  start: number;
  end: number;
  /** Its direction, by its first strong character (the Unicode rule for an isolate). */
  rtl: boolean;
}

const isolateMark = { ltr: '\u2066', rtl: '\u2067', end: '\u2069' } as const;
const marks = /[\u2066-\u2069]/g;

/** Swaps back the halves of a character outside the basic plane that a reversal turned round. */
const restoreSurrogates = (text: string) =>
  text.replace(/([\udc00-\udfff])([\ud800-\udbff])/g, '$2$1');

/**
 * One line of a drawn string, characters [start, end), in visual order: the isolates that fall in
 * it are marked as such (a user's text cut by a line break is an isolate on each of its lines),
 * the line's own direction is left to right like the report, and mirrored characters (brackets)
 * turn where they stand in right-to-left runs.
 */
export function visualLine(
  text: string,
  start: number,
  end: number,
  isolates: readonly Isolate[],
): string {
  const inLine = isolates.filter((isolate) => isolate.start < end && isolate.end > start);
  if (inLine.length === 0 && !holdsRightToLeft(text.slice(start, end)))
    return text.slice(start, end);
  let marked = '';
  let cursor = start;
  for (const isolate of inLine) {
    const from = Math.max(isolate.start, cursor);
    const to = Math.min(isolate.end, end);
    marked += `${text.slice(cursor, from)}${isolate.rtl ? isolateMark.rtl : isolateMark.ltr}${text.slice(from, to)}${isolateMark.end}`;
    cursor = to;
  }
  marked += text.slice(cursor, end);
  const levels = bidi.getEmbeddingLevels(marked, 'ltr');
  const characters = marked.split('');
  for (const [index, mirror] of bidi.getMirroredCharactersMap(marked, levels.levels))
    characters[index] = mirror;
  for (const [from = 0, to = -1] of bidi.getReorderSegments(marked, levels)) {
    const run = characters.slice(from, to + 1).reverse();
    characters.splice(from, run.length, ...run);
  }
  return restoreSurrogates(characters.join('').replace(marks, ''));
}

/** A drawn line: its text in visual order, and whether it is all right-to-left user text. */
export interface DrawnLine {
  text: string;
  rightToLeft: boolean;
}

/**
 * The lines a string was wrapped into (by jsPDF, which drops the space or line break where it
 * breaks), each found in the string and put in visual order. A line that cannot be found (never
 * expected) is drawn as it is.
 */
export function visualLines(
  text: string,
  lines: readonly string[],
  isolates: readonly Isolate[],
): DrawnLine[] {
  let cursor = 0;
  return lines.map((line) => {
    const at = text.indexOf(line, cursor);
    if (at < 0 || /\S/.test(text.slice(cursor, at))) return { text: line, rightToLeft: false };
    cursor = at + line.length;
    const end = at + line.length;
    const whole = isolates.find((isolate) => isolate.start <= at && isolate.end >= end);
    return {
      text: visualLine(text, at, end, isolates),
      // A line wholly inside a right-to-left user text, such as a note in Hebrew, reads from the right.
      rightToLeft: line.trim() !== '' && whole?.rtl === true && paragraphIsIsolate(text, at, whole),
    };
  });
}

/** Whether the paragraph (between line breaks) around `at` is the isolate and nothing else. */
function paragraphIsIsolate(text: string, at: number, isolate: Isolate): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const end = newline < 0 ? text.length : newline;
  return (
    text.slice(start, isolate.start).trim() === '' && text.slice(isolate.end, end).trim() === ''
  );
}
