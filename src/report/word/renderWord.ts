import {
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import {
  directionControlsShown,
  holdsRightToLeft,
  startsRightToLeft,
  textString,
  type AttackChain,
  type Block,
  type Cell,
  type DomainBars,
  type Headline,
  type ParagraphStyle,
  type ReportModel,
  type Table as ReportTable,
  type TableRole,
  type Text,
} from '../../core/reporting/model/index.ts';
import { bandOf } from '../../core/scoring/bands.ts';
import { bandColours, bandTints, colours, type Rgb } from '../theme.ts';

/** Word's colours are hex without the hash. */
const hex = ([r, g, b]: Rgb) => [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');

type RunStyle = Pick<IRunOptions, 'bold' | 'color' | 'size'>;

/** Type sizes in half-points, Word's unit: the PDF's sizes, a little larger for the screen. */
const paragraphStyles: Readonly<Record<ParagraphStyle, RunStyle>> = {
  body: { size: 21 },
  statement: { size: 22 },
  lead: { size: 23, bold: true },
  strong: { size: 20, bold: true },
  alert: { size: 22, bold: true, color: hex(colours.confidential) },
  status: { size: 22, bold: true },
  explanation: { size: 20, color: hex(colours.muted) },
  note: { size: 19, color: hex(colours.muted) },
  caption: { size: 17, color: hex(colours.muted) },
  term: { size: 21, bold: true },
};

/**
 * Runs of a text; a line break inside it (a note typed over several lines) becomes a break in
 * the run, so each line stays a line.
 */
const leftToRightMark = '\u200e';

function runs(value: Text, style: RunStyle = {}): TextRun[] {
  return value.flatMap((span) => {
    const typed = typeof span === 'string' ? span : directionControlsShown(span.user);
    // A user's Hebrew or Arabic is a right-to-left run that Word lays out with the bidirectional
    // algorithm, as the page does; a left-to-right mark after it keeps what follows, such as the
    // cycle after an organisation's name, out of it ("· 2026-Q4" would otherwise read "2026 ·").
    const rightToLeft = typeof span !== 'string' && holdsRightToLeft(typed);
    const direction = rightToLeft ? { rightToLeft: true } : {};
    return `${typed}${rightToLeft ? leftToRightMark : ''}`
      .split('\n')
      .map(
        (line, index) =>
          new TextRun({ ...style, ...direction, text: line, ...(index > 0 ? { break: 1 } : {}) }),
      );
  });
}

/** A paragraph that is all a user's right-to-left text, such as a note in Hebrew, reads from the right. */
const direction = (line: Text) => {
  const [only] = line;
  return line.length === 1 && typeof only !== 'string' && only && startsRightToLeft(only.user)
    ? // A right-to-left paragraph starts at the right margin: Word's "start".
      { bidirectional: true }
    : {};
};

const para = (value: Text, style: RunStyle = {}, options: { after?: number } = {}) =>
  new Paragraph({ children: runs(value, style), spacing: { after: options.after ?? 120 } });

/**
 * Each table's columns in percent of the page's width; the PDF's proportions. The heat map has a
 * column per domain of its set, so its widths follow from how many columns it has.
 */
const columnPercents: Readonly<
  Record<TableRole, readonly number[] | ((columns: number) => readonly number[])>
> = {
  programmes: [42, 18, 10, 12, 18],
  plan: [4, 46, 12, 11, 9, 9, 9],
  findings: [9, 23, 12, 18, 13, 14, 11],
  'domain-change': [52, 16, 16, 16],
  'answer-changes': [38, 24, 24, 14],
  'plan-progress': [56, 18, 14, 12],
  references: [14, 86],
  'group-members': [24, 9, 7, 9, 10, 9, 12, 11, 9],
  'heat-map': (columns) => [24, ...Array<number>(columns - 1).fill(76 / (columns - 1))],
  'group-phases': [28, 13, 16, 43],
  'common-gaps': [38, 10, 10, 14, 28],
  'group-programmes': [42, 26, 16, 16],
};
const figurePercents = { bars: [60, 20, 20], chain: [34, 24, 21, 21] } as const;

const tableFontSize: Readonly<Record<TableRole, number>> = {
  programmes: 18,
  plan: 16,
  findings: 15,
  'domain-change': 18,
  'answer-changes': 17,
  'plan-progress': 17,
  references: 16,
  'group-members': 17,
  'heat-map': 15,
  'group-phases': 17,
  'common-gaps': 17,
  'group-programmes': 17,
};

const borders = {
  top: { style: BorderStyle.SINGLE, size: 4, color: hex(colours.line) },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(colours.line) },
  left: { style: BorderStyle.SINGLE, size: 4, color: hex(colours.line) },
  right: { style: BorderStyle.SINGLE, size: 4, color: hex(colours.line) },
};

function cellOf(
  lines: readonly Text[],
  options: {
    size: number;
    head?: boolean;
    width: number;
    style?: RunStyle;
    columnSpan?: number;
    rowSpan?: number;
    /** A background, as a heat-map cell's band tint. */
    fill?: Rgb;
  },
): TableCell {
  const fill = options.head ? colours.headFill : options.fill;
  const style = { size: options.size, ...(options.head ? { bold: true } : {}), ...options.style };
  return new TableCell({
    children: (lines.length > 0 ? lines : [[]]).map(
      (line) =>
        new Paragraph({ children: runs(line, style), spacing: { after: 40 }, ...direction(line) }),
    ),
    width: { size: options.width, type: WidthType.PERCENTAGE },
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    borders,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(fill) } } : {}),
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
  });
}

