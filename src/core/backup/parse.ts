import { inspectJson } from '../assessment/inspectJson.ts';
import { assessmentFormat, currentFormatVersion } from '../assessment/formatVersion.ts';
import { parseAssessmentValue, type SetChoice } from '../assessment/parseFile.ts';
import {
  damagedEncryptedFile,
  decryptFile,
  isEncryptedFile,
  isWellFormedEncryptedFile,
} from '../crypto/passphrase.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { describeProblem, fail, succeed, type Problem, type Result } from '../result.ts';
import { describeIssue, formatPath } from '../shared/zodIssues.ts';
import { assessmentTitle } from '../text.ts';
import {
  backupFileSchema,
  backupFormat,
  backupFormatVersion,
  backupLimits,
  type BackupEntry,
  type BackupFile,
  type BackupPosition,
  type ParsedBackup,
} from './format.ts';
import { backupDigest } from './serialize.ts';

/** More problems than this are summed up in one line: a page of them helps nobody. */
export const maxListedProblems = 20;

/** The problem with a file of this many bytes, checked before the file is read. */
export function backupSizeProblem(bytes: number): Problem | undefined {
  if (bytes <= backupLimits.maxBytes) return undefined;
  return {
    path: '',
    message: `The file is ${(bytes / 1e6).toFixed(1)} MB; a Cellguard backup is never larger than ${backupLimits.maxBytes / 1e6} MB.`,
  };
}

