import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file to write: where, and its whole text. */
export interface FileToWrite {
  path: string;
  text: string;
}

/** Why a write failed, without the temporary file's name that the system's message holds. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
  }
  if (code) return code;
  return (error instanceof Error ? error.message.split('\n')[0] : undefined) ?? 'unknown error';
}

/**
 * Writes several files as one step, as far as a file system allows: each is written in full
 * beside its destination first, and only when every one was written are they renamed into
 * place. A file that cannot be written leaves every destination as it was, and no temporary
 * file behind. An assessment written over its input is therefore never left half-written.
 * Returns the one line that says what failed, or undefined.
 */
export function writeFilesTogether(files: readonly FileToWrite[]): string | undefined {
  const written: { temporary: string; path: string }[] = [];
  const cleanUp = () => {
    for (const { temporary } of written) rmSync(temporary, { force: true });
  };
  for (const { path, text } of files) {
    const temporary = join(
      dirname(path),
      `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`,
    );
    try {
      writeFileSync(temporary, text, { flag: 'wx' });
      written.push({ temporary, path });
    } catch (error) {
      rmSync(temporary, { force: true });
      cleanUp();
      return `cannot write ${path}: ${reasonOf(error)}`;
    }
  }
  for (const [index, { temporary, path }] of written.entries()) {
    try {
      renameSync(temporary, path);
    } catch (error) {
      cleanUp();
      const done = written.slice(0, index).map((w) => w.path);
      const already = done.length > 0 ? ` (${done.join(' and ')} already written)` : '';
      return `cannot write ${path}: ${reasonOf(error)}${already}`;
    }
  }
  return undefined;
}
