import { describe, expect, it } from 'vitest';
import { csvCell, planCsv, planCsvHeader } from '../../../src/core/export/planCsv.ts';
import { plan } from '../../../src/core/planning/plan.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const set = loadShippedSet();

/** A small RFC 4180 reader, enough to check the writer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && next === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('planCsv', () => {
  it('writes one row per action in priority order, under a header, as UTF-8 with a byte-order mark', () => {
    const assessment = fixtureAssessment('unicode-operator');
    const remediation = plan(set, assessment);
    const { actions } = remediation;
    const text = planCsv(remediation);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = readCsv(text.slice(1));
    expect(rows[0]).toEqual(planCsvHeader);
    expect(rows.slice(1).map((r) => r[1])).toEqual(actions.map((a) => a.id));
    const waf = rows.find((r) => r[1] === 'EXP-02');
    expect(waf?.[5]).toBe('Ελένη Παπαδοπούλου');
    expect(rows.slice(1).every((r) => r.length === planCsvHeader.length)).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1.5)).toBe('-1.5');
  });
});
