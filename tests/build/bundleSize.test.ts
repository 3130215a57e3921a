import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSizes, totalGzip } from '../../scripts/bundleSizes.ts';

const root = join(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'cellguard-build-'));

beforeAll(() => {
  // A separate process, as `npm run build` runs it: inside Vitest, NODE_ENV=test would make Vite
  // bundle React's development build.
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`the build failed: ${result.stderr}`);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production build', () => {
  it('keeps the initial load (entry, preloads and stylesheet) within 120 KB gzip', () => {
    const { initial } = bundleSizes(outDir);
    expect(initial.map((a) => a.file).some((file) => file.endsWith('.js'))).toBe(true);
    expect(initial.map((a) => a.file).some((file) => file.endsWith('.css'))).toBe(true);
    expect(totalGzip(initial)).toBeLessThanOrEqual(120 * 1024);
  });

  it('loads the PDF code, the fonts and the question set only on demand', () => {
    const { initial, assets } = bundleSizes(outDir);
    const initialCode = initial
      .map((asset) => readFileSync(join(outDir, asset.file), 'utf8'))
      .join('\n');
    expect(initialCode).not.toContain('jsPDF');
    expect(initialCode).not.toContain('Exploit Public-Facing Application');
    expect(initialCode).not.toMatch(/\.ttf/);
    expect(assets.filter((asset) => asset.file.endsWith('.ttf'))).toHaveLength(2);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toMatch(/\.ttf|reportExport/);
  });
});
