import type { CellInput, RowInput, Styles, UserOptions } from 'jspdf-autotable';
import {
  joinTexts,
  type Table,
  type TableRole,
  type TableRow,
} from '../core/reporting/model/index.ts';
import { bandTints, colours, contentWidth, page } from './theme.ts';
import type { ReportWriter } from './writer.ts';

type TableLayout = Pick<UserOptions, 'columnStyles' | 'styles' | 'pageBreak' | 'didParseCell'>;

/** The widths of the findings table's columns but the last, the flag, which takes the rest. */
const findingsWidths = [44, 116, 58, 88, 66, 68] as const;
const findingsFont = { fontSize: 7, cellPadding: 3 } as const;

/** Each table's columns and type size in the PDF. */
const layouts: Readonly<Record<TableRole, TableLayout>> = {
  programmes: {
    columnStyles: {
      1: { cellWidth: 90 },
      2: { halign: 'right', cellWidth: 50 },
      3: { halign: 'right', cellWidth: 56 },
      4: { cellWidth: 80 },
    },
    styles: { fontSize: 8.5 },
    pageBreak: 'avoid',
  },
  plan: {
    styles: { fontSize: 7.2, cellPadding: 3 },
    columnStyles: {
      0: { cellWidth: 18, halign: 'right' },
      2: { cellWidth: 58 },
      3: { cellWidth: 52 },
      4: { cellWidth: 44 },
      5: { cellWidth: 42, halign: 'right' },
      6: { cellWidth: 37 },
    },
  },
  findings: {
    styles: findingsFont,
    columnStyles: Object.fromEntries(
      findingsWidths.map((cellWidth, column) => [column, { cellWidth }]),
    ),
  },
  'domain-change': {
    columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' } },
    pageBreak: 'avoid',
  },
  'answer-changes': {
    columnStyles: { 0: { cellWidth: 190 }, 3: { halign: 'right', cellWidth: 60 } },
  },
  'plan-progress': { columnStyles: { 0: { cellWidth: 280 }, 3: { fontStyle: 'bold' } } },
  references: {
    styles: { fontSize: 7.5, cellPadding: 2.5 },
    columnStyles: { 0: { cellWidth: 60 } },
  },
  'group-members': {
    columnStyles: {
      1: { cellWidth: 44 },
      2: { halign: 'right', cellWidth: 32 },
      3: { cellWidth: 42 },
      4: { cellWidth: 48 },
      5: { halign: 'right', cellWidth: 44 },
      6: { halign: 'right', cellWidth: 62 },
      7: { cellWidth: 44 },
      8: { halign: 'right', cellWidth: 40 },
    },
  },
  // A column per domain, as many as the set has: they share what the member's column leaves.
  'heat-map': {
    styles: { fontSize: 7.5, cellPadding: 3, halign: 'right' },
    columnStyles: { 0: { halign: 'left', cellWidth: 130 } },
    // Column styles reach the body only: the member's head cell is set apart from the numbers'.
    didParseCell: ({ section, column, cell }) => {
      if (section === 'head' && column.index === 0) cell.styles.halign = 'left';
    },
    pageBreak: 'avoid',
  },
  'group-phases': {
    columnStyles: {
      0: { cellWidth: 150 },
      1: { halign: 'right', cellWidth: 64 },
      2: { halign: 'right', cellWidth: 80 },
    },
  },
  'common-gaps': {
    columnStyles: {
      1: { cellWidth: 46 },
      2: { halign: 'right', cellWidth: 58 },
      3: { halign: 'right', cellWidth: 62 },
      4: { cellWidth: 116 },
    },
  },
  'group-programmes': {
    columnStyles: {
      1: { cellWidth: 120 },
      2: { halign: 'right', cellWidth: 70 },
      3: { halign: 'right', cellWidth: 70 },
    },
  },
};

/** Whether a finding's row, with the table's head and its attribution's row, fits on one page. */
function fitsOnAPage(writer: ReportWriter, cells: readonly string[]): boolean {
  const widths = [...findingsWidths, contentWidth - findingsWidths.reduce((sum, w) => sum + w, 0)];
  writer.font(findingsFont.fontSize);
  const lines = Math.max(
    ...cells.map(
      (text, column) =>
        (
          writer.doc.splitTextToSize(
            text,
            (widths[column] ?? 0) - 2 * findingsFont.cellPadding,
          ) as string[]
        ).length,
    ),
  );
  const height =
    lines * findingsFont.fontSize * writer.doc.getLineHeightFactor() + 2 * findingsFont.cellPadding;
  const headAndAttribution = 60;
  return height + headAndAttribution < page.height - page.top - page.bottom;
}

/** The attribution under a finding: smaller and muted, so the finding's own row leads. */
const attributionStyles: Partial<Styles> = {
  fontSize: 6.5,
  textColor: [...colours.muted],
  cellPadding: { top: 1.5, bottom: 2, left: 3, right: 3 },
};

/** A row's cells as jspdf-autotable rows: one, or two with the attribution under it. */
function rowsOf(writer: ReportWriter, row: TableRow): RowInput[] {
  const cells = row.cells.map((cell) => writer.drawn(joinTexts(cell, '\n')));
  if (!row.attribution)
    return [
      cells.map((content, column): CellInput => {
        const tone = row.tones?.[column];
        return tone ? { content, styles: { fillColor: [...bandTints[tone]] } } : content;
      }),
    ];
  const [first = '', ...rest] = cells;
  const attributed: CellInput = {
    content: writer.drawn(row.attribution),
    colSpan: rest.length,
    styles: attributionStyles,
  };
  // The first cell spans the attribution's row too, which keeps the two on one page; a row
  // taller than a page is split across pages, which jspdf-autotable cannot do with a span.
  return fitsOnAPage(writer, cells)
    ? [[{ content: first, rowSpan: 2 }, ...rest], [attributed]]
    : [cells, ['', attributed]];
}

export function drawTable(writer: ReportWriter, table: Table) {
  writer.table({
    head: [table.head.map((cell) => writer.drawn(cell))],
    body: table.rows.flatMap((row) => rowsOf(writer, row)),
    ...layouts[table.role],
  });
}
