import { jsPDF, type TextOptionsLight } from 'jspdf';
import { autoTable, type CellHookData, type Styles, type UserOptions } from 'jspdf-autotable';
import {
  holdsRightToLeft,
  startsRightToLeft,
  textString,
  type Text,
} from '../core/reporting/model/index.ts';
import { visualLines, type DrawnLine, type Isolate } from './bidi.ts';
import { describeCharacters, drawableText } from './drawableText.ts';
import type { CodePointRanges } from './fontCoverage.ts';
import { colours, contentWidth, page, type Rgb } from './theme.ts';

/** One face of the report font, prepared once (for the browser, at build time), not per report. */
export interface ReportFontFace {
  /** Its name in the PDF: a six-letter subset tag and the PostScript name, "ABCDEF+DejaVuSans". */
  pdfName: string;
  /** The subset TrueType file, base64-encoded: what jsPDF's addFileToVFS takes. */
  base64: string;
  /** What the subset can draw, as `fontCoverage` reads it from the file's cmap. */
  coverage: CodePointRanges;
}

export interface ReportFonts {
  regular: ReportFontFace;
  bold: ReportFontFace;
}

type FaceStyle = 'normal' | 'bold';

const headingStyle = {
  1: { size: 18, after: 8 },
  2: { size: 13, after: 4 },
  3: { size: 11, after: 4 },
} as const;
const bulletIndent = 16;
const bulletAfter = 2;

/**
 * Tells jsPDF that text is already in visual order, so its own reordering leaves it alone: the
 * writer lays out right-to-left text itself (bidi.ts). jsPDF's Arabic shaper still runs on every
 * text, and leaves the already shaped forms as they are.
 */
const inVisualOrder = { isInputVisual: true, isOutputVisual: true } as TextOptionsLight;

/**
 * The drawing surface of the report: a cursor that flows text down the page, starts new pages
 * before anything would cross the bottom margin, and passes every user-typed string through
 * `drawableText` so that missing glyphs become visible markers and are reported.
 */
export class ReportWriter {
  readonly doc: jsPDF;
  y: number = page.top;
  private readonly covered: ReadonlySet<number>;
  private readonly replacements = new Map<string, string[]>();
  /** The user texts with right-to-left letters in each drawn string, by the string. */
  private readonly isolates = new Map<string, Isolate[]>();
  /** The lines of table cells with right-to-left text, drawn by the writer, not autotable. */
  private readonly cellLines = new WeakMap<object, DrawnLine[]>();
  /** The jsPDF font family of each style: the face's PDF name. */
  private readonly faces: Readonly<Record<FaceStyle, string>>;

  constructor(fonts: ReportFonts, covered: ReadonlySet<number>) {
    this.covered = covered;
    // putOnlyUsedFonts: the file lists the two report faces, not also jsPDF's 14 standard fonts.
    this.doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
    // jsPDF writes a font's family name as its PDF name (BaseFont), so each face is registered as
    // a family of its own under its subset name; bold is then a choice of family, not of style.
    for (const face of [fonts.regular, fonts.bold]) {
      this.doc.addFileToVFS(`${face.pdfName}.ttf`, face.base64);
      this.doc.addFont(`${face.pdfName}.ttf`, face.pdfName, 'normal');
    }
    this.faces = { normal: fonts.regular.pdfName, bold: fonts.bold.pdfName };
    this.doc.setFont(this.faces.normal, 'normal');
  }

  /** User-typed text, made drawable; `where` names the field in the warning if anything was replaced. */
  user(value: string | undefined, where: string): string {
    const { text, replaced } = drawableText(value ?? '', this.covered);
    if (replaced.length > 0) {
      const known = this.replacements.get(where) ?? [];
      this.replacements.set(where, [...new Set([...known, ...replaced])]);
    }
    return text;
  }

  /** Report text as one string for the file's properties: each user span through `user`. */
  plain(value: Text): string {
    return textString(value, (span) => this.user(span.user, span.field));
  }

