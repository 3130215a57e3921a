import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCommand } from '../../src/cli/run.ts';

const root = join(import.meta.dirname, '../..');

export interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command line as a user would, through tsx, in a child process. Slow (about a
 * second): kept for the one smoke test of the entry point; everything else uses runInProcess. It
 * is asynchronous so that a test file can start it early and let it run on another core while
 * the in-process tests go on. The developer's CELLGUARD_PASSPHRASE is never passed on.
 */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CliOutcome> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), ...args],
      { cwd: root, env: { ...process.env, CELLGUARD_PASSPHRASE: undefined, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ status: null, stdout, stderr: String(error) }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * The same command, in this process: what main.ts would write and exit with, without a spawn.
 * The environment is the test's own (empty unless given), never the developer's, so that a
 * CELLGUARD_PASSPHRASE set in the shell cannot change a result.
 */
export async function runInProcess(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CliOutcome> {
  const output = await runCommand(args, env);
  return { status: output.exitCode, stdout: output.stdout, stderr: output.stderr };
}
