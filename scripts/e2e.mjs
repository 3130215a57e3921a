// Runs the browser tests against the production build in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureFreshBuild } from './freshBuild.mjs';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(
    `Chromium was not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
if (!ensureFreshBuild()) process.exit(1);

const vitest = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'vitest.e2e.config.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromiumPath } },
);
process.exit(vitest.status ?? 1);
