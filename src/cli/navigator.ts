import { subjectIdentity } from '../core/assessment/identity.ts';
import { compareCycles } from '../core/cycles/cycleLabel.ts';
import {
  navigatorChangeLayer,
  navigatorLayer,
  navigatorLayerJson,
  type NavigatorLayer,
} from '../core/export/navigatorLayer.ts';
import { score } from '../core/scoring/score.ts';
import { plural } from '../core/text.ts';
import type { CommandShape, ParsedCommand } from './args.ts';
import { loadWithPrevious, missingFile } from './loadFiles.ts';
import { badInput, type CommandOutput } from './output.ts';
import type { Environment } from './passphrase.ts';
import { writeFilesTogether } from './writeFiles.ts';

/** The lines of `npm run cli -- help` for this command, in the layout of the others. */
export const navigatorUsage = [
  '  navigator <file> -o <layer.json> [--previous <earlier file>] [--set <folder>]',
  '         [--passphrase-file <file>]',
  '                                  write an ATT&CK Navigator layer (format 4.5): each technique',
  '                                  the set maps, scored by the coverage of its controls; with',
  '                                  --previous, the change in coverage since that cycle',
];

/**
 * navigator <file> [--previous <earlier file>] -o <layer.json>: the assessment as an ATT&CK
 * Navigator layer, or the change since an earlier cycle as one (docs/navigator-layer.md), the same
 * files the results and compare pages download.
 */

export const navigatorShapes = {
  navigator: {
    command: 'navigator',
    options: { out: { short: 'o' }, previous: {}, set: {}, 'passphrase-file': {} },
    positionals: [{ missing: missingFile }],
  },
} satisfies Record<string, CommandShape>;

/** "36 techniques: 30 scored, 6 with no control that applies". */
function coverageSummary(layer: NavigatorLayer): string {
  const scored = layer.techniques.filter((t) => t.score !== undefined).length;
  return `${plural(layer.techniques.length, 'technique')}: ${scored} scored, ${layer.techniques.length - scored} with no control that applies`;
}

/** "36 techniques: 12 better, 3 worse, 15 unchanged, 6 not compared". */
function changeSummary(layer: NavigatorLayer): string {
  const changes = layer.techniques.flatMap((t) => (t.score === undefined ? [] : [t.score]));
  return `${plural(layer.techniques.length, 'technique')}: ${[
    `${changes.filter((c) => c > 0).length} better`,
    `${changes.filter((c) => c < 0).length} worse`,
    `${changes.filter((c) => c === 0).length} unchanged`,
    `${layer.techniques.length - changes.length} not compared`,
  ].join(', ')}`;
}

/**
 * Opens the file (and the --previous file) as `report` does, and writes the layer. A previous file
 * of another question set is refused; one of another organisation or scope, or of a cycle that is
 * not earlier, is written with a warning, as the compare page shows such a pair with a warning.
 */
export async function navigatorCommand(
  parsed: ParsedCommand,
  env: Environment,
): Promise<CommandOutput> {
  const [file] = parsed.positionals;
  if (!file) return badInput(missingFile);
  const { out, previous: previousFile } = parsed.options;
  if (!out)
    return badInput(
      `navigator needs the file to write: npm run cli -- navigator ${file} -o <layer.json>`,
    );
  const files = await loadWithPrevious(file, parsed.options, env);
  if (!files.ok) return badInput(files.line);
  const { main, earlier } = files;

  const current = { assessment: main.assessment, result: score(main.set, main.assessment) };
  const warnings: string[] = [];
  let layer: NavigatorLayer;
  let what: string;
  if (earlier) {
    const previous = {
      assessment: earlier.assessment,
      result: score(main.set, earlier.assessment),
    };
    const [then, now] = [previous.assessment, current.assessment];
    if (subjectIdentity(then) !== subjectIdentity(now))
      warnings.push(
        `${previousFile} is of another organisation or scope than ${file}: the change compares two different subjects.`,
      );
    if (compareCycles(then.cycle, now.cycle) >= 0)
      warnings.push(
        `${previousFile} (${then.cycle}) is not an earlier cycle than ${file} (${now.cycle}): the change reads backwards.`,
      );
    layer = navigatorChangeLayer(main.set, previous, current);
    what = `ATT&CK Navigator change layer ${then.cycle} → ${now.cycle}, ${changeSummary(layer)}`;
  } else {
    layer = navigatorLayer(main.set, current);
    what = `ATT&CK Navigator layer, ${coverageSummary(layer)}; risk ${current.result.risk.toFixed(1)} (${current.result.band})`;
  }
  const failed = writeFilesTogether([{ path: out, text: navigatorLayerJson(layer) }]);
  if (failed) return badInput(failed);
  return {
    exitCode: 0,
    stdout: `${out}: ${what}\n`,
    stderr: warnings.map((warning) => `warning: ${warning}\n`).join(''),
  };
}
