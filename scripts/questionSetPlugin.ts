import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatSetProblem } from '../src/core/questionSet/problems.ts';
import { loadQuestionSetFolder } from '../src/node/questionSetFolder.ts';

const virtualId = 'virtual:cellguard/question-set';
const resolvedId = `\0${virtualId}`;

/**
 * Validates questions/<set> at build time and hands the app the set as plain JSON, so a broken
 * question file fails `npm run build` with the validator's own message, and the browser needs
 * neither the YAML parser nor the schema to start.
 */
export function questionSetPlugin(folder: string): Plugin {
  const absolute = resolve(folder);
  let isBuild = false;

  function loadOrExplain(): string | { error: string } {
    const result = loadQuestionSetFolder(absolute);
    if (result.ok) return `export default ${JSON.stringify(result.value)};`;
    const list = result.problems.map((p) => `  ${formatSetProblem(p)}`).join('\n');
    return { error: `The question set in ${folder} is invalid:\n${list}` };
  }

  return {
    name: 'cellguard-question-set',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    buildStart() {
      if (!isBuild) return;
      const loaded = loadOrExplain();
      if (typeof loaded !== 'string') {
        // A bundler error would bury the list under a stack trace; the author needs only the list.
        console.error(`\n${loaded.error}\n`);
        process.exit(1);
      }
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      for (const name of readdirSync(absolute)) this.addWatchFile(join(absolute, name));
      const loaded = loadOrExplain();
      if (typeof loaded !== 'string') this.error(loaded.error);
      return loaded;
    },
  };
}
