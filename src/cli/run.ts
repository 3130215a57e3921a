import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan } from '../core/planning/plan.ts';
import {
  coverageMarkdown,
  coverageOf,
  libraryCoverageMarkdown,
} from '../core/questionSet/coverage.ts';
import { setFileName } from '../core/questionSet/parse.ts';
import { formatSetProblem } from '../core/questionSet/problems.ts';
import { score } from '../core/scoring/score.ts';
import { loadQuestionSetFolder, loadQuestionSetLibrary } from '../node/questionSetFolder.ts';
import { loadReportFonts } from '../node/reportFonts.ts';
import { parseCommand, type CommandShape, type ParsedCommand } from './args.ts';
import { shippedSetTitles } from './assessmentInput.ts';
import { cisoAssistantCommand, cisoAssistantShapes, cisoAssistantUsage } from './cisoAssistant.ts';
import { assignCommand, delegationShapes, mergeCommand } from './delegation.ts';
import { groupCommand, groupShapes, groupUsage } from './group.ts';
import { loadFiles, loadWithPrevious, missingFile } from './loadFiles.ts';
import { navigatorCommand, navigatorShapes, navigatorUsage } from './navigator.ts';
import { badInput, ok, type CommandOutput } from './output.ts';
import { passphraseVariable, type Environment } from './passphrase.ts';
import { scoreReport } from './scoreReport.ts';

export { badInput, type CommandOutput } from './output.ts';

export const usage = [
  'usage: npm run cli -- <command> [options]',
  '  validate <set folder>           check a question set and print its coverage',
  '  coverage <set folder>           print the coverage tables as Markdown; given questions (the',
  '                                  folder of sets), every set and the facts they share',
  '  score <file> [--set <folder>] [--passphrase-file <file>]',
  '                                  score an assessment file and print the result and plan as JSON',
  '  report <file> -o <out.pdf|out.docx> [--previous <earlier file>] [--set <folder>]',
  '         [--passphrase-file <file>] [--issue-as-is]',
  '                                  write the management report as a PDF, or as an editable Word',
  '                                  file with the same content when the name ends in .docx',
  '  assign <file> --to <name> [--role <role>] [--email <text>] [--note <text>]',
  '         [--domains EXP,SEG] [--questions EXP-01,PRV-03] -o <questionnaire.json>',
  '         [--assessment-out <file>] [--questionnaire-passphrase-file <file>]',
  '         [--set <folder>] [--passphrase-file <file>]',
  "                                  write a person's questionnaire (their next round) and record",
  '                                  it as sent in the assessment file',
  '  merge <file> <response file> [--decide theirs|mine|mine-and-note]',
  '         [--decide-question ID=theirs|mine|mine-and-note ...] [-o <out>]',
  '         [--response-passphrase-file <file>] [--set <folder>] [--passphrase-file <file>]',
  "                                  merge a person's response into the assessment file; without a",
  '                                  decision for each conflict, list the conflicts and change nothing',
  ...navigatorUsage,
  ...cisoAssistantUsage,
  ...groupUsage,
  '  help                            print this text (as does -h or --help after any command)',
  '',
  'options:',
  '  --set <folder>                  the question set; by default questions/<the set the file names>,',
  '                                  or any set of questions/ for an encrypted file',
  '  -o, --out <file>                where report writes the PDF (or .docx), assign the',
  '                                  questionnaire, merge the merged assessment (by default over',
  '                                  the input file)',
  "  --previous <earlier file>       an earlier cycle's file: the report adds what changed since then",
  '  --issue-as-is                   issue a report whose carried-over answers are not all confirmed;',
  '                                  without it such a report is marked DRAFT on every page',
  "  --passphrase-file <file>        opens encrypted files: the passphrase is the file's first line",
  '  --to <name>                     the person; one of the assessment already (letter case ignored)',
  '                                  is reused, and the --role, --email, --note, --domains or',
  '                                  --questions given replace theirs',
  '  --assessment-out <file>         where assign writes the assessment (by default over the input)',
  '  --questionnaire-passphrase-file <file>',
  '                                  encrypts the questionnaire with the passphrase on its first line;',
  '                                  give the person that passphrase another way',
  '  --decide <decision>             settles every conflict of a merge: theirs, mine or mine-and-note',
  '                                  (keep yours and append their note)',
  '  --decide-question ID=<decision> settles one question; wins over --decide; repeatable',
  '  --response-passphrase-file <file>',
  "                                  opens an encrypted response; by default the assessment's passphrase",
  '',
  'An encrypted export (and an encrypted --previous file) opens with --passphrase-file or the',
  `${passphraseVariable} environment variable; the file wins when both are given. The passphrase`,
  'itself is never accepted as an argument: shell history and ps would show it. assign and merge',
  'write an encrypted assessment file encrypted again, with the same passphrase.',
  '',
  'exit status: 0 done; 2 bad input, said in one line on standard error; 1 unexpected failure',
].join('\n');

