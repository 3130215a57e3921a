import type { Band } from '../../scoring/bands.ts';
import type { Text } from './text.ts';

/**
 * The management report as plain data: every word of it, in order, with the figures' values.
 * The PDF and the Word file are both drawn from this, so the two can never say different things;
 * how each looks (fonts, columns, page breaks) is the renderer's.
 */
export interface ReportModel {
  /** The document's title in its properties: set, organisation and cycle. */
  title: Text;
  subject: string;
  /** When the report was made; the file's creation date. */
  generatedAt: Date;
  /** While carried-over answers are unconfirmed: marked DRAFT on the cover and every page. */
  draft: boolean;
  cover: Cover;
  contents: Contents;
  sections: Section[];
  frame: Frame;
}

export interface Cover {
  brand: string;
  setTitle: string;
  subtitle: string;
  organisation: Text;
  scope?: Text;
  cycle: Text;
  /** What the reader must know before the score; shown in red while a draft. */
  status: Paragraph[];
  headline: Headline;
  /** Label and value, e.g. "Report date", "26 November 2026". */
  facts: [string, Text][];
  confidential: { title: string; text: Text };
}

export interface Contents {
  title: string;
  /** The sections' titles; the PDF adds their page numbers. */
  entries: Text[];
  guideTitle: string;
  guide: string[];
}

/** Running header and footer of every page but the cover (which has the marking only). */
export interface Frame {
  /** "CONFIDENTIAL", or "DRAFT · CONFIDENTIAL". */
  marking: string;
  header: Text;
  footer: string;
}

export interface Section {
  /** Numbered: "1. Executive summary". */
  title: Text;
  blocks: Block[];
}

/**
 * How a paragraph reads: body text, a lead line, a statement to stand out, a muted note or
 * caption, the bold term of a definition, a status line (red when `alert`).
 */
export type ParagraphStyle =
  | 'body'
  | 'statement'
  | 'lead'
  | 'strong'
  | 'alert'
  | 'explanation'
  | 'note'
  | 'caption'
  | 'term'
  | 'status';

export interface Paragraph {
  kind: 'paragraph';
  style: ParagraphStyle;
  text: Text;
}

export interface Heading {
  kind: 'heading';
  level: 2 | 3;
  text: Text;
  /** Points of what follows to keep on the heading's page: a layout hint. */
  keepWith: number;
}

export interface Bullets {
  kind: 'bullets';
  /** 'small' for a list of sentences under a figure or in the methodology. */
  size: 'body' | 'small';
  items: Text[];
}

/** Which table it is: each renderer gives each its own columns' widths and emphasis. */
export type TableRole =
  | 'programmes'
  | 'plan'
  | 'findings'
  | 'domain-change'
  | 'answer-changes'
  | 'plan-progress'
  | 'references'
  // The group report's tables (reportModel's group.ts).
  | 'group-members'
  | 'heat-map'
  | 'group-phases'
  | 'common-gaps'
  | 'group-programmes';

/** One cell: its lines. */
export type Cell = Text[];

export interface TableRow {
  cells: Cell[];
  /** A line under the row across all but its first column: who answered, confirmed, merged. */
  attribution?: Text;
  /**
   * Per cell, the band whose colour tints it, or null for none: the group report's heat map. The
   * cell states its value too, so the colour only repeats what the text says.
   */
  tones?: (Band | null)[];
}

export interface Table {
  kind: 'table';
  role: TableRole;
  head: Text[];
  rows: TableRow[];
}

export interface Headline {
  kind: 'headline';
  band: Band;
  /** "Risk 42.1 / 100" */
  score: string;
  /** The value alone, "42.1", for the cover's large figure. */
  risk: string;
  /** "High" */
  bandLabel: string;
  /** "High exposure" */
  verdict: string;
}

export interface DomainBars {
  kind: 'domain-bars';
  rows: {
    title: string;
    /** 0–100, or null when no control of the domain applies. */
    risk: number | null;
    riskText: string;
    previous?: number | null;
    previousText?: string;
  }[];
  /** What the values mean, whatever draws them. */
  legend: string;
  /** Column heads where a renderer shows the figure as a table; the PDF draws bars instead. */
  columns: string[];
}

export interface PhaseGauge {
  /** "Prevention: 2 of 5 in place" */
  label: string;
  inPlace: number;
  total: number;
}

export interface AttackChain {
  kind: 'attack-chain';
  heading: string;
  explanation: string;
  statements: string[];
  phases: {
    id: string;
    title: string;
    state: string;
    unopposed: boolean;
    prevention: PhaseGauge;
    detection: PhaseGauge;
  }[];
  /** Column heads where a renderer shows the chain as a table. */
  columns: string[];
}

export type Block = Paragraph | Heading | Bullets | Table | Headline | DomainBars | AttackChain;
