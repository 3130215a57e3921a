import { describe, expect, it } from 'vitest';
import type { GroupMember } from '../../../src/core/group/model.ts';
import {
  applyWeights,
  maxWeightsFileCharacters,
  parseWeightsCsv,
  type WeightRow,
} from '../../../src/core/group/weights.ts';
import { formatProblem } from '../../../src/core/result.ts';

/** The rows of a file that must parse. */
function rowsOf(text: string): WeightRow[] {
  const parsed = parseWeightsCsv(text);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('; '));
  return parsed.value;
}

/** The problems of a file that must be refused, as the command line prints them. */
function refusals(text: string): string[] {
  const parsed = parseWeightsCsv(text);
  if (parsed.ok) throw new Error('the file was accepted');
  return parsed.problems.map(formatProblem);
}

describe('parseWeightsCsv', () => {
  it('reads a spreadsheet export: header in any order and case, BOM, CRLF, quoted cells, a trailing blank line', () => {
    const text =
      '\uFEFFWeight,Organisation,Scope,Notes\r\n' +
      '12000000,"Aurora Mobile, AS",Mobile core,largest\r\n' +
      '2.5,"The ""Wave"" Telecom",,\r\n' +
      '\r\n';
    expect(rowsOf(text)).toEqual([
      { line: 2, organisation: 'Aurora Mobile, AS', scope: 'Mobile core', weight: 12_000_000 },
      { line: 3, organisation: 'The "Wave" Telecom', scope: '', weight: 2.5 },
    ]);
  });

  it('takes semicolons and a decimal comma when the header uses semicolons, and no scope column', () => {
    expect(rowsOf('organisation;weight\nشبكة الواحة للاتصالات;1,5\nרשת תקשורת הגליל;3\n')).toEqual([
      { line: 2, organisation: 'شبكة الواحة للاتصالات', scope: '', weight: 1.5 },
      { line: 3, organisation: 'רשת תקשורת הגליל', scope: '', weight: 3 },
    ]);
  });

  it('refuses a decimal-comma weight that could be a thousand, rather than reading it as 1', () => {
    expect(refusals('organisation;weight\nAlpha;1,000\nBeta;0,125\n')).toEqual([
      'line 2: the weight "1,000" could be read with "," as a thousands separator or as a decimal mark; write it without the separator (such as 1000) or without the trailing zeros (such as 1)',
    ]);
  });

  it('counts lines through a quoted line break, so each problem names the line it is on', () => {
    expect(refusals('organisation,weight\n"Two\nlines",1\nBeta,-1\n')).toEqual([
      'line 4: the weight -1 is negative; give a number greater than 0',
    ]);
  });

  it('refuses weights that are not positive numbers, in plain words, each on its line', () => {
    const text = [
      'organisation,scope,weight',
      'Alpha,Core,-2',
      'Beta,Core,0',
      'Gamma,Core,NaN',
      'Delta,Core,',
      'Epsilon,Core,1e3',
      'Zeta,Core,"12,000"',
      'Eta,Core,Infinity',
      ',Core,4',
      `Iota,Core,${'9'.repeat(400)}`,
      'Theta,Core,1',
    ].join('\n');
    expect(refusals(text)).toEqual([
      'line 2: the weight -2 is negative; give a number greater than 0',
      'line 3: the weight is 0; a member that should not count belongs in no group',
      'line 4: the weight "NaN" is not a number; write digits with an optional decimal point, such as 12.5, without thousands separators or units',
      'line 5: the weight is empty; give a number greater than 0, such as 12.5',
      'line 6: the weight "1e3" is not a number; write digits with an optional decimal point, such as 12.5, without thousands separators or units',
      'line 7: the weight "12,000" is not a number; write digits with an optional decimal point, such as 12.5, without thousands separators or units',
      'line 8: the weight "Infinity" is not a number; write digits with an optional decimal point, such as 12.5, without thousands separators or units',
      'line 9: the organisation is empty; name the member it weights',
      `line 10: the weight ${'9'.repeat(400)} is too large`,
    ]);
  });

  it('refuses a second row for the same member, whatever its letter case and spaces', () => {
    expect(refusals('organisation,scope,weight\nAlpha,Core,1\n  ALPHA , core ,2\n')).toEqual([
      'line 3: ALPHA · core already has a weight on line 2; give each member one row',
    ]);
  });

  it('refuses a file without the columns it needs, an empty one and one far too large', () => {
    expect(refusals('name,subscribers\nAlpha,3\n')).toEqual([
      'line 1: the first line names the columns and needs "organisation" and "weight" (and optionally "scope"), such as organisation,scope,weight; it has "name", "subscribers"',
    ]);
    expect(refusals('\n\n')).toEqual([
      'The weights file is empty; its first line names the columns: organisation,scope,weight',
    ]);
    expect(refusals('x'.repeat(maxWeightsFileCharacters + 1))[0]).toMatch(/larger than 1 MB/);
  });
});

describe('applyWeights', () => {
  const members: GroupMember[] = [
    { organisation: 'Alpha', scope: 'Core' },
    { organisation: 'Alpha', scope: 'IT' },
    { organisation: 'Beta Mobile', scope: 'Core' },
  ];

  it("gives each member its own row's weight, else its organisation's row without a scope", () => {
    const applied = applyWeights(
      members,
      rowsOf('organisation,scope,weight\nalpha,,2\nALPHA,it,7\n beta  mobile ,core,3\n'),
    );
    expect(applied).toEqual({
      ok: true,
      value: {
        members: [
          { organisation: 'Alpha', scope: 'Core', weight: 2 },
          { organisation: 'Alpha', scope: 'IT', weight: 7 },
          { organisation: 'Beta Mobile', scope: 'Core', weight: 3 },
        ],
        warnings: [],
      },
    });
  });

  it('warns about a row that weights no member, and uses the rest', () => {
    const applied = applyWeights(
      members,
      rowsOf('organisation,weight\nAlpha,2\nBeta Mobile,3\nGamma,9\n'),
    );
    if (!applied.ok) throw new Error('refused');
    expect(applied.value.members.map((m) => m.weight)).toEqual([2, 2, 3]);
    expect(applied.value.warnings).toEqual([
      'line 4: Gamma is not a member of the group (no assessment of it was given); its weight is not used.',
    ]);
  });

  it('refuses when a member has no weight: left at 1 beside weights in millions it would vanish', () => {
    const applied = applyWeights(members, rowsOf('organisation,scope,weight\nAlpha,Core,2\n'));
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.problems.map(formatProblem)).toEqual([
      'Alpha · IT has no weight in the weights file; give every member a row (organisation, scope, weight).',
      'Beta Mobile · Core has no weight in the weights file; give every member a row (organisation, scope, weight).',
    ]);
  });
});