const help = (): CommandOutput => ok(`${usage}\n`);

const fileOptions = { set: {}, 'passphrase-file': {} };

/** What each command accepts; anything else is refused with exit 2 before any work is done. */
export const commandShapes = {
  validate: {
    command: 'validate',
    options: {},
    positionals: [{ missing: 'validate needs a question-set folder, e.g. questions/softcell' }],
  },
  coverage: {
    command: 'coverage',
    options: {},
    positionals: [
      { missing: 'coverage needs a question-set folder (questions/softcell) or questions itself' },
    ],
  },
  score: { command: 'score', options: fileOptions, positionals: [{ missing: missingFile }] },
  report: {
    command: 'report',
    options: { out: { short: 'o' }, previous: {}, 'issue-as-is': { flag: true }, ...fileOptions },
    positionals: [{ missing: missingFile }],
  },
  ...delegationShapes,
  ...navigatorShapes,
  ...cisoAssistantShapes,
  ...groupShapes,
  help: { command: 'help', options: {}, positionals: [], ignoreExtra: true },
} satisfies Record<string, CommandShape>;

function validate(folder: string | undefined): CommandOutput {
  if (!folder) return badInput('validate needs a question-set folder, e.g. questions/softcell');
  const result = loadQuestionSetFolder(folder);
  if (!result.ok) {
    const count = result.problems.length;
    return badInput(
      `${folder} is not a valid question set: ${count} problem${count === 1 ? '' : 's'} (listed above).`,
      result.problems.map(formatSetProblem).join('\n') + '\n',
    );
  }
  const set = result.value;
  const coverage = coverageOf(set);
  const lines = [
    `${set.id} ${set.version}: ${set.questions.length} questions in ${set.domains.length} domains, valid.`,
    '',
    'questions per domain:',
    ...coverage.domains.map(
      (d) => `  ${d.id.padEnd(5)} ${String(d.questions.length).padStart(3)}  ${d.title}`,
    ),
    'questions per recommendation:',
    ...coverage.recommendations.map(
      (r) => `  ${r.id.padEnd(5)} ${String(r.questions.length).padStart(3)}  ${r.title}`,
    ),
    'questions per attack phase:',
    ...coverage.phases.map(
      (p) => `  ${p.id.padEnd(5)} ${String(p.questions.length).padStart(3)}  ${p.title}`,
    ),
    ...set.equivalences.flatMap((equivalence) => [
      `facts shared with ${equivalence.with} (checked against it):`,
      ...equivalence.pairs.map((p) => `  ${p.here} ~ ${p.there}  ${p.fact}`),
    ]),
  ];
  return ok(lines.join('\n') + '\n');
}

/** One set's coverage, or, for a folder of set folders (questions/), every set's and what they share. */
function coverage(folder: string | undefined): CommandOutput {
  if (!folder) return badInput('coverage needs a question-set folder, e.g. questions/softcell');
  if (
    !existsSync(join(folder, setFileName)) &&
    statSync(folder, { throwIfNoEntry: false })?.isDirectory()
  ) {
    const sets = loadQuestionSetLibrary(folder);
    if (!sets.ok)
      return badInput(
        `${folder} holds an invalid question set (${sets.problems[0] ?? 'unknown'}); run validate on it.`,
      );
    return ok(libraryCoverageMarkdown(sets.value));
  }
  const result = loadQuestionSetFolder(folder);
  if (!result.ok)
    return badInput(`${folder} is not a valid question set; run validate to see why.`);
  return ok(coverageMarkdown(result.value));
}

