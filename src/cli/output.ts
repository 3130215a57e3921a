/** What a command produced; main.ts writes it out, tests read it directly. */
export interface CommandOutput {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

export const ok = (stdout: string, stderr = ''): CommandOutput => ({ exitCode: 0, stdout, stderr });

/** Exit status 2: one plain line on standard error, and what else standard output should hold. */
export const badInput = (line: string, stdout = ''): CommandOutput => ({
  exitCode: 2,
  stdout,
  stderr: `${line}\n`,
});
