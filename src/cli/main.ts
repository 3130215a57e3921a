import { runCommand } from './run.ts';

// The Node entry of the command line. Whatever happens, the user sees plain words, never a stack.
try {
  const output = runCommand(process.argv.slice(2));
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.exitCode;
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cellguard failed unexpectedly: ${reason.split('\n')[0]}\n`);
  process.exitCode = 1;
}