  /**
   * Report text as the string to draw: each user span through `user`, Arabic shaped, and each
   * user span with right-to-left letters remembered as an isolate, for the drawing to order.
   */
  drawn(value: Text): string {
    let text = '';
    const isolates: Isolate[] = [];
    for (const span of value) {
      if (typeof span === 'string') {
        text += span;
        continue;
      }
      const drawable = this.user(span.user, span.field);
      if (!holdsRightToLeft(drawable)) {
        text += drawable;
        continue;
      }
      const shaped = this.doc.processArabic(drawable);
      isolates.push({
        start: text.length,
        end: text.length + shaped.length,
        rtl: startsRightToLeft(shaped),
      });
      text += shaped;
    }
    if (isolates.length > 0) this.isolates.set(text, isolates);
    return text;
  }

  /**
   * A drawn string on one line at (x, y), in visual order; with `maxWidth`, only as much of it
   * as fits, cut where it would wrap.
   */
  text(
    text: string,
    x: number,
    y: number,
    { maxWidth, ...options }: TextOptionsLight & { maxWidth?: number } = {},
  ) {
    const isolates = this.isolates.get(text) ?? [];
    const [first = ''] =
      maxWidth === undefined ? [text] : (this.doc.splitTextToSize(text, maxWidth) as string[]);
    const [line] = visualLines(text, [first], isolates);
    this.doc.text(line?.text ?? first, x, y, { ...inVisualOrder, ...options });
  }

  warnings(): string[] {
    return [...this.replacements.entries()].map(
      ([where, characters]) =>
        `The report font cannot draw ${describeCharacters(characters)} in ${where}; each was replaced by □ in the PDF.`,
    );
  }