/** A table with its head repeated on every page and rows kept whole, as in the PDF. */
function tableOf(
  head: readonly Text[],
  rows: readonly TableRow[],
  percents: readonly number[],
  size: number,
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: head.map((cell, column) =>
          cellOf([cell], { size, head: true, width: percents[column] ?? 10 }),
        ),
      }),
      ...rows,
    ],
  });
}

function reportTable(table: ReportTable): Table {
  const layout = columnPercents[table.role];
  const percents = typeof layout === 'function' ? layout(table.head.length) : layout;
  const size = tableFontSize[table.role];
  const rows = table.rows.flatMap((row) => {
    const attribution = row.attribution;
    const cells = row.cells.map((cell: Cell, column) => {
      const tone = row.tones?.[column];
      return cellOf(cell, {
        size,
        width: percents[column] ?? 10,
        ...(tone ? { fill: bandTints[tone] } : {}),
        // The first cell spans the attribution's row too, as in the PDF.
        ...(attribution && column === 0 ? { rowSpan: 2 } : {}),
      });
    });
    const main = new TableRow({ cantSplit: true, children: cells });
    if (!attribution) return [main];
    return [
      main,
      new TableRow({
        cantSplit: true,
        children: [
          cellOf([attribution], {
            size: size - 2,
            width: 100 - (percents[0] ?? 0),
            columnSpan: row.cells.length - 1,
            style: { color: hex(colours.muted) },
          }),
        ],
      }),
    ];
  });
  return tableOf(table.head, rows, percents, size);
}

function headline(block: Headline): Paragraph[] {
  return [
    new Paragraph({
      children: [new TextRun({ text: block.score, bold: true, size: 40 })],
      spacing: { after: 40 },
    }),
    new Paragraph({
      children: [
        new TextRun({
          text: block.verdict,
          bold: true,
          size: 28,
          color: hex(bandColours[block.band]),
        }),
      ],
      spacing: { after: 160 },
    }),
  ];
}

