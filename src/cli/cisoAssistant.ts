import {
  cisoAssistantLibrary,
  cisoAssistantLibraryYaml,
} from '../core/export/cisoAssistantLibrary.ts';
import { formatSetProblem } from '../core/questionSet/problems.ts';
import { plural } from '../core/text.ts';
import { loadQuestionSetFolder } from '../node/questionSetFolder.ts';
import type { CommandShape, ParsedCommand } from './args.ts';
import { badInput, ok, type CommandOutput } from './output.ts';
import { writeFilesTogether } from './writeFiles.ts';

/**
 * ciso-assistant-library <set folder> -o <file.yaml>: the question set as a CISO Assistant
 * framework library (docs/ciso-assistant.md), the same file the home page downloads.
 */

const missingFolder = 'ciso-assistant-library needs a question-set folder, e.g. questions/softcell';

export const cisoAssistantShapes = {
  'ciso-assistant-library': {
    command: 'ciso-assistant-library',
    options: { out: { short: 'o' } },
    positionals: [{ missing: missingFolder }],
  },
} satisfies Record<string, CommandShape>;

/** The lines of `npm run cli -- help` for this command, in the layout of the others. */
export const cisoAssistantUsage = [
  '  ciso-assistant-library <set folder> -o <file.yaml>',
  '                                  write the question set as a CISO Assistant framework library',
  '                                  (load it there under Libraries; see docs/ciso-assistant.md)',
];

/**
 * Loads and checks the set as `validate` does, so an invalid folder is refused with the same
 * problems listed, and writes nothing; the library's publication date is `today` (UTC).
 */
export function cisoAssistantCommand(
  parsed: ParsedCommand,
  today: Date = new Date(),
): CommandOutput {
  const folder = parsed.positionals[0];
  if (!folder) return badInput(missingFolder);
  const out = parsed.options.out;
  if (!out)
    return badInput(
      `ciso-assistant-library needs the file to write: npm run cli -- ciso-assistant-library ${folder} -o <file.yaml>`,
    );
  const loaded = loadQuestionSetFolder(folder);
  if (!loaded.ok) {
    const count = plural(loaded.problems.length, 'problem');
    return badInput(
      `${folder} is not a valid question set: ${count} (listed above); nothing was written.`,
      `${loaded.problems.map(formatSetProblem).join('\n')}\n`,
    );
  }
  const set = loaded.value;
  const options = { publicationDate: today.toISOString().slice(0, 10) };
  const failed = writeFilesTogether([{ path: out, text: cisoAssistantLibraryYaml(set, options) }]);
  if (failed) return badInput(failed);
  const { objects } = cisoAssistantLibrary(set, options);
  const requirements = objects.framework.requirement_nodes.filter((node) => node.assessable);
  return ok(
    `${out}: ${set.id} ${set.version} as a CISO Assistant library: ${plural(requirements.length, 'requirement')} in ${plural(set.domains.length, 'section')}, ${plural(objects.reference_controls.length, 'reference control')}\n`,
  );
}
