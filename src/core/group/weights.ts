import { subjectIdentity } from '../assessment/identity.ts';
import { fail, succeed, type Problem, type Result } from '../result.ts';
import type { GroupMember } from './model.ts';

/**
 * The weights file of `npm run cli -- group --weights FILE`: CSV, as a spreadsheet saves it,
 * because group offices keep subscriber counts and revenue in spreadsheets. A header names the
 * columns (any order, letter case ignored): `organisation` and `weight`, and optionally `scope`;
 * other columns are ignored. Commas separate the cells, or semicolons when the header uses them
 * (a spreadsheet set to a decimal comma saves so; its weights may then use a decimal comma too).
 * A cell may be quoted, with "" for a quote inside. A row without a scope weights every member of
 * that organisation that has no row of its own. docs/file-formats.md, "Weights file (CSV)".
 */

export interface WeightRow {
  /** The line of the file it is on, from 1, for the messages. */
  line: number;
  organisation: string;
  /** Absent or empty: every member of the organisation without a row of its own. */
  scope: string;
  weight: number;
}

/** No weights file of a real group comes close; a larger one is not read. */
export const maxWeightsFileCharacters = 1_000_000;

interface CsvRow {
  line: number;
  cells: string[];
}

/** RFC 4180 rows: quoted cells may hold the separator, quotes ("") and line breaks. */
function csvRows(text: string, separator: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else {
        if (character === '\n') line += 1;
        cell += character;
      }
      continue;
    }
    if (character === '"') quoted = true;
    else if (character === separator) {
      cells.push(cell);
      cell = '';
    } else if (character === '\n') {
      rows.push({ line: rowLine, cells: [...cells, cell] });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else if (character !== '\r') cell += character;
  }
  rows.push({ line: rowLine, cells: [...cells, cell] });
  // A blank line (a spreadsheet's trailing one) is no row.
  return rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
}

const numberPattern = /^\d+(\.\d+)?$/;

/**
 * Which decimal mark a weight may use: a file's is known from its separator; a typed weight's is
 * not, so either is read.
 */
export type DecimalMark = 'point' | 'comma' | 'either';

/** "1,000" or "12.500": a thousands separator to some readers, a decimal mark to others. */
const thousandsOrDecimal = (written: string, decimal: DecimalMark) =>
  (decimal !== 'point' && /^[1-9]\d{0,2},\d{3}$/.test(written)) ||
  (decimal === 'either' && /^[1-9]\d{0,2}\.\d{3}$/.test(written));

const markExample: Readonly<Record<DecimalMark, string>> = {
  point: 'an optional decimal point, such as 12.5',
  comma: 'an optional decimal comma, such as 12,5',
  either: 'an optional decimal point or comma, such as 12.5',
};

/**
 * A weight as written (in a file's cell, or typed) as a positive number, or what is wrong with it
 * in plain words. Where "1,000" could be a thousand or one, it is refused rather than guessed.
 */
export function weightOf(cell: string, decimal: DecimalMark): number | string {
  const written = cell.trim();
  if (written === '') return 'the weight is empty; give a number greater than 0, such as 12.5';
  if (thousandsOrDecimal(written, decimal)) {
    const mark = written.replace(/\d/g, '');
    return `the weight "${written}" could be read with "${mark}" as a thousands separator or as a decimal mark; write it without the separator (such as ${written.replace(mark, '')}) or without the trailing zeros (such as ${written.replace(/0+$/, '').replace(/[.,]$/, '')})`;
  }
  const plain = decimal === 'point' ? written : written.replace(',', '.');
  if (written.startsWith('-') && numberPattern.test(plain.slice(1)))
    return `the weight ${written} is negative; give a number greater than 0`;
  if (!numberPattern.test(plain))
    return `the weight "${written}" is not a number; write digits with ${markExample[decimal]}, without thousands separators or units`;
  const weight = Number(plain);
  if (weight === 0) return 'the weight is 0; a member that should not count belongs in no group';
  if (!Number.isFinite(weight)) return `the weight ${written} is too large`;
  return weight;
}

