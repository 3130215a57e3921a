import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.ts';
import { groupCommand, groupShapes, groupUsage } from '../../src/cli/group.ts';
import type { GroupSummary } from '../../src/core/group/summary.ts';
import { score } from '../../src/core/scoring/score.ts';
import { docxParagraphs, docxParts } from '../support/docxText.ts';
import {
  subsidiaries,
  twelveSubsidiaries,
  writeGroupFixtureFiles,
} from '../support/groupFixtures.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { loadShippedSet } from '../support/shippedSet.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-group-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const folder = join(scratch, 'members');
const files = writeGroupFixtureFiles(folder);
const now = new Date('2027-01-15T12:00:00Z');
const set = loadShippedSet();
const latestRisks = twelveSubsidiaries()
  .filter((a) => a.cycle === '2026-Q4')
  .map((a) => score(set, a).risk);

/** The command as main.ts would run it, with the test's own clock and no passphrase. */
async function group(...args: string[]) {
  const parsed = parseCommand(groupShapes.group, args);
  if (!parsed.ok) throw new Error(parsed.problems.join(' '));
  return groupCommand(parsed.value, {}, now);
}

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  return stderr.trim();
};

describe('npm run cli -- group', () => {
  it("writes the PDF of a folder's files and prints the summary as JSON", async () => {
    const out = join(scratch, 'group.pdf');
    const { exitCode, stdout, stderr } = await group(
      folder,
      '-o',
      out,
      '--name',
      'Northwind Group',
    );
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout) as GroupSummary;
    expect(summary.group).toBe('Northwind Group');
    expect(summary.questionSet.id).toBe('softcell');
    expect(summary.asOf).toBe('2027-01-15');
    expect(summary.members.map((m) => m.organisation)).toEqual(
      subsidiaries.map((s) => s.organisation),
    );
    expect(
      summary.members.every((m) => m.cycle === '2026-Q4' && m.previousCycle === '2026-Q3'),
    ).toBe(true);
    const mean = latestRisks.reduce((sum, risk) => sum + risk, 0) / latestRisks.length;
    expect(summary.groupRisk).toBe(Number(mean.toFixed(2)));
    expect(summary.method).toContain('each counting equally');

    const text = squash(
      (await pdfPages(new Uint8Array(readFileSync(out)))).join(' ').normalize('NFKC'),
    );
    for (const member of summary.members) {
      expect(text).toContain(squash(member.organisation));
      expect(text).toContain(squash(`Risk ${(member.risk ?? NaN).toFixed(1)} / 100`));
    }
  });

  it('writes the summary to --json and says what it wrote; files may be named one by one', async () => {
    const out = join(scratch, 'named.pdf');
    const json = join(scratch, 'summary.json');
    const { exitCode, stdout } = await group(
      ...files,
      '-o',
      out,
      '--json',
      json,
      '--stale-after',
      '40',
    );
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(
      new RegExp(
        `^${out}: \\d+ pages, 12 members, group risk \\d+\\.\\d \\((low|medium|high|critical)\\)\\n${json}: group summary\\n$`,
      ),
    );
    const summary = JSON.parse(readFileSync(json, 'utf8')) as GroupSummary;
    expect(summary.staleAfterDays).toBe(40);
    // Last updated on 1 to 12 December 2026: more than 40 whole days before 15 January on 1 to 4 December.
    expect(summary.members.filter((m) => m.stale).map((m) => m.organisation)).toEqual(
      subsidiaries.slice(0, 4).map((s) => s.organisation),
    );
  });

  it('applies the weights of a CSV file, warns about a row that weights no member, and writes Word when asked', async () => {
    const weights = subsidiaries.map((s, index) => `"${s.organisation}",${s.scope},${index + 1}`);
    const file = join(scratch, 'weights.csv');
    writeFileSync(
      file,
      ['organisation,scope,weight', ...weights, 'Not Yet Filed Mobile,,7'].join('\n'),
    );
    const out = join(scratch, 'group.docx');
    const { exitCode, stdout, stderr } = await group(folder, '--weights', file, '-o', out);
    expect(exitCode).toBe(0);
    expect(stderr).toBe(
      `warning: ${file}: line 14: Not Yet Filed Mobile is not a member of the group (no assessment of it was given); its weight is not used.\n`,
    );
    const summary = JSON.parse(stdout) as GroupSummary;
    expect(summary.members.map((m) => m.weight)).toEqual(subsidiaries.map((_, index) => index + 1));
    const weighted =
      latestRisks.reduce((sum, risk, index) => sum + (index + 1) * risk, 0) / ((12 * 13) / 2);
    expect(summary.groupRisk).toBe(Number(weighted.toFixed(2)));
    expect(summary.method).toContain('weighted mean');
    const word = squash(
      docxParagraphs(docxParts(new Uint8Array(readFileSync(out)))['word/document.xml'] ?? '').join(
        ' ',
      ),
    );
    expect(word).toContain(squash(`Group risk ${weighted.toFixed(1)} / 100`));
  });

  it('refuses files of two question sets, in one line, and writes nothing', async () => {
    const mixed = join(scratch, 'mixed');
    mkdirSync(mixed);
    for (const path of files.slice(0, 2))
      copyFileSync(path, join(mixed, path.split('/').at(-1) ?? ''));
    copyFileSync('tests/fixtures/assessments/network-side.json', join(mixed, 'network.json'));
    const out = join(scratch, 'mixed.pdf');
    const { exitCode, stdout, stderr } = await group(mixed, '-o', out);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toBe(
      'the files answer 2 question sets: comms-hardening (1 file: network.json), softcell (2 files: subsidiary-01-2026-Q3.json, subsidiary-01-2026-Q4.json); a group report covers one set, so give the files of one set at a time.',
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it.each([
    [
      [folder],
      'group needs the report file to write: npm run cli -- group <files or folder> -o group.pdf',
    ],
    [
      [folder, '-o', 'x.pdf', '--stale-after', '0'],
      '--stale-after must be a whole number of days greater than 0, such as 180.',
    ],
    [
      [folder, '-o', 'x.pdf', '--stale-after', 'half a year'],
      '--stale-after must be a whole number of days greater than 0, such as 180.',
    ],
    [
      [folder, '-o', 'x.pdf', '--name', '   '],
      '--name must not be blank; name the group, such as "Northwind Group".',
    ],
  ])('refuses %j before reading any file', async (args, line) => {
    const { exitCode, stderr } = await group(...args);
    expect(exitCode).toBe(2);
    expect(oneLine(stderr)).toBe(line);
  });

  it('refuses two files of one member and cycle, an empty folder, a missing file and a weights file that misses a member', async () => {
    const out = join(scratch, 'refused.pdf');
    const [first = ''] = files;
    expect(oneLine((await group(first, first, '-o', out)).stderr)).toBe(
      `${first} and ${first} are both Aurora Mobile AS · Mobile core and IT, cycle 2026-Q3; give one file per member and cycle.`,
    );
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    expect(oneLine((await group(empty, '-o', out)).stderr)).toBe(
      `${empty} holds no .json file; give the folder of the members' assessment files.`,
    );
    expect(oneLine((await group(join(scratch, 'gone.json'), '-o', out)).stderr)).toBe(
      `${join(scratch, 'gone.json')}: no such file`,
    );
    const partial = join(scratch, 'partial.csv');
    writeFileSync(partial, 'organisation,weight\nAurora Mobile AS,3\n');
    expect(oneLine((await group(folder, '--weights', partial, '-o', out)).stderr)).toBe(
      `${partial}: Baltic Wave Telecom · Mobile core and IT has no weight in the weights file; give every member a row (organisation, scope, weight). (and 10 more problems)`,
    );
    const negative = join(scratch, 'negative.csv');
    writeFileSync(negative, 'organisation,weight\nAurora Mobile AS,-3\n');
    expect(oneLine((await group(folder, '--weights', negative, '-o', out)).stderr)).toBe(
      `${negative}: line 2: the weight -3 is negative; give a number greater than 0`,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('has usage lines in the layout of the others', () => {
    expect(groupUsage[0]).toMatch(/^ {2}group <files or folders> -o /);
    for (const line of groupUsage.slice(3)) expect(line).toMatch(/^ {34}\S/);
  });
});