/** A backup's text as JSON; a byte-order mark is ignored. Never throws. */
function parseBackupJson(text: string): Result<unknown> {
  const tooLarge = backupSizeProblem(text.length);
  if (tooLarge) return fail(tooLarge);
  if (text.trim() === '') return fail({ path: '', message: 'The file is empty.' });
  try {
    return succeed(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    return fail({
      path: '',
      message:
        'The file is not a Cellguard backup: it is not JSON text, or it was cut off before its end.',
    });
  }
}

/**
 * The one path a backup takes: its size, JSON, decryption when it is encrypted, the backup's own
 * rules and digest, then every entry through the checks of a single imported file. All or
 * nothing: one bad entry refuses the whole backup (see docs/file-formats.md for why). An encrypted
 * backup without a passphrase fails with the code 'needs-passphrase'. Never throws; changes
 * nothing itself.
 *
 * Every problem's message says where it is in the user's terms (an entry by its organisation,
 * scope and cycle), so that it reads alone; its path is the JSON path, for tools.
 */
export async function importBackupFile(
  text: string,
  sets: SetChoice,
  passphrase?: string,
): Promise<Result<ParsedBackup>> {
  const outer = parseBackupJson(text);
  if (!outer.ok) return outer;
  let value = outer.value;
  if (isEncryptedFile(value)) {
    if (!isWellFormedEncryptedFile(value, backupLimits.maxBytes)) return fail(damagedEncryptedFile);
    if (!passphrase)
      return fail({
        path: '',
        code: 'needs-passphrase',
        message: 'This backup is encrypted; give its passphrase to open it.',
      });
    const opened = await decryptFile(value, passphrase, backupLimits.maxBytes);
    if (!opened.ok) return opened;
    const inner = parseBackupJson(opened.value);
    if (!inner.ok) return inner;
    value = inner.value;
  }
  return parseBackupValue(value, sets);
}

/** Checks already-parsed JSON as a backup, and every entry as an assessment file. Never throws. */
export function parseBackupValue(value: unknown, sets: SetChoice): Result<ParsedBackup> {
  const library: readonly QuestionSet[] = Array.isArray(sets) ? sets : [sets as QuestionSet];
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail({
      path: '',
      message: 'The file does not contain a Cellguard backup (expected a JSON object).',
    });
  const record = value as Record<string, unknown>;
  if (record.format === assessmentFormat)
    return fail({
      path: 'format',
      message:
        'This is the file of a single assessment, not a backup: open it with "Import a file" instead.',
    });
  if (record.format !== backupFormat)
    return fail({
      path: 'format',
      message: `This is not a Cellguard backup file (expected format "${backupFormat}").`,
    });
  if (record.formatVersion !== backupFormatVersion) {
    const version = record.formatVersion;
    return fail({
      path: 'formatVersion',
      message:
        typeof version === 'number' && version > backupFormatVersion
          ? `The backup was made by a newer Cellguard (backup format ${version}); this version reads format ${backupFormatVersion}. Update Cellguard on this device, then restore.`
          : `The backup's format version ${JSON.stringify(version)} is not one this version of Cellguard knows.`,
    });
  }
  const parsed = backupFileSchema.safeParse(value);
  if (!parsed.success)
    return fail(
      ...capped(
        parsed.error.issues.map((issue) => {
          const path = formatPath(issue.path);
          return {
            path,
            message: `${path ? `The backup's ${path}` : 'The backup'}: ${describeIssue(issue)}`,
          };
        }),
      ),
    );
  const backup = parsed.data;
  // Before the digest, whose canonical JSON recurses: no entry may be nested deeper, or be
  // larger, than an assessment file can be.
  const hostile = capped(
    backup.assessments.flatMap(({ assessment }, index) => {
      const problem = inspectJson(assessment);
      return problem ? [entryProblem(assessment, index, problem)] : [];
    }),
  );
  if (hostile.length > 0) return fail(...hostile);
  if (backup.integrity.digest !== backupDigest(record))
    return fail({
      path: 'integrity.digest',
      message:
        'The backup does not match its SHA-256 digest: it was changed or damaged after it was made. Make a new backup on the device it came from.',
    });
  const newer = newerThanThisCellguard(backup.app, library);
  if (newer) return fail(newer);

  const entries: BackupEntry[] = [];
  const problems: Problem[] = [];
  backup.assessments.forEach(({ assessment, position }, index) => {
    const read = parseAssessmentValue(assessment, library);
    const set = read.ok && library.find((s) => s.id === read.value.assessment.questionSet.id);
    if (!read.ok || !set) {
      if (!read.ok)
        problems.push(...read.problems.map((problem) => entryProblem(assessment, index, problem)));
      return;
    }
    entries.push({
      assessment: read.value.assessment,
      position: positionIn(set, position),
      migrated: read.value.migrated,
    });
  });
  if (problems.length > 0) return fail(...capped(problems));
  return succeed({ createdAt: backup.createdAt, settings: backup.settings, entries });
}

/**
 * One problem for a backup whose assessments answer a newer version of this set, or a newer file
 * format, instead of the same problem for each of its entries.
 */
function newerThanThisCellguard(
  app: BackupFile['app'],
  sets: readonly QuestionSet[],
): Problem | undefined {
  const major = (version: string) => Number(version.split('.')[0]);
  const here = (id: string) => sets.find((set) => set.id === id);
  const newerSet = app.questionSets.find(
    (written) => major(written.version) > major(here(written.id)?.version ?? written.version),
  );
  if (!newerSet && app.assessmentFormatVersion <= currentFormatVersion) return undefined;
  return {
    path: 'app',
    message: newerSet
      ? `The backup was made by a newer Cellguard: its assessments answer ${newerSet.id} ${newerSet.version}, and this one has ${here(newerSet.id)?.version ?? 'no such set'}. Update Cellguard on this device, then restore.`
      : `The backup was made by a newer Cellguard (assessment format ${app.assessmentFormatVersion}; this one reads up to ${currentFormatVersion}). Update Cellguard on this device, then restore.`,
  };
}

/**
 * Where a restored assessment resumes: its saved step, unless the set no longer has that domain
 * (an entry from an older version of the questions); then the first step.
 */
function positionIn(set: QuestionSet, position: BackupPosition): BackupPosition {
  if (position.view !== 'step' || set.domains.some((d) => d.id === position.domainId))
    return position;
  return { view: 'step', domainId: set.domains[0]?.id ?? position.domainId };
}

/**
 * A problem of one entry, named as the user knows it: organisation · scope · cycle. Its code is
 * left behind: an entry's 'needs-passphrase' (an encrypted file put inside a backup) must not make
 * the page ask for the backup's passphrase.
 */
function entryProblem(
  assessment: Record<string, unknown>,
  index: number,
  problem: Problem,
): Problem {
  const where = problem.path === '' || problem.path === 'the file' ? '' : problem.path;
  const name = entryName(assessment, index);
  return {
    path: `assessments[${index}]${where ? `.${where}` : ''}`,
    message: `${name}${where ? ` (${where})` : ''}: ${problem.message}`,
    // The page names the question and the answer as the user sees them, never a field path.
    pageMessage: `${name}: ${describeProblem(problem)}`,
  };
}

/** How an entry is named in a problem: its title when it has one, else its place in the file. */
function entryName(assessment: Record<string, unknown>, index: number): string {
  const { organisation, scope, cycle } = assessment;
  if (typeof organisation !== 'string' || typeof cycle !== 'string' || organisation.trim() === '')
    return `Assessment ${index + 1} of the backup`;
  const title = assessmentTitle({
    organisation,
    scope: typeof scope === 'string' ? scope : '',
    cycle,
  });
  const shown = 120;
  return title.length > shown ? `${title.slice(0, shown)}…` : title;
}

/** The first problems, and one line saying how many more there are. */
function capped(problems: Problem[]): Problem[] {
  if (problems.length <= maxListedProblems) return problems;
  const more = problems.length - maxListedProblems;
  return [
    ...problems.slice(0, maxListedProblems),
    { path: '', message: `…and ${more} more problem${more === 1 ? '' : 's'}.` },
  ];
}
