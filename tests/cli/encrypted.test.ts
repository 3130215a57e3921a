import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runInProcess, type CliOutcome } from '../support/cli.ts';
import { exportedFile } from '../support/exportedFile.ts';
import { pdfPages } from '../support/pdfText.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-encrypted-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const passphrase = 'correct horse battery staple';
const plain = 'tests/fixtures/assessments/middle-profile.json';
const encrypted = join(scratch, 'middle-profile.encrypted.json');
const earlierEncrypted = join(scratch, 'soft-cell-victim.encrypted.json');
const keyFile = join(scratch, 'passphrase.txt');
let realProcess: Promise<CliOutcome>;
const howToGiveOne =
  'this file is encrypted; give its passphrase with --passphrase-file FILE (first line) or the CELLGUARD_PASSPHRASE environment variable.';

beforeAll(async () => {
  const at = new Date('2026-10-16T08:00:00Z');
  writeFileSync(encrypted, await exportedFile(fixtureAssessment('middle-profile'), at, passphrase));
  writeFileSync(
    earlierEncrypted,
    await exportedFile(fixtureAssessment('soft-cell-victim'), at, passphrase),
  );
  // The first line is the passphrase; the line break and anything after it are not.
  writeFileSync(keyFile, `${passphrase}\r\nsecond line is ignored\n`);
  // The real process takes a second; it runs on another core while the tests below go on.
  realProcess = runCli(['score', encrypted], { CELLGUARD_PASSPHRASE: passphrase });
});

describe('npm run cli -- with an encrypted export', () => {
  it('is really encrypted: the file does not contain the organisation in clear', () => {
    const text = readFileSync(encrypted, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'cellguard-encrypted' });
    expect(text).not.toContain('Example Networks');
  });

  it('scores with --passphrase-file exactly as the plain file scores', async () => {
    const expected = await runInProcess(['score', plain]);
    expect(expected.status).toBe(0);
    const opened = await runInProcess(['score', encrypted, '--passphrase-file', keyFile]);
    expect(opened).toEqual(expected);
  });

  it('scores with the CELLGUARD_PASSPHRASE environment variable', async () => {
    const expected = await runInProcess(['score', plain]);
    const opened = await runInProcess(['score', encrypted], { CELLGUARD_PASSPHRASE: passphrase });
    expect(opened).toEqual(expected);
  });

  it('prefers --passphrase-file over CELLGUARD_PASSPHRASE', async () => {
    const opened = await runInProcess(['score', encrypted, '--passphrase-file', keyFile], {
      CELLGUARD_PASSPHRASE: 'not the passphrase',
    });
    expect(opened.status).toBe(0);
  });

  it('fails without a passphrase in one line telling how to give one', async () => {
    expect(await runInProcess(['score', encrypted])).toEqual({
      status: 2,
      stdout: '',
      stderr: `${encrypted}: ${howToGiveOne}\n`,
    });
  });

  it('fails with a wrong passphrase in one line naming where it came from', async () => {
    const wrongKey = join(scratch, 'wrong.txt');
    writeFileSync(wrongKey, 'not the passphrase\n');
    const wrong =
      'does not open it (a wrong passphrase, or the file was changed after it was encrypted).';
    expect(await runInProcess(['score', encrypted, '--passphrase-file', wrongKey])).toEqual({
      status: 2,
      stdout: '',
      stderr: `${encrypted}: the passphrase from --passphrase-file ${wrongKey} ${wrong}\n`,
    });
    expect(
      await runInProcess(['score', encrypted], { CELLGUARD_PASSPHRASE: 'not the passphrase' }),
    ).toEqual({
      status: 2,
      stdout: '',
      stderr: `${encrypted}: the passphrase from CELLGUARD_PASSPHRASE ${wrong}\n`,
    });
  });

  it('refuses a missing or empty passphrase file in one line, even for a plain file', async () => {
    const missing = join(scratch, 'no-such-key.txt');
    expect(await runInProcess(['score', plain, '--passphrase-file', missing])).toEqual({
      status: 2,
      stdout: '',
      stderr: `${missing}: no such file\n`,
    });
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '\nsecret on the second line\n');
    expect(await runInProcess(['score', encrypted, '--passphrase-file', empty])).toEqual({
      status: 2,
      stdout: '',
      stderr: `${empty}: its first line is empty; write the passphrase on it.\n`,
    });
  });

  it('writes a report whose --previous is an encrypted earlier file', async () => {
    const out = join(scratch, 'since.pdf');
    const { status, stdout, stderr } = await runInProcess(
      ['report', encrypted, '--previous', earlierEncrypted, '-o', out],
      { CELLGUARD_PASSPHRASE: passphrase },
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^.+since\.pdf: \d+ pages, risk \d+\.\d \(high\)\n$/);
    const pages = (await pdfPages(new Uint8Array(readFileSync(out)))).join(' ');
    expect(pages).toContain('Since 2026-Q3');
  });

  it('refuses a report whose encrypted --previous file gets no passphrase, and writes nothing', async () => {
    const out = join(scratch, 'not-written.pdf');
    expect(
      await runInProcess(['report', plain, '--previous', earlierEncrypted, '-o', out]),
    ).toEqual({ status: 2, stdout: '', stderr: `${earlierEncrypted}: ${howToGiveOne}\n` });
    expect(existsSync(out)).toBe(false);
  });

  it('runs as a real process: main.ts awaits the command and reads CELLGUARD_PASSPHRASE', async () => {
    const { status, stdout, stderr } = await realProcess;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      organisation: 'Example Networks (mid-journey profile)',
      band: 'high',
    });
  });
});