  font(size: number, style: FaceStyle = 'normal', colour: Rgb = colours.ink) {
    this.doc.setFont(this.faces[style], 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(...colour);
  }

  lineHeight(size: number) {
    return size * 1.35;
  }

  newPage() {
    this.doc.addPage();
    this.y = page.top;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensureSpace(height: number) {
    if (this.y + height > page.height - page.bottom) this.newPage();
  }

  /** Wrapped text at the cursor; breaks across pages line by line. */
  paragraph(
    text: string,
    options: {
      size?: number;
      style?: 'normal' | 'bold';
      colour?: Rgb;
      indent?: number;
      after?: number;
      width?: number;
    } = {},
  ) {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    this.font(size, options.style, options.colour);
    const lines: string[] = this.doc.splitTextToSize(
      text,
      (options.width ?? contentWidth) - indent,
    );
    for (const line of visualLines(text, lines, this.isolates.get(text) ?? [])) {
      this.ensureSpace(this.lineHeight(size));
      this.doc.text(line.text, page.left + indent, this.y + size, inVisualOrder);
      this.y += this.lineHeight(size);
    }
    this.y += options.after ?? 6;
  }

  /** The height `paragraph` would take for this text, so a block can be kept on one page. */
  paragraphHeight(text: string, options: { size?: number; indent?: number; after?: number } = {}) {
    const size = options.size ?? 10;
    this.font(size);
    const lines: string[] = this.doc.splitTextToSize(text, contentWidth - (options.indent ?? 0));
    return lines.length * this.lineHeight(size) + (options.after ?? 6);
  }

  /** A heading kept together with at least `keepWith` points of what follows it. */
  heading(text: string, level: 1 | 2 | 3, keepWith = 90) {
    const { size, after } = headingStyle[level];
    this.ensureSpace(this.lineHeight(size) + keepWith);
    if (level === 1 && this.y > page.top) this.y += 6;
    this.paragraph(text, {
      size,
      style: 'bold',
      colour: level === 1 ? colours.brand : colours.ink,
      after,
    });
  }

  /** The height of a one-line heading below the first of a page. */
  headingHeight(level: 1 | 2 | 3) {
    const { size, after } = headingStyle[level];
    return this.lineHeight(size) + after + (level === 1 ? 6 : 0);
  }

  bullet(text: string, options: { size?: number } = {}) {
    const size = options.size ?? 10;
    this.ensureSpace(this.lineHeight(size));
    this.font(size);
    this.doc.text('•', page.left + 4, this.y + size);
    this.paragraph(text, { size, indent: bulletIndent, after: bulletAfter });
  }

  bulletHeight(text: string, options: { size?: number } = {}) {
    return this.paragraphHeight(text, { ...options, indent: bulletIndent, after: bulletAfter });
  }

  /**
   * Table styles in the report's faces: jspdf-autotable asks jsPDF for a font style within a
   * family, and here each face is a family (see the constructor), so a bold style becomes the bold
   * family. There is no italic face; italic draws upright.
   */
  private inFaces(styles: Partial<Styles>): Partial<Styles> {
    if (styles.fontStyle === undefined) return styles;
    const face = styles.fontStyle.includes('bold') ? this.faces.bold : this.faces.normal;
    return { ...styles, font: face, fontStyle: 'normal' };
  }

  /** A jspdf-autotable table at the cursor, in the report font; the cursor moves below it. */
  table(options: UserOptions) {
    const columnStyles = Object.fromEntries(
      Object.entries(options.columnStyles ?? {}).map(([column, styles]) => [
        column,
        this.inFaces(styles),
      ]),
    );
    autoTable(this.doc, {
      willDrawCell: (data) => this.takeOverRightToLeft(data),
      didDrawCell: (data) => this.drawRightToLeft(data),
      startY: this.y,
      margin: { left: page.left, right: page.right, top: page.top, bottom: page.bottom },
      theme: 'grid',
      rowPageBreak: 'avoid',
      showHead: 'everyPage',
      ...options,
      columnStyles,
      styles: this.inFaces({
        fontStyle: 'normal',
        fontSize: 8,
        cellPadding: 4,
        textColor: [...colours.ink],
        lineColor: [...colours.line],
        lineWidth: 0.5,
        overflow: 'linebreak',
        valign: 'top',
        textOptions: inVisualOrder,
        ...options.styles,
      }),
      headStyles: this.inFaces({
        fillColor: [...colours.headFill],
        textColor: [...colours.ink],
        fontStyle: 'bold',
        ...options.headStyles,
      }),
      bodyStyles: this.inFaces(options.bodyStyles ?? {}),
      footStyles: this.inFaces(options.footStyles ?? {}),
      alternateRowStyles: this.inFaces(options.alternateRowStyles ?? {}),
    });
    const last = (this.doc as unknown as { lastAutoTable?: { finalY: number } }).lastAutoTable;
    this.y = (last?.finalY ?? this.y) + 12;
  }

  /**
   * A cell holding right-to-left user text is drawn by the writer: autotable wraps it, then the
   * writer puts each line in visual order, and right-aligns a line that is all right-to-left
   * user text (a note in Hebrew), which autotable can do only for a whole cell.
   */
  private takeOverRightToLeft({ cell }: CellHookData) {
    const raw: unknown = cell.raw;
    const content =
      typeof raw === 'string'
        ? raw
        : raw && typeof raw === 'object' && 'content' in raw && typeof raw.content === 'string'
          ? raw.content
          : undefined;
    const isolates = content === undefined ? undefined : this.isolates.get(content);
    if (content === undefined || !isolates) return;
    this.cellLines.set(cell, visualLines(content, cell.text, isolates));
    cell.text = [];
  }

  /** Draws the lines `takeOverRightToLeft` took, where autotable would have put them. */
  private drawRightToLeft({ cell }: CellHookData) {
    const lines = this.cellLines.get(cell);
    if (!lines) return;
    const fontSize = this.doc.getFontSize();
    const lineHeight = fontSize * this.doc.getLineHeightFactor();
    // autotable's own offset from the top padding to the first baseline.
    let y = cell.y + cell.padding('top') + fontSize * (2 - 1.15);
    for (const line of lines) {
      const x = line.rightToLeft
        ? cell.x + cell.width - cell.padding('right') - this.doc.getTextWidth(line.text)
        : cell.x + cell.padding('left');
      this.doc.text(line.text, x, y, inVisualOrder);
      y += lineHeight;
    }
  }

  pageNumber(): number {
    return this.doc.getNumberOfPages();
  }
}