/**
 * The rows of a weights file, or every problem found, each on its line. Never throws. Two rows for
 * the same organisation and scope are refused: which one counts would be a guess.
 */
export function parseWeightsCsv(text: string): Result<WeightRow[]> {
  if (text.length > maxWeightsFileCharacters)
    return fail({
      path: '',
      message: `The weights file is larger than ${maxWeightsFileCharacters / 1_000_000} MB; it needs one short line per member.`,
    });
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split('\n', 1)[0] ?? '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const [header, ...rows] = csvRows(body, separator);
  if (!header)
    return fail({
      path: '',
      message:
        'The weights file is empty; its first line names the columns: organisation,scope,weight',
    });
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const [organisationColumn, scopeColumn, weightColumn] = [
    column('organisation'),
    column('scope'),
    column('weight'),
  ];
  if (organisationColumn < 0 || weightColumn < 0)
    return fail({
      path: 'line 1',
      message: `the first line names the columns and needs "organisation" and "weight" (and optionally "scope"), such as organisation,scope,weight; it has ${names.map((n) => `"${n}"`).join(', ')}`,
    });

  const problems: Problem[] = [];
  const parsed: WeightRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const path = `line ${row.line}`;
    const organisation = (row.cells[organisationColumn] ?? '').trim();
    const scope = scopeColumn < 0 ? '' : (row.cells[scopeColumn] ?? '').trim();
    const weight = weightOf(row.cells[weightColumn] ?? '', separator === ';' ? 'comma' : 'point');
    if (organisation === '') {
      problems.push({ path, message: 'the organisation is empty; name the member it weights' });
      continue;
    }
    if (typeof weight === 'string') {
      problems.push({ path, message: weight });
      continue;
    }
    const key = subjectIdentity({ organisation, scope });
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        path,
        message: `${organisation}${scope ? ` · ${scope}` : ''} already has a weight on line ${earlier}; give each member one row`,
      });
      continue;
    }
    seen.set(key, row.line);
    parsed.push({ line: row.line, organisation, scope, weight });
  }
  return problems.length > 0 ? fail(...problems) : succeed(parsed);
}

const memberName = (member: { organisation: string; scope: string }) =>
  member.scope ? `${member.organisation} · ${member.scope}` : member.organisation;

/**
 * The members with the file's weights: a row of the member's organisation and scope, else a row
 * of its organisation without a scope. Every member needs one, because a member left at weight 1
 * beside weights in millions would vanish from the group risk unnoticed. A row that weights no
 * member is only a warning: the file may list subsidiaries whose files have not come in.
 */
export function applyWeights(
  members: readonly GroupMember[],
  rows: readonly WeightRow[],
): Result<{ members: GroupMember[]; warnings: string[] }> {
  const used = new Set<WeightRow>();
  const problems: Problem[] = [];
  const weighted = members.map((member) => {
    const row =
      rows.find((r) => subjectIdentity(r) === subjectIdentity(member)) ??
      rows.find(
        (r) =>
          r.scope === '' &&
          subjectIdentity({ organisation: r.organisation, scope: '' }) ===
            subjectIdentity({ organisation: member.organisation, scope: '' }),
      );
    if (!row) {
      problems.push({
        path: '',
        message: `${memberName(member)} has no weight in the weights file; give every member a row (organisation, scope, weight).`,
      });
      return member;
    }
    used.add(row);
    return { ...member, weight: row.weight };
  });
  if (problems.length > 0) return fail(...problems);
  const warnings = rows
    .filter((row) => !used.has(row))
    .map(
      (row) =>
        `line ${row.line}: ${memberName(row)} is not a member of the group (no assessment of it was given); its weight is not used.`,
    );
  return succeed({ members: weighted, warnings });
}
