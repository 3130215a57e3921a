import { runCommand } from './run.ts';

// A reader that stops early (`| head`) closes the pipe: not a failure of the command, and never a
// stack trace. Any other write error is an unexpected failure, said in one line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`cellguard failed unexpectedly: cannot write the output (${error.code})\n`);
  process.exitCode = 1;
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.exitCode = 1;
});

// The Node entry of the command line. Whatever happens, the user sees plain words, never a stack.
try {
  const output = await runCommand(process.argv.slice(2), process.env);
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.exitCode;
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cellguard failed unexpectedly: ${reason.split('\n')[0]}\n`);
  process.exitCode = 1;
}
