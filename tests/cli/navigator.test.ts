import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.ts';
import { navigatorCommand, navigatorShapes, navigatorUsage } from '../../src/cli/navigator.ts';
import { badInput, type CommandOutput } from '../../src/cli/output.ts';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import {
  navigatorChangeLayer,
  navigatorLayer,
  navigatorLayerJson,
} from '../../src/core/export/navigatorLayer.ts';
import type { QuestionSet } from '../../src/core/questionSet/schema.ts';
import { score } from '../../src/core/scoring/score.ts';
import { runInProcess } from '../support/cli.ts';
import { exportedFile } from '../support/exportedFile.ts';
import { navigatorLayerSchema } from '../support/navigatorLayerSchema.ts';
import { loadShippedSets } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-navigator-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const fixtures = 'tests/fixtures/assessments';
const sets = loadShippedSets();
const setOf = (assessment: Assessment): QuestionSet => {
  const set = sets.find((s) => s.id === assessment.questionSet.id);
  if (!set) throw new Error(`no shipped set ${assessment.questionSet.id}`);
  return set;
};
const shape = navigatorShapes.navigator;

/** The command as run.ts runs it: arguments checked strictly first, then the command. */
async function run(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CommandOutput> {
  const parsed = parseCommand(shape, args);
  return parsed.ok ? navigatorCommand(parsed.value, env) : badInput(parsed.problems.join(' '));
}

/** The layer file as Navigator reads it, checked against the layer-format 4.5 schema. */
function readLayer(path: string) {
  const read = navigatorLayerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  expect(read.error?.issues ?? []).toEqual([]);
  return read.data;
}

const passphrase = 'correct horse battery staple';
const keyFile = join(scratch, 'passphrase.txt');
/** Two quarters of the middle profile, the later one better on CRD-02 and worse on CRD-07. */
const q4File = join(scratch, 'middle-2026-Q4.json');
const q1File = join(scratch, 'middle-2027-Q1.json');
const q1EncryptedFile = join(scratch, 'middle-2027-Q1.encrypted.json');
const q4 = fixtureAssessment('middle-profile');
const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
q1.answers['CRD-02'] = { choice: 'verified' };
q1.answers['CRD-07'] = { choice: 'none' };

beforeAll(async () => {
  const at = new Date('2027-01-20T08:00:00Z');
  writeFileSync(q4File, await exportedFile(q4, at));
  writeFileSync(q1File, await exportedFile(q1, at));
  writeFileSync(q1EncryptedFile, await exportedFile(q1, at, passphrase));
  writeFileSync(keyFile, `${passphrase}\n`);
});

describe('npm run cli -- navigator', () => {
  it.each(['all-best', 'all-worst', 'middle-profile', 'unicode-operator', 'network-side'])(
    'writes the layer of the %s fixture that the results page downloads, and says what it holds',
    async (name) => {
      const out = join(scratch, `${name}.layer.json`);
      const { exitCode, stdout, stderr } = await run([`${fixtures}/${name}.json`, '-o', out]);
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
      const assessment = fixtureAssessment(name);
      const set = setOf(assessment);
      const result = score(set, assessment);
      expect(readFileSync(out, 'utf8')).toBe(
        navigatorLayerJson(navigatorLayer(set, { assessment, result })),
      );
      const layer = readLayer(out);
      expect(layer?.versions?.layer).toBe('4.5');
      const count = layer?.techniques?.length ?? 0;
      const unscored = layer?.techniques?.filter((t) => t.score === undefined).length ?? 0;
      expect(stdout).toBe(
        `${out}: ATT&CK Navigator layer, ${count} techniques: ${count - unscored} scored, ${unscored} with no control that applies; risk ${result.risk.toFixed(1)} (${result.band})\n`,
      );
    },
  );

  it('writes the change since --previous, each technique scored by its improvement', async () => {
    const out = join(scratch, 'change.json');
    const { exitCode, stdout, stderr } = await run([q1File, '--previous', q4File, '-o', out]);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const layer = readLayer(out);
    const technique = (id: string) => layer?.techniques?.find((t) => t.techniqueID === id);
    // CRD-02 alone maps T1003.002: "Alerted on all servers" (0.85) to "Alerted and tested" (1).
    expect(technique('T1003.002')?.score).toBe(15);
    // CRD-07 alone maps T1003.006: one of the two alerted (0.6) to none.
    expect(technique('T1003.006')?.score).toBe(-60);
    expect(technique('T1190')?.score).toBe(0);
    const set = setOf(q4);
    expect(readFileSync(out, 'utf8')).toBe(
      navigatorLayerJson(
        navigatorChangeLayer(
          set,
          { assessment: q4, result: score(set, q4) },
          { assessment: q1, result: score(set, q1) },
        ),
      ),
    );
    const changed = layer?.techniques?.filter((t) => t.score !== 0) ?? [];
    expect(stdout).toBe(
      `${out}: ATT&CK Navigator change layer 2026-Q4 → 2027-Q1, ${layer?.techniques?.length} techniques: ${changed.filter((t) => (t.score ?? 0) > 0).length} better, ${changed.filter((t) => (t.score ?? 0) < 0).length} worse, ${(layer?.techniques?.length ?? 0) - changed.length} unchanged, 0 not compared\n`,
    );
  });

  it('opens an encrypted file with --passphrase-file or CELLGUARD_PASSPHRASE, and writes the same layer', async () => {
    const plain = join(scratch, 'plain.json');
    await run([q1File, '--previous', q4File, '-o', plain]);
    const fromFile = join(scratch, 'from-file.json');
    expect(
      (
        await run([
          q1EncryptedFile,
          '--previous',
          q4File,
          '--passphrase-file',
          keyFile,
          '-o',
          fromFile,
        ])
      ).exitCode,
    ).toBe(0);
    const fromEnv = join(scratch, 'from-env.json');
    expect(
      (
        await run([q1EncryptedFile, '--previous', q4File, '-o', fromEnv], {
          CELLGUARD_PASSPHRASE: passphrase,
        })
      ).exitCode,
    ).toBe(0);
    expect(readFileSync(fromFile, 'utf8')).toBe(readFileSync(plain, 'utf8'));
    expect(readFileSync(fromEnv, 'utf8')).toBe(readFileSync(plain, 'utf8'));

    const refused = join(scratch, 'refused.json');
    const { exitCode, stderr } = await run([q1EncryptedFile, '-o', refused]);
    expect(exitCode).toBe(2);
    expect(stderr).toBe(
      `${q1EncryptedFile}: this file is encrypted; give its passphrase with --passphrase-file FILE (first line) or the CELLGUARD_PASSPHRASE environment variable.\n`,
    );
    expect(existsSync(refused)).toBe(false);
  });

  it('refuses a --previous file of another question set, and writes nothing', async () => {
    const out = join(scratch, 'mixed.json');
    expect(await run([q1File, '--previous', `${fixtures}/network-side.json`, '-o', out])).toEqual(
      badInput(
        `${fixtures}/network-side.json answers comms-hardening, ${q1File} answers softcell: --previous must be an earlier cycle of the same question set.`,
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('warns, and still writes, when --previous is not an earlier cycle of the same organisation and scope', async () => {
    const backwards = join(scratch, 'backwards.json');
    const reversed = await run([q4File, '--previous', q1File, '-o', backwards]);
    expect(reversed.exitCode).toBe(0);
    expect(reversed.stderr).toBe(
      `warning: ${q1File} (2027-Q1) is not an earlier cycle than ${q4File} (2026-Q4): the change reads backwards.\n`,
    );
    expect(
      readLayer(backwards)?.techniques?.find((t) => t.techniqueID === 'T1003.006')?.score,
    ).toBe(60);
    const other = join(scratch, 'other.json');
    const victim = `${fixtures}/soft-cell-victim.json`;
    const otherSubject = await run([q4File, '--previous', victim, '-o', other]);
    expect(otherSubject.exitCode).toBe(0);
    expect(otherSubject.stderr).toBe(
      `warning: ${victim} is of another organisation or scope than ${q4File}: the change compares two different subjects.\n`,
    );
  });

  it('asks for the file to read and the file to write, and refuses an unknown option', async () => {
    expect(await run([])).toEqual(
      badInput('name an assessment file, e.g. tests/fixtures/assessments/middle-profile.json'),
    );
    expect(await run([q4File])).toEqual(
      badInput(
        `navigator needs the file to write: npm run cli -- navigator ${q4File} -o <layer.json>`,
      ),
    );
    const unknown = await run([q4File, '--previus', q1File, '-o', join(scratch, 'x.json')]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(
      /^unknown option --previus for navigator \(did you mean --previous\?\)/,
    );
    expect(existsSync(join(scratch, 'x.json'))).toBe(false);
  });

  it('says in one line when a file is missing or the layer cannot be written', async () => {
    const missing = await run([join(scratch, 'no-such.json'), '-o', join(scratch, 'y.json')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no-such.json');
    const out = join(scratch, 'no-such-folder', 'layer.json');
    expect(await run([q4File, '-o', out])).toEqual(
      badInput(`cannot write ${out}: its folder does not exist`),
    );
  });

  it('documents the command with its options in lines as wide as the rest of the help', () => {
    expect(navigatorUsage.join('\n')).toMatch(
      /^ {2}navigator <file> -o <layer\.json> \[--previous <earlier file>\]/,
    );
    expect(navigatorUsage.every((line) => line.length <= 100)).toBe(true);
  });

  it("is one of the command line's commands, listed in its help", async () => {
    const out = join(scratch, 'wired.json');
    const { status, stdout } = await runInProcess([
      'navigator',
      `${fixtures}/middle-profile.json`,
      '-o',
      out,
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/wired\.json: ATT&CK Navigator layer, \d+ techniques/);
    expect((await runInProcess(['help'])).stdout).toContain(navigatorUsage.join('\n'));
  });
});
