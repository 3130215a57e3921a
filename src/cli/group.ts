import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assessmentIdentity } from '../core/assessment/identity.ts';
import { groupDashboard, hasGroupRisk } from '../core/group/dashboard.ts';
import { defaultGroupName } from '../core/group/limits.ts';
import { membersOf } from '../core/group/members.ts';
import { defaultStaleAfterDays, type Group, type GroupMember } from '../core/group/model.ts';
import { groupSummaryJson } from '../core/group/summary.ts';
import { applyWeights, maxWeightsFileCharacters, parseWeightsCsv } from '../core/group/weights.ts';
import { formatProblem } from '../core/result.ts';
import { plural } from '../core/text.ts';
import { loadReportFonts } from '../node/reportFonts.ts';
import type { CommandShape, ParsedCommand } from './args.ts';
import { loadFiles } from './loadFiles.ts';
import { badInput, type CommandOutput } from './output.ts';
import type { Environment } from './passphrase.ts';

/**
 * group <files or folders…> -o <group.pdf>: the group report of several operating companies'
 * assessment files, and its summary as JSON, for a group security office that collects the files
 * by script. The same core as the group dashboard of the app (docs/file-formats.md, "Group
 * summary (JSON)").
 */

const missingFiles =
  'group needs the assessment files of the members, or a folder of them: group <files or folder> -o group.pdf';

export const groupShapes = {
  group: {
    command: 'group',
    options: {
      out: { short: 'o' },
      json: {},
      weights: {},
      name: {},
      'stale-after': {},
      set: {},
      'passphrase-file': {},
    },
    positionals: [{ missing: missingFiles }],
    // Every further file or folder is one more member's assessments.
    ignoreExtra: true,
  },
} satisfies Record<string, CommandShape>;

/** The lines of `npm run cli -- help` for this command, in the layout of the others. */
export const groupUsage = [
  '  group <files or folders> -o <group.pdf|group.docx> [--json <summary.json>]',
  '         [--weights <weights.csv>] [--name <group name>] [--stale-after <days>]',
  '         [--set <folder>] [--passphrase-file <file>]',
  "                                  write the group report of several members' assessment files",
  '                                  (a folder: every .json in it) and print its summary as JSON,',
  '                                  or write the summary to --json; one question set at a time',
];

/** Every .json file of a folder, by name; a file as it is (loading says when it is missing). */
function filesOf(
  paths: readonly string[],
): { ok: true; files: string[] } | { ok: false; line: string } {
  const files: string[] = [];
  for (const path of paths) {
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      files.push(path);
      continue;
    }
    const inFolder = readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
      .map((entry) => entry.name)
      .sort();
    if (inFolder.length === 0)
      return {
        ok: false,
        line: `${path} holds no .json file; give the folder of the members' assessment files.`,
      };
    files.push(...inFolder.map((name) => join(path, name)));
  }
  return { ok: true, files };
}

/** A few names, then how many more: a line stays one line with a hundred files. */
const someFiles = (files: readonly string[]) =>
  files.length <= 3
    ? files.map((file) => basename(file)).join(', ')
    : `${files
        .slice(0, 3)
        .map((file) => basename(file))
        .join(', ')} and ${files.length - 3} more`;

/** The members with the weights file's weights, or the one line that says what is wrong. */
function weighted(
  members: GroupMember[],
  file: string | undefined,
): { ok: true; members: GroupMember[]; warnings: string[] } | { ok: false; line: string } {
  if (file === undefined) return { ok: true, members, warnings: [] };
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return { ok: false, line: `${file}: no such file` };
  if (stat.size > 4 * maxWeightsFileCharacters)
    return {
      ok: false,
      line: `${file}: too large for a weights file; it needs one line per member.`,
    };
  const rows = parseWeightsCsv(readFileSync(file, 'utf8'));
  const applied = rows.ok ? applyWeights(members, rows.value) : rows;
  if (!applied.ok) {
    const [first, ...rest] = applied.problems;
    const more = rest.length > 0 ? ` (and ${plural(rest.length, 'more problem')})` : '';
    return { ok: false, line: `${file}: ${first ? formatProblem(first) : 'invalid'}${more}` };
  }
  return {
    ok: true,
    members: applied.value.members,
    warnings: applied.value.warnings.map((warning) => `${file}: ${warning}`),
  };
}

function staleAfterOf(value: string | undefined): number | undefined {
  if (value === undefined) return defaultStaleAfterDays;
  return /^\d{1,5}$/.test(value.trim()) && Number(value) > 0 ? Number(value) : undefined;
}

