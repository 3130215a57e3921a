import { coverageMarkdown, coverageOf } from '../core/questionSet/coverage.ts';
import { formatProblem } from '../core/questionSet/problems.ts';
import { writeFileSync } from 'node:fs';
import { plan } from '../core/planning/plan.ts';
import { score } from '../core/scoring/score.ts';
import { buildReport } from '../report/index.ts';
import { loadAssessment } from './assessmentInput.ts';
import { loadReportFonts } from './reportFonts.ts';
import { loadQuestionSetFolder } from './questionSetFolder.ts';
import { scoreReport } from './scoreReport.ts';

/** What a command produced; main.ts writes it out, tests read it directly. */
export interface CommandOutput {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

export const usage = [
  'usage: npm run cli -- <command>',
  '  validate <set folder>           check a question set and print its coverage',
  '  coverage <set folder>           print the coverage tables as Markdown',
  '  score <file> [--set <folder>]   score an assessment file and print the result and plan as JSON',
  '  report <file> -o <out.pdf> [--previous <earlier file>] [--set <folder>]',
  '                                  write the management report as a PDF',
].join('\n');

const ok = (stdout: string): CommandOutput => ({ exitCode: 0, stdout, stderr: '' });
export const badInput = (line: string, stdout = ''): CommandOutput => ({
  exitCode: 2,
  stdout,
  stderr: `${line}\n`,
});

function validate(folder: string | undefined): CommandOutput {
  if (!folder) return badInput('validate needs a question-set folder, e.g. questions/softcell');
  const result = loadQuestionSetFolder(folder);
  if (!result.ok) {
    const count = result.problems.length;
    return badInput(
      `${folder} is not a valid question set: ${count} problem${count === 1 ? '' : 's'} (listed above).`,
      result.problems.map(formatProblem).join('\n') + '\n',
    );
  }
  const { set } = result;
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
  ];
  return ok(lines.join('\n') + '\n');
}

function coverage(folder: string | undefined): CommandOutput {
  if (!folder) return badInput('coverage needs a question-set folder, e.g. questions/softcell');
  const result = loadQuestionSetFolder(folder);
  if (!result.ok)
    return badInput(`${folder} is not a valid question set; run validate to see why.`);
  return ok(coverageMarkdown(result.set));
}

function scoreCommand(args: readonly string[]): CommandOutput {
  const { positional, options } = splitArgs(args);
  const loaded = loadAssessment(positional[0], options.get('--set'));
  if (!loaded.ok) return badInput(loaded.line);
  return ok(`${JSON.stringify(scoreReport(loaded.set, loaded.assessment), null, 2)}\n`);
}

function reportCommand(args: readonly string[]): CommandOutput {
  const { positional, options } = splitArgs(args);
  const out = options.get('-o') ?? options.get('--out');
  if (!out)
    return badInput('report needs an output file: npm run cli -- report <file> -o <out.pdf>');
  const loaded = loadAssessment(positional[0], options.get('--set'));
  if (!loaded.ok) return badInput(loaded.line);
  let previous;
  const previousFile = options.get('--previous');
  if (previousFile) {
    const earlier = loadAssessment(previousFile, options.get('--set'));
    if (!earlier.ok) return badInput(earlier.line);
    previous = { assessment: earlier.assessment, result: score(earlier.set, earlier.assessment) };
  }
  const result = score(loaded.set, loaded.assessment);
  const report = buildReport({
    set: loaded.set,
    assessment: loaded.assessment,
    result,
    plan: plan(loaded.set, loaded.assessment, result),
    ...(previous ? { previous } : {}),
    fonts: loadReportFonts(),
    generatedAt: new Date(),
  });
  try {
    writeFileSync(out, report.pdf);
  } catch (error) {
    return badInput(
      `cannot write ${out}: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`,
    );
  }
  return {
    exitCode: 0,
    stdout: `${out}: ${report.pageCount} pages, risk ${result.risk.toFixed(1)} (${result.band})\n`,
    stderr: report.warnings.map((w) => `warning: ${w}\n`).join(''),
  };
}

/** Separates `--name value` options from positional arguments. */
export function splitArgs(args: readonly string[]) {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg.startsWith('-') && i + 1 < args.length) {
      options.set(arg, args[i + 1] ?? '');
      i += 1;
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

export function runCommand(args: readonly string[]): CommandOutput {
  const [command, ...rest] = args;
  switch (command) {
    case 'score':
      return scoreCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'validate':
      return validate(rest[0]);
    case 'coverage':
      return coverage(rest[0]);
    case undefined:
    case 'help':
    case '--help':
      return ok(`${usage}\n`);
    default:
      return badInput(`unknown command "${command}"; run "npm run cli -- help" for the list.`);
  }
}
