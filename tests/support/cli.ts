import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCommand } from '../../src/cli/run.ts';

const root = join(import.meta.dirname, '../..');

export interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line as a user would, through tsx: for the few smoke tests. */
export function runCli(args: readonly string[]): CliOutcome {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), ...args],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same command, in this process: what main.ts would write and exit with, without a spawn. */
export function runInProcess(args: readonly string[]): CliOutcome {
  const output = runCommand(args);
  return { status: output.exitCode, stdout: output.stdout, stderr: output.stderr };
}
