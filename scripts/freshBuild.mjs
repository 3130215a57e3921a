// Builds the app when dist/ is missing or older than any source it is built from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

const sources = ['src', 'questions', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

/** Returns false when a needed build failed (its output has already been shown). */
export function ensureFreshBuild() {
  if (newestMtime('dist/index.html') >= Math.max(...sources.map(newestMtime))) return true;
  return spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status === 0;
}
