import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import { runInProcess } from '../support/cli.ts';
import { docxParagraphs, docxParts } from '../support/docxText.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixtures = 'tests/fixtures/assessments';

describe('npm run cli -- report', () => {
  // What each fixture's PDF says is checked in tests/report; here, that the command writes it and
  // reports it. One PDF costs more than half a second, so the fast loop builds three: all-best (an
  // empty plan) here, unicode-operator below and middle-profile in encrypted.test.ts.
  it.each(['all-best'])('writes the PDF for the %s fixture', async (name) => {
    const out = join(scratch, `${name}.pdf`);
    const { status, stdout } = await runInProcess([
      'report',
      `${fixtures}/${name}.json`,
      '-o',
      out,
    ]);
    expect(status).toBe(0);
    const score = JSON.parse(
      (await runInProcess(['score', `${fixtures}/${name}.json`])).stdout,
    ) as {
      risk: number;
      band: string;
    };
    expect(stdout).toBe(
      `${out}: ${/(\d+) pages/.exec(stdout)?.[1]} pages, risk ${score.risk.toFixed(1)} (${score.band})\n`,
    );
    const text = squash((await pdfPages(new Uint8Array(readFileSync(out)))).join(' '));
    expect(text).toContain(squash(`Risk ${score.risk.toFixed(1)} / 100`));
  });

  it("writes the Word report when the output ends in .docx, with the PDF report's words", async () => {
    const out = join(scratch, 'middle-profile.docx');
    const { status, stdout } = await runInProcess([
      'report',
      `${fixtures}/middle-profile.json`,
      '-o',
      out,
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /middle-profile\.docx: Word report, risk \d+\.\d \((low|medium|high|critical)\)\n$/,
    );
    const text = squash(
      docxParagraphs(docxParts(new Uint8Array(readFileSync(out)))['word/document.xml'] ?? '').join(
        ' ',
      ),
    );
    const risk = /risk (\d+\.\d)/.exec(stdout)?.[1] ?? 'none';
    expect(text).toContain(squash(`Risk ${risk} / 100`));
    expect(text).toContain(squash('Findings by domain'));
  });

  it('issues a report with unconfirmed carried-over answers only when told to, and says so in it', async () => {
    const carried = carryForward(
      fixtureAssessment('middle-profile'),
      { cycle: '2027-Q1' },
      new Date('2027-01-05T09:00:00Z'),
    );
    const file = join(scratch, 'carried.json');
    writeFileSync(file, JSON.stringify(carried));
    const out = join(scratch, 'issued.pdf');
    const { status } = await runInProcess(['report', file, '--issue-as-is', '-o', out]);
    expect(status).toBe(0);
    const text = squash((await pdfPages(new Uint8Array(readFileSync(out)))).join(' '));
    expect(text).toContain(squash('Issued as it is:'));
    expect(text).not.toContain('DRAFT');
    const refused = await runInProcess(['report', file, '--issue-as-is=yes', '-o', out]);
    expect([refused.status, refused.stderr]).toEqual([
      2,
      'option --issue-as-is for report takes no value; see npm run cli -- help\n',
    ]);
  });

  it('adds the change since a previous cycle, and lists characters the font cannot draw as warnings', async () => {
    const out = join(scratch, 'with-previous.pdf');
    const { status, stderr } = await runInProcess([
      'report',
      `${fixtures}/unicode-operator.json`,
      '--previous',
      `${fixtures}/soft-cell-victim.json`,
      '-o',
      out,
    ]);
    expect(status).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'warning: The report font cannot draw U+202E U+202C in the note of VUL-01; each was replaced by □ in the PDF.',
      'warning: The report font cannot draw 中 国 移 动 核 心 网 日 志 保 留 一 年 in the note of LOG-01; each was replaced by □ in the PDF.',
    ]);
    expect((await pdfPages(new Uint8Array(readFileSync(out)))).join(' ')).toContain(
      'Since 2026-Q3',
    );
  });

  it('refuses to run without an output file, or with a broken input, in one plain line', async () => {
    expect(await runInProcess(['report', `${fixtures}/middle-profile.json`])).toMatchObject({
      status: 2,
      stderr: 'report needs an output file: npm run cli -- report <file> -o <out.pdf>\n',
    });
    const broken = await runInProcess(['report', 'package.json', '-o', join(scratch, 'x.pdf')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe(
      'package.json: format: This is not a Cellguard assessment file (expected format "cellguard-assessment").\n',
    );
  });
});
