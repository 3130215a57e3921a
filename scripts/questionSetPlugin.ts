import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadQuestionSetLibrary } from '../src/node/questionSetFolder.ts';

const virtualId = 'virtual:cellguard/question-sets';
const resolvedId = `\0${virtualId}`;
/** Only each set's id and title: the home page lists assessments without loading the sets. */
const titlesId = 'virtual:cellguard/question-set-titles';
const resolvedTitlesId = `\0${titlesId}`;

/**
 * Validates every set under questions/ at build time (with the facts they share) and hands the
 * app the sets as plain JSON, so a broken question file fails `npm run build` with the
 * validator's own message, and the browser needs neither the YAML parser nor the schema to start.
 */
export function questionSetPlugin(root: string): Plugin {
  const absolute = resolve(root);
  let isBuild = false;

  function loadOrExplain(titlesOnly = false): string | { error: string } {
    const result = loadQuestionSetLibrary(absolute);
    if (result.ok)
      return `export default ${JSON.stringify(
        titlesOnly ? result.value.map(({ id, title }) => ({ id, title })) : result.value,
      )};`;
    const list = result.problems.map((p) => `  ${p}`).join('\n');
    return { error: `The question sets in ${root} are invalid:\n${list}` };
  }

  return {
    name: 'cellguard-question-sets',
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
      if (id === virtualId) return resolvedId;
      return id === titlesId ? resolvedTitlesId : undefined;
    },
    load(id) {
      if (id !== resolvedId && id !== resolvedTitlesId) return undefined;
      for (const folder of readdirSync(absolute)) {
        const path = join(absolute, folder);
        if (!statSync(path).isDirectory()) continue;
        for (const name of readdirSync(path)) this.addWatchFile(join(path, name));
      }
      const loaded = loadOrExplain(id === resolvedTitlesId);
      if (typeof loaded !== 'string') this.error(loaded.error);
      return loaded;
    },
  };
}
