import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { score } from '../../src/core/scoring/score.ts';
import { runInProcess } from '../support/cli.ts';
import { exportedFile } from '../support/exportedFile.ts';
import { loadShippedSets } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-sets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const networkFile = 'tests/fixtures/assessments/network-side.json';

describe('npm run cli -- with several question sets', () => {
  it('validates the network-side set, its counts and the facts it shares with Soft Cell', async () => {
    const { status, stdout, stderr } = await runInProcess([
      'validate',
      'questions/comms-hardening',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^comms-hardening 1\.0\.0: 61 questions in 8 domains, valid\./);
    expect(stdout).toMatch(/ {2}H21 +\d+ {2}/);
    expect(stdout).toMatch(
      /facts shared with softcell \(checked against it\):\n {2}MPL-01 ~ SEG-06 /,
    );
  });

  it('refuses a set whose equivalence names an option the other set lacks', async () => {
    const root = join(scratch, 'questions');
    cpSync('questions', root, { recursive: true });
    const file = join(root, 'comms-hardening', 'equivalences.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('inband: inband', 'inband: offline'));
    const { status, stdout, stderr } = await runInProcess([
      'validate',
      join(root, 'comms-hardening'),
    ]);
    expect(status).toBe(2);
    expect(stdout).toContain(
      'equivalences.yaml › pairs[0].toThere: offline is not an option of SEG-06',
    );
    expect(stderr).toMatch(/is not a valid question set: 1 problem/);
  });

  it('scores a network-side file with its own set, as the app scores it', async () => {
    const { status, stdout } = await runInProcess(['score', networkFile]);
    expect(status).toBe(0);
    const printed = JSON.parse(stdout) as { questionSet: { id: string }; risk: number };
    const set = loadShippedSets().find((s) => s.id === 'comms-hardening');
    if (!set) throw new Error('no network-side set');
    expect(printed.questionSet.id).toBe('comms-hardening');
    expect(printed.risk).toBeCloseTo(score(set, fixtureAssessment('network-side')).risk, 1);
  });

  it('opens an encrypted file of either set: the set is found inside the encryption', async () => {
    const encrypted = join(scratch, 'network.encrypted.json');
    writeFileSync(
      encrypted,
      await exportedFile(
        fixtureAssessment('network-side'),
        new Date('2026-10-16T08:00:00Z'),
        'a long enough passphrase',
      ),
    );
    const opened = await runInProcess(['score', encrypted], {
      CELLGUARD_PASSPHRASE: 'a long enough passphrase',
    });
    expect(opened).toEqual(await runInProcess(['score', networkFile]));
  });

  it('prints the coverage of every set and the facts they share for questions/', async () => {
    const { status, stdout } = await runInProcess(['coverage', 'questions']);
    expect(status).toBe(0);
    expect(stdout).toContain('## Coverage of the Operation Soft Cell exposure assessment');
    expect(stdout).toContain(
      '## Coverage of the Communications infrastructure hardening assessment',
    );
    expect(stdout).toMatch(
      /\| Out-of-band management of network elements \| comms-hardening MPL-01 \|/,
    );
  });
});

describe('npm run cli -- refusing what mixes sets or is no folder', () => {
  it('refuses a --previous file of another set in one line', async () => {
    const { status, stderr } = await runInProcess([
      'report',
      networkFile,
      '--previous',
      'tests/fixtures/assessments/middle-profile.json',
      '-o',
      join(scratch, 'mixed.pdf'),
    ]);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `tests/fixtures/assessments/middle-profile.json answers softcell, ${networkFile} answers comms-hardening: --previous must be an earlier cycle of the same question set.\n`,
    );
  });

  it('takes a set.yaml given to coverage for what it is, not a folder of sets', async () => {
    const { status, stderr } = await runInProcess(['coverage', 'questions/softcell/set.yaml']);
    expect(status).toBe(2);
    expect(stderr).toBe(
      'questions/softcell/set.yaml is not a valid question set; run validate to see why.\n',
    );
  });
});
