import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-arguments-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = 'tests/fixtures/assessments/middle-profile.json';
const earlier = 'tests/fixtures/assessments/soft-cell-victim.json';

/** Exit 2, nothing on standard output, and exactly one line on standard error; returns the line. */
async function refused(args: readonly string[]): Promise<string> {
  const { status, stdout, stderr } = await runInProcess(args);
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^[^\n]+\n$/);
  return stderr.trimEnd();
}

describe('npm run cli -- <command> checks its arguments strictly', () => {
  it('refuses the --previus typo with exit 2 and one line naming it, and writes no PDF', async () => {
    const out = join(scratch, 'typo.pdf');
    const line = await refused(['report', file, '-o', out, '--previus', earlier]);
    expect(line).toBe(
      'unknown option --previus for report (did you mean --previous?); see npm run cli -- help',
    );
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['validate', ['validate', 'questions/softcell', '--verbose']],
    ['coverage', ['coverage', 'questions/softcell', '--format=json']],
    ['score', ['score', file, '--verbose']],
    ['report', ['report', file, '-o', join(scratch, 'unknown.pdf'), '-x']],
    ['help', ['help', '--all']],
  ])('refuses an unknown flag on %s with exit 2 and one line', async (command, args) => {
    const flag = args.at(-1)?.replace(/=.*/, '');
    expect(await refused(args)).toBe(
      `unknown option ${flag} for ${command}; see npm run cli -- help`,
    );
    expect(existsSync(join(scratch, 'unknown.pdf'))).toBe(false);
  });

  it('refuses an option without its value, also when the next word is another option', async () => {
    expect(await refused(['report', file, '-o'])).toBe(
      'option -o/--out for report needs a value; see npm run cli -- help',
    );
    expect(await refused(['report', file, '--out', '--previous', earlier])).toBe(
      'option -o/--out for report needs a value; see npm run cli -- help',
    );
    expect(await refused(['score', file, '--set='])).toBe(
      'option --set for score needs a value; see npm run cli -- help',
    );
    expect(await refused(['score', file, '--passphrase-file'])).toBe(
      'option --passphrase-file for score needs a value; see npm run cli -- help',
    );
  });

  it('refuses a missing argument, an extra one and an option given twice', async () => {
    expect(await refused(['score'])).toBe(
      'name an assessment file, e.g. tests/fixtures/assessments/middle-profile.json',
    );
    expect(await refused(['validate'])).toBe(
      'validate needs a question-set folder, e.g. questions/softcell',
    );
    expect(await refused(['coverage'])).toBe(
      'coverage needs a question-set folder (questions/softcell) or questions itself',
    );
    expect(await refused(['report', file])).toBe(
      'report needs an output file: npm run cli -- report <file> -o <out.pdf>',
    );
    expect(await refused(['score', file, earlier])).toBe(
      `unexpected argument "${earlier}" for score; see npm run cli -- help`,
    );
    expect(await refused(['score', file, '--set', 'questions/softcell', '--set', 'x'])).toBe(
      'option --set for score is given twice; give it once; see npm run cli -- help',
    );
  });

  it('never takes a passphrase as an argument, and never repeats one in its message', async () => {
    for (const args of [
      ['score', file, '--passphrase', 'correct horse battery'],
      ['score', file, '--passphrase=correct horse battery'],
    ]) {
      const line = await refused(args);
      expect(line).toBe(
        'unknown option --passphrase for score: a passphrase is never taken on the command line, where shell history and ps would show it; use --passphrase-file FILE or the CELLGUARD_PASSPHRASE environment variable',
      );
      expect(line).not.toContain('horse');
    }
  });

  it('prints the usage for help, -h and --help after a command, and it names the passphrase sources', async () => {
    const help = await runInProcess(['help']);
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: npm run cli -- <command>/);
    expect(help.stdout).toContain('--passphrase-file <file>');
    expect(help.stdout).toContain('CELLGUARD_PASSPHRASE');
    expect(help.stdout).toContain('never accepted as an argument');
    for (const args of [[], ['--help'], ['-h'], ['score', '--help'], ['report', '-h']])
      expect(await runInProcess(args)).toEqual(help);
  });
});