const writeFailure = (file: string, error: unknown) =>
  `cannot write ${file}: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;

/**
 * Runs `group`. Every file is opened through the import path `score` uses; files of two question
 * sets, or two files of one member's cycle, are refused rather than guessed between. `now` is the
 * as-of date and the report's date; tests pass their own.
 */
export async function groupCommand(
  parsed: ParsedCommand,
  env: Environment,
  now: Date = new Date(),
): Promise<CommandOutput> {
  const { out, json } = parsed.options;
  if (!out)
    return badInput(
      'group needs the report file to write: npm run cli -- group <files or folder> -o group.pdf',
    );
  const staleAfterDays = staleAfterOf(parsed.options['stale-after']);
  if (staleAfterDays === undefined)
    return badInput('--stale-after must be a whole number of days greater than 0, such as 180.');
  const name = (parsed.options.name ?? defaultGroupName).trim();
  if (name === '')
    return badInput('--name must not be blank; name the group, such as "Northwind Group".');

  const files = filesOf(parsed.positionals);
  if (!files.ok) return badInput(files.line);
  const opened = await loadFiles(files.files, parsed.options, env);
  if (!opened.ok) return badInput(opened.line);
  const { loaded } = opened;
  const first = loaded[0];
  if (!first) return badInput(missingFiles);

  const bySet = new Map<string, string[]>();
  loaded.forEach(({ set }, index) => {
    bySet.set(set.id, [...(bySet.get(set.id) ?? []), files.files[index] ?? '']);
  });
  if (bySet.size > 1)
    return badInput(
      `the files answer ${bySet.size} question sets: ${[...bySet].map(([id, named]) => `${id} (${plural(named.length, 'file')}: ${someFiles(named)})`).join(', ')}; a group report covers one set, so give the files of one set at a time.`,
    );
  const seen = new Map<string, string>();
  for (const [index, { assessment }] of loaded.entries()) {
    const key = assessmentIdentity(assessment);
    const file = files.files[index] ?? '';
    const earlier = seen.get(key);
    if (earlier !== undefined)
      return badInput(
        `${earlier} and ${file} are both ${assessment.organisation}${assessment.scope ? ` · ${assessment.scope}` : ''}, cycle ${assessment.cycle}; give one file per member and cycle.`,
      );
    seen.set(key, file);
  }

  const members = weighted(membersOf(loaded.map((l) => l.assessment)), parsed.options.weights);
  if (!members.ok) return badInput(members.line);
  const stamp = now.toISOString();
  const group: Group = {
    id: randomBytes(6).toString('hex'),
    name,
    setId: first.set.id,
    members: members.members,
    staleAfterDays,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const stored = loaded.map(({ assessment }, index) => ({
    id: files.files[index] ?? '',
    assessment,
  }));
  const dashboard = groupDashboard(first.set, group, stored, now);
  // Every member has at least the file it came from, so the group has a risk.
  if (!hasGroupRisk(dashboard)) return badInput(missingFiles);

  // jsPDF and docx are loaded only when they are needed, as for report.
  const built = out.toLowerCase().endsWith('.docx')
    ? {
        file: await (
          await import('../report/word/index.ts')
        ).buildGroupWordReport({ dashboard, set: first.set, generatedAt: now }),
        what: 'Word report',
        warnings: [],
      }
    : await import('../report/index.ts').then(({ buildGroupReport }) => {
        const report = buildGroupReport({
          dashboard,
          set: first.set,
          fonts: loadReportFonts(),
          generatedAt: now,
        });
        return { file: report.pdf, what: `${report.pageCount} pages`, warnings: report.warnings };
      });
  try {
    writeFileSync(out, built.file);
  } catch (error) {
    return badInput(writeFailure(out, error));
  }
  const summary = `${JSON.stringify(groupSummaryJson(dashboard), null, 2)}\n`;
  const warnings = [...members.warnings, ...built.warnings].map((w) => `warning: ${w}\n`).join('');
  // Without --json, standard output is the summary alone, for a script to read.
  if (json === undefined) return { exitCode: 0, stdout: summary, stderr: warnings };
  try {
    writeFileSync(json, summary);
  } catch (error) {
    return badInput(writeFailure(json, error));
  }
  const reportLine = `${out}: ${built.what}, ${plural(dashboard.members.length, 'member')}, group risk ${dashboard.groupRisk.toFixed(1)} (${dashboard.groupBand})`;
  return { exitCode: 0, stdout: `${reportLine}\n${json}: group summary\n`, stderr: warnings };
}