async function scoreCommand(parsed: ParsedCommand, env: Environment): Promise<CommandOutput> {
  const files = await loadFiles(parsed.positionals.slice(0, 1), parsed.options, env);
  if (!files.ok) return badInput(files.line);
  const [main] = files.loaded;
  if (!main) return badInput(missingFile);
  return ok(`${JSON.stringify(scoreReport(main.set, main.assessment), null, 2)}\n`);
}

async function reportCommand(parsed: ParsedCommand, env: Environment): Promise<CommandOutput> {
  const { out } = parsed.options;
  if (!out)
    return badInput('report needs an output file: npm run cli -- report <file> -o <out.pdf>');
  const files = await loadWithPrevious(parsed.positionals[0], parsed.options, env);
  if (!files.ok) return badInput(files.line);
  const { main, earlier } = files;
  const previous = earlier
    ? { assessment: earlier.assessment, result: score(earlier.set, earlier.assessment) }
    : undefined;
  const result = score(main.set, main.assessment);
  const input = {
    set: main.set,
    assessment: main.assessment,
    result,
    plan: plan(main.set, main.assessment, result),
    ...(previous ? { previous } : {}),
    generatedAt: new Date(),
    issueAsIs: parsed.flags.has('issue-as-is'),
    setTitles: shippedSetTitles(),
  };
  // jsPDF and docx are loaded only for a report: score, validate and coverage start without them.
  const built = out.toLowerCase().endsWith('.docx')
    ? {
        file: await (await import('../report/word/index.ts')).buildWordReport(input),
        what: 'Word report',
        warnings: [],
      }
    : await import('../report/index.ts').then(({ buildReport }) => {
        const report = buildReport({ ...input, fonts: loadReportFonts() });
        return { file: report.pdf, what: `${report.pageCount} pages`, warnings: report.warnings };
      });
  try {
    writeFileSync(out, built.file);
  } catch (error) {
    return badInput(
      `cannot write ${out}: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`,
    );
  }
  return {
    exitCode: 0,
    stdout: `${out}: ${built.what}, risk ${result.risk.toFixed(1)} (${result.band})\n`,
    stderr: built.warnings.map((w) => `warning: ${w}\n`).join(''),
  };
}

/**
 * Runs one command. Arguments are checked strictly first (node:util parseArgs): a typo or a
 * missing value exits 2 with one line and nothing written. Async because encrypted files are
 * opened with Web Crypto. `env` supplies CELLGUARD_PASSPHRASE; tests pass their own.
 */
export async function runCommand(
  args: readonly string[],
  env: Environment = process.env,
): Promise<CommandOutput> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') return help();
  if (!Object.hasOwn(commandShapes, command))
    return badInput(`unknown command "${command}"; run "npm run cli -- help" for the list.`);
  const name = command as keyof typeof commandShapes;
  const parsed = parseCommand(commandShapes[name], rest);
  if (!parsed.ok) return badInput(parsed.problems.join(' '));
  if (parsed.value.help || name === 'help') return help();
  const folder = parsed.value.positionals[0] ?? '';
  switch (name) {
    case 'validate':
      return validate(folder);
    case 'coverage':
      return coverage(folder);
    case 'score':
      return scoreCommand(parsed.value, env);
    case 'report':
      return reportCommand(parsed.value, env);
    case 'assign':
      return assignCommand(parsed.value, env);
    case 'merge':
      return mergeCommand(parsed.value, env);
    case 'ciso-assistant-library':
      return cisoAssistantCommand(parsed.value);
    case 'group':
      return groupCommand(parsed.value, env);
    case 'navigator':
      return navigatorCommand(parsed.value, env);
  }
}
