import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(root, folder, name));
}

/** Every module specifier a file imports or re-exports. */
const specifiers = (text: string) =>
  [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? '');

describe('the Node-only loaders in src/node', () => {
  it('are imported by the command line and the build plugin, never by src/core or src/report', () => {
    const offenders = [...sourceFiles('src/core'), ...sourceFiles('src/report')].flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => /(^|\/)node\//.test(specifier))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
    const plugin = readFileSync(join(root, 'scripts/questionSetPlugin.ts'), 'utf8');
    expect(specifiers(plugin)).toContain('../src/node/questionSetFolder.ts');
    expect(specifiers(readFileSync(join(root, 'src/cli/run.ts'), 'utf8'))).toContain(
      '../node/questionSetFolder.ts',
    );
  });
});
