/**
 * Which characters a TrueType font can draw, read from its `cmap` table. The report uses it to
 * replace what the font cannot draw by a visible marker instead of printing nothing. The fonts are
 * read once when they are prepared, and the answer travels with them as ranges.
 */

/** Code points as sorted, inclusive, non-adjacent ranges: [[0x20, 0x7e], [0xa0, 0x24f], …]. */
export type CodePointRanges = readonly (readonly [number, number])[];

function u16(view: DataView, offset: number) {
  return view.getUint16(offset);
}
function u32(view: DataView, offset: number) {
  return view.getUint32(offset);
}

function tableOffset(view: DataView, tag: string): number | undefined {
  const count = u16(view, 4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    if (name === tag) return u32(view, record + 8);
  }
  return undefined;
}

function readFormat4(view: DataView, at: number, covered: Set<number>) {
  const segments = u16(view, at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s += 1) {
    const end = u16(view, ends + s * 2);
    const start = u16(view, starts + s * 2);
    const delta = u16(view, deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = u16(view, rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = u16(view, rangeOffsetAt + rangeOffset + (code - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(code);
    }
  }
}

function readFormat12(view: DataView, at: number, covered: Set<number>) {
  const groups = u32(view, at + 12);
  for (let g = 0; g < groups; g += 1) {
    const record = at + 16 + g * 12;
    const start = u32(view, record);
    const end = u32(view, record + 4);
    const firstGlyph = u32(view, record + 8);
    for (let code = start; code <= end; code += 1) {
      if (firstGlyph + (code - start) !== 0) covered.add(code);
    }
  }
}

/** The set of Unicode code points the font maps to a real glyph. */
export function fontCoverage(font: Uint8Array): ReadonlySet<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, 'cmap');
  if (cmap === undefined) throw new Error('the report font has no cmap table');
  const covered = new Set<number>();
  const count = u16(view, cmap + 2);
  const subtables: { platform: number; encoding: number; at: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    const record = cmap + 4 + i * 8;
    subtables.push({
      platform: u16(view, record),
      encoding: u16(view, record + 2),
      at: cmap + u32(view, record + 4),
    });
  }
  for (const subtable of subtables) {
    const unicode =
      subtable.platform === 0 ||
      (subtable.platform === 3 && (subtable.encoding === 1 || subtable.encoding === 10));
    if (!unicode) continue;
    const format = u16(view, subtable.at);
    if (format === 4) readFormat4(view, subtable.at, covered);
    else if (format === 12) readFormat12(view, subtable.at, covered);
  }
  return covered;
}

export function codePointRanges(codes: ReadonlySet<number>): CodePointRanges {
  const ranges: [number, number][] = [];
  for (const code of [...codes].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges;
}

export function codePointSet(ranges: CodePointRanges): Set<number> {
  const codes = new Set<number>();
  for (const [first, last] of ranges)
    for (let code = first; code <= last; code += 1) codes.add(code);
  return codes;
}
