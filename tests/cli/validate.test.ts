import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.ts';
import { shippedSetFiles } from '../support/shippedSet.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeSet(name: string, edit: (files: Map<string, string>) => void): string {
  const folder = join(scratch, name);
  const files = shippedSetFiles();
  edit(files);
  mkdirSync(folder);
  for (const [file, text] of files) writeFileSync(join(folder, file), text);
  return folder;
}

describe('npm run cli -- validate', () => {
  it('passes the shipped set and prints counts per domain, recommendation and phase', async () => {
    const { status, stdout, stderr } = await runInProcess(['validate', 'questions/softcell']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^softcell 2\.0\.0: \d+ questions in 10 domains, valid\./);
    expect(stdout).toMatch(/questions per domain:\n {2}EXP +\d+ {2}Internet exposure/);
    expect(stdout).toMatch(/questions per recommendation:[\s\S]*D11 +\d+ {2}Web-shell detection/);
    expect(stdout).toMatch(
      /questions per attack phase:[\s\S]*P8 +\d+ {2}Collection and exfiltration/,
    );
  });

  it('lists every problem of a broken set with file, question and field, and exits 2', async () => {
    const folder = writeSet('broken', (files) => {
      const edit = (name: string, from: string, to: string) =>
        files.set(name, (files.get(name) ?? '').replace(from, to));
      edit('credentials.yaml', 'coverage: 0.35\n', 'coverage: 1.35\n');
      edit('privileged.yaml', 'id: PRV-06', 'id: CRD-02');
    });
    const { status, stdout, stderr } = await runInProcess(['validate', folder]);
    expect(status).toBe(2);
    expect(stdout.trim().split('\n')).toEqual([
      'credentials.yaml › CRD-01 › options[1].coverage: must be between 0 and 1',
      'privileged.yaml › CRD-02 › id: is already used by a question in credentials.yaml; ids must be unique',
    ]);
    expect(stderr).toBe(`${folder} is not a valid question set: 2 problems (listed above).\n`);
  });

  it('answers a missing folder with one plain line and exit code 2', async () => {
    const { status, stdout, stderr } = await runInProcess(['validate', 'questions/no-such-set']);
    expect(status).toBe(2);
    expect(stdout).toBe('questions/no-such-set: is not a folder\n');
    expect(stderr).toBe(
      'questions/no-such-set is not a valid question set: 1 problem (listed above).\n',
    );
  });

  it('rejects an unknown command in one line, without a stack trace', async () => {
    const { status, stderr } = await runInProcess(['frobnicate']);
    expect(status).toBe(2);
    expect(stderr).toBe('unknown command "frobnicate"; run "npm run cli -- help" for the list.\n');
  });
});