/** The bars as a table of values: what a reader pastes into a board template. */
function domainBars(figure: DomainBars): (Paragraph | Table)[] {
  const withPrevious = figure.columns.length > 2;
  const percents = withPrevious ? figurePercents.bars : [75, 25];
  const rows = figure.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          [row.title],
          [row.riskText],
          ...(withPrevious ? [[row.previousText ?? 'n/a']] : []),
        ].map((value, column) =>
          cellOf([value], {
            size: 18,
            width: percents[column] ?? 20,
            ...(column === 1 && row.risk !== null
              ? { style: { bold: true, color: hex(bandColours[bandOf(row.risk)]) } }
              : {}),
          }),
        ),
      }),
  );
  return [
    tableOf(
      figure.columns.map((column) => [column]),
      rows,
      percents,
      18,
    ),
    para([figure.legend], paragraphStyles.caption, { after: 200 }),
  ];
}

function attackChain(figure: AttackChain): (Paragraph | Table)[] {
  const percents = figurePercents.chain;
  const rows = figure.phases.map(
    (phase) =>
      new TableRow({
        cantSplit: true,
        children: [
          [[`${phase.id} ${phase.title}`]],
          [[phase.state]],
          [[phase.prevention.label]],
          [[phase.detection.label]],
        ].map((lines, column) =>
          cellOf(lines, {
            size: 17,
            width: percents[column] ?? 25,
            ...(phase.unopposed && column === 1
              ? { style: { bold: true, color: hex(colours.confidential) } }
              : {}),
          }),
        ),
      }),
  );
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      keepNext: true,
      children: [new TextRun(figure.heading)],
    }),
    para([figure.explanation], paragraphStyles.note),
    ...figure.statements.map(
      (sentence) =>
        new Paragraph({ bullet: { level: 0 }, children: runs([sentence], { size: 19 }) }),
    ),
    tableOf(
      figure.columns.map((column) => [column]),
      rows,
      percents,
      17,
    ),
  ];
}

const headingLevels = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blockOf(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [para(block.text, paragraphStyles[block.style])];
    case 'heading':
      return [
        new Paragraph({
          heading: headingLevels[block.level],
          keepNext: true,
          children: runs(block.text),
        }),
      ];
    case 'bullets':
      return block.items.map(
        (item) =>
          new Paragraph({
            bullet: { level: 0 },
            children: runs(item, { size: block.size === 'small' ? 19 : 20 }),
            spacing: { after: 60 },
          }),
      );
    case 'table':
      // Word joins two tables that touch; the empty paragraph after keeps each its own.
      return [reportTable(block), new Paragraph({ children: [] })];
    case 'headline':
      return headline(block);
    case 'domain-bars':
      return domainBars(block);
    case 'attack-chain':
      return attackChain(block);
  }
}

function cover(model: ReportModel): (Paragraph | Table)[] {
  const { cover } = model;
  const white = { color: hex(colours.brand) };
  return [
    new Paragraph({
      children: [new TextRun({ text: cover.brand, bold: true, size: 24, ...white })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: cover.setTitle, bold: true, ...white })],
    }),
    para([cover.subtitle], { size: 26, color: hex(colours.muted) }, { after: 240 }),
    ...(model.draft
      ? [para(['DRAFT'], { size: 40, bold: true, color: hex(colours.confidential) })]
      : []),
    para(cover.organisation, { size: 44, bold: true }, { after: 40 }),
    ...(cover.scope
      ? [para(cover.scope, { size: 26, color: hex(colours.muted) }, { after: 40 })]
      : []),
    para(cover.cycle, { size: 26, color: hex(colours.muted) }, { after: 200 }),
    ...cover.status.map((line) => para(line.text, paragraphStyles[line.style])),
    new Paragraph({
      spacing: { before: 200, after: 200 },
      children: [
        new TextRun({ text: 'Risk score ', bold: true, size: 22, color: hex(colours.muted) }),
        new TextRun({ text: cover.headline.risk, bold: true, size: 56 }),
        new TextRun({ text: ' / 100 ', size: 24, color: hex(colours.muted) }),
        new TextRun({
          text: cover.headline.bandLabel,
          bold: true,
          size: 32,
          color: hex(bandColours[cover.headline.band]),
        }),
      ],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      layout: TableLayoutType.FIXED,
      rows: cover.facts.map(
        ([label, value]) =>
          new TableRow({
            children: [
              new TableCell({
                width: { size: 28, type: WidthType.PERCENTAGE },
                borders: noBorders,
                children: [
                  para([label], { size: 19, bold: true, color: hex(colours.muted) }, { after: 40 }),
                ],
              }),
              new TableCell({
                width: { size: 72, type: WidthType.PERCENTAGE },
                borders: noBorders,
                children: [para(value, { size: 19 }, { after: 40 })],
              }),
            ],
          }),
      ),
    }),
    new Paragraph({
      spacing: { before: 480, after: 120 },
      border: confidentialBorder,
      children: [
        new TextRun({
          text: cover.confidential.title,
          bold: true,
          size: 36,
          color: hex(colours.confidential),
        }),
      ],
    }),
    new Paragraph({
      border: confidentialBorder,
      children: runs(cover.confidential.text, { size: 19 }),
    }),
  ];
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'auto' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'auto' },
  left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
  right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
};
const confidentialLine = {
  style: BorderStyle.SINGLE,
  size: 16,
  color: hex(colours.confidential),
  space: 6,
};
const confidentialBorder = {
  top: confidentialLine,
  bottom: confidentialLine,
  left: confidentialLine,
  right: confidentialLine,
};

