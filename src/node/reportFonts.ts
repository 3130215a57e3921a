import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { codePointRanges, fontCoverage } from '../report/fontCoverage.ts';
import type { ReportFontFace, ReportFonts } from '../report/index.ts';
import { subsetFont } from './fontSubset.ts';

/**
 * What the report font can draw: the scripts of the people who fill in and read an assessment, and
 * the symbols the report and its users write. DejaVu Sans has far more (two files of 700 KB);
 * everything else is left out of the subset, and `fontCoverage` reads the subset, so a character
 * outside these ranges is drawn as □ and named in a warning, like one that DejaVu lacks.
 *
 * Hebrew and Arabic stay although jsPDF draws them left to right (Arabic in its shaped forms, which
 * is why the presentation-form blocks are here): right-to-left layout is a later change, and the
 * letters should not have to come back with it. Polytonic Greek, CJK and the emoji-like symbol
 * blocks are out.
 */
export const reportFontRanges: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1 Supplement
  [0x0100, 0x017f], // Latin Extended-A
  [0x0180, 0x024f], // Latin Extended-B
  [0x02b0, 0x02ff], // Spacing Modifier Letters: ʼ ˆ ˇ ˚
  [0x0300, 0x036f], // Combining Diacritical Marks: text typed or pasted in decomposed form
  [0x0370, 0x03ff], // Greek and Coptic
  [0x0400, 0x04ff], // Cyrillic
  [0x0500, 0x052f], // Cyrillic Supplement
  [0x0590, 0x05ff], // Hebrew
  [0x0600, 0x06ff], // Arabic
  [0x1e00, 0x1eff], // Latin Extended Additional: Vietnamese, Welsh
  [0x2000, 0x206f], // General Punctuation: – — ‘ ’ “ ” • … ‰
  [0x20a0, 0x20cf], // Currency Symbols: € ₽ ₴ ₹
  [0x2100, 0x214f], // Letterlike Symbols: № ™ ℃
  [0x2190, 0x21ff], // Arrows: →
  [0x2200, 0x22ff], // Mathematical Operators: − ≤ ≥ ≈ ≠
  [0x2500, 0x257f], // Box Drawing
  [0x2580, 0x259f], // Block Elements
  [0x25a0, 0x25ff], // Geometric Shapes: □ (the missing-glyph marker) ■ ● ▲
  [0x2610, 0x2612], // ballot boxes: ☐ ☑ ☒
  [0x2713, 0x2718], // check and cross marks: ✓ ✔ ✕ ✖ ✗ ✘
  [0xfb50, 0xfdff], // Arabic Presentation Forms-A
  [0xfe70, 0xfeff], // Arabic Presentation Forms-B
];

const faces = {
  regular: { file: 'DejaVuSans.ttf', postScriptName: 'DejaVuSans' },
  bold: { file: 'DejaVuSans-Bold.ttf', postScriptName: 'DejaVuSans-Bold' },
} as const;

// jsPDF draws glyph by glyph from cmap, hmtx and glyf, and shapes Arabic itself into presentation
// forms: the OpenType layout tables and DejaVu's MATH table would only be carried along.
const unusedTables = ['GSUB', 'GPOS', 'GDEF', 'kern', 'MATH'];

/**
 * The six capital letters a PDF puts before the name of a subset font (ISO 32000-1, 9.6.4). Taken
 * from the subset's own bytes, so that a different subset gets a different tag.
 */
function subsetTag(font: Uint8Array): string {
  const digest = createHash('sha256').update(font).digest();
  return [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

let prepared: ReportFonts | undefined;

/**
 * The report's fonts: DejaVu Sans and DejaVu Sans Bold from the dejavu-fonts-ttf package, subset
 * to `reportFontRanges` and base64-encoded. The command line, the benchmark and the tests call it
 * in Node; the browser gets its output, made at build time by scripts/reportFontsPlugin.ts. Made
 * once per process, as the tests and the bench ask often.
 */
export function loadReportFonts(): ReportFonts {
  prepared ??= prepareReportFonts();
  return prepared;
}

function prepareReportFonts(): ReportFonts {
  const folder = join(
    dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
    'ttf',
  );
  const prepare = (face: (typeof faces)[keyof typeof faces]): ReportFontFace => {
    const subset = subsetFont(new Uint8Array(readFileSync(join(folder, face.file))), {
      ranges: reportFontRanges,
      dropTables: unusedTables,
      // jsPDF embeds no hinting programs (fpgm, prep, cvt), so the glyphs' instructions could
      // only refer to code that is not there.
      noHinting: true,
    });
    return {
      pdfName: `${subsetTag(subset)}+${face.postScriptName}`,
      base64: Buffer.from(subset).toString('base64'),
      coverage: codePointRanges(fontCoverage(subset)),
    };
  };
  return { regular: prepare(faces.regular), bold: prepare(faces.bold) };
}
