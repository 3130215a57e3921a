import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.ts';
import {
  cisoAssistantCommand,
  cisoAssistantShapes,
  cisoAssistantUsage,
} from '../../src/cli/cisoAssistant.ts';
import { badInput, type CommandOutput } from '../../src/cli/output.ts';
import { runInProcess } from '../support/cli.ts';
import { cisoAssistantLibraryYaml } from '../../src/core/export/cisoAssistantLibrary.ts';
import { cisoAssistantLibrarySchema } from '../support/cisoAssistantLibrarySchema.ts';
import { loadShippedSets, shippedSetFiles } from '../support/shippedSet.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-ciso-assistant-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const today = new Date('2026-05-14T22:30:00Z');
const shape = cisoAssistantShapes['ciso-assistant-library'];

/** The command as run.ts runs it: arguments checked strictly first, then the command. */
function run(args: readonly string[]): CommandOutput {
  const parsed = parseCommand(shape, args);
  return parsed.ok
    ? cisoAssistantCommand(parsed.value, today)
    : badInput(parsed.problems.join(' '));
}

describe('npm run cli -- ciso-assistant-library', () => {
  it("is one of the command line's commands, listed in its help", async () => {
    const out = join(scratch, 'wired.yaml');
    const { status, stdout } = await runInProcess([
      'ciso-assistant-library',
      'questions/softcell',
      '-o',
      out,
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/wired\.yaml: softcell \d+\.\d+\.\d+ as a CISO Assistant library/);
    expect(existsSync(out)).toBe(true);
    expect((await runInProcess(['help'])).stdout).toContain(cisoAssistantUsage.join('\n'));
  });

  it.each(loadShippedSets().map((set) => [set.id, set] as const))(
    'writes the %s set as the library the home page downloads, and says what it holds',
    (id, set) => {
      const out = join(scratch, `${id}.yaml`);
      const { exitCode, stdout, stderr } = run([`questions/${id}`, '-o', out]);
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toBe(cisoAssistantLibraryYaml(set, { publicationDate: '2026-05-14' }));
      const read = cisoAssistantLibrarySchema.safeParse(parse(text, { version: '1.1' }));
      expect(read.error?.issues ?? []).toEqual([]);
      expect(stdout).toBe(
        `${out}: ${id} ${set.version} as a CISO Assistant library: ${set.questions.length} requirements in ${set.domains.length} sections, ${read.data?.objects.reference_controls?.length} reference controls\n`,
      );
    },
  );

  it('refuses an invalid set with its problems listed, exit status 2, and writes nothing', () => {
    const folder = join(scratch, 'broken');
    mkdirSync(folder);
    for (const [file, text] of shippedSetFiles())
      writeFileSync(
        join(folder, file),
        file === 'credentials.yaml' ? text.replace('coverage: 0.35\n', 'coverage: 1.35\n') : text,
      );
    const out = join(scratch, 'broken.yaml');
    const { exitCode, stdout, stderr } = run([folder, '-o', out]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe(
      'credentials.yaml › CRD-01 › options[1].coverage: must be between 0 and 1\n',
    );
    expect(stderr).toBe(
      `${folder} is not a valid question set: 1 problem (listed above); nothing was written.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder that does not exist in one plain line', () => {
    const out = join(scratch, 'none.yaml');
    const { exitCode, stdout, stderr } = run(['questions/no-such-set', '-o', out]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('questions/no-such-set: is not a folder\n');
    expect(stderr).toBe(
      'questions/no-such-set is not a valid question set: 1 problem (listed above); nothing was written.\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('asks for the folder and for the file to write, and refuses an unknown option', () => {
    expect(run([])).toEqual(
      badInput('ciso-assistant-library needs a question-set folder, e.g. questions/softcell'),
    );
    expect(run(['questions/softcell'])).toEqual(
      badInput(
        'ciso-assistant-library needs the file to write: npm run cli -- ciso-assistant-library questions/softcell -o <file.yaml>',
      ),
    );
    const unknown = run(['questions/softcell', '--ouput', join(scratch, 'x.yaml')]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(
      /^unknown option --ouput for ciso-assistant-library \(did you mean --out\?\)/,
    );
  });

  it('says in one line when the file cannot be written', () => {
    const out = join(scratch, 'no-such-folder', 'softcell.yaml');
    expect(run(['questions/softcell', '-o', out])).toEqual(
      badInput(`cannot write ${out}: its folder does not exist`),
    );
  });

  it('documents the command and its -o option in the help text', () => {
    expect(cisoAssistantUsage.join('\n')).toMatch(
      /^ {2}ciso-assistant-library <set folder> -o <file\.yaml>\s{2,}/,
    );
    expect(cisoAssistantUsage.every((line) => line.length <= 100)).toBe(true);
  });
});