function contents(model: ReportModel): Paragraph[] {
  const { contents } = model;
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(contents.title)],
    }),
    ...contents.entries.map((entry) => para(entry, { size: 22 }, { after: 80 })),
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      keepNext: true,
      spacing: { before: 240 },
      children: [new TextRun(contents.guideTitle)],
    }),
    ...contents.guide.map(
      (text) => new Paragraph({ bullet: { level: 0 }, children: runs([text], { size: 20 }) }),
    ),
  ];
}

/** The page's width for a tab stop at the right margin: A4 less 2 cm margins, in twips. */
const rightMargin = 11906 - 2 * 1134;

type RunChild = NonNullable<IRunOptions['children']>[number];

/** A line of the running header or footer: text at the left margin, text at the right. */
function frameParagraph(left: Text, right: RunChild[], rightStyle: RunStyle = {}) {
  const muted = { size: 16, color: hex(colours.muted) };
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: rightMargin }],
    children: [
      ...runs(left, muted),
      new TextRun({ ...muted, children: [new Tab()] }),
      new TextRun({ ...muted, ...rightStyle, children: right }),
    ],
  });
}

/**
 * The management report as an editable Word file (.docx): the same words as the PDF, from the
 * same model, with the figures as tables so that they paste into a board template.
 */
export async function renderWord(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const marking = { bold: true, color: hex(colours.confidential) };
  const document = new Document({
    creator: 'Cellguard',
    title: textString(model.title),
    subject: model.subject,
    description: 'CONFIDENTIAL',
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 20, color: hex(colours.ink) } },
        heading1: {
          run: { size: 36, bold: true, color: hex(colours.brand) },
          paragraph: { spacing: { after: 160 } },
        },
        heading2: {
          run: { size: 26, bold: true, color: hex(colours.ink) },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
        heading3: {
          run: { size: 22, bold: true, color: hex(colours.ink) },
          paragraph: { spacing: { before: 160, after: 80 } },
        },
        title: { run: { size: 52, bold: true } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        headers: {
          first: new Header({ children: [frameParagraph([], [model.frame.marking], marking)] }),
          default: new Header({
            children: [frameParagraph(model.frame.header, [model.frame.marking], marking)],
          }),
        },
        footers: {
          first: new Footer({
            children: [frameParagraph([model.frame.footer], [])],
          }),
          default: new Footer({
            children: [
              frameParagraph(
                [model.frame.footer],
                ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
              ),
            ],
          }),
        },
        children: [
          ...cover(model),
          ...contents(model),
          ...model.sections.flatMap((section) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_1,
              pageBreakBefore: true,
              children: runs(section.title),
            }),
            ...section.blocks.flatMap(blockOf),
          ]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
