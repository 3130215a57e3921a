import { inspectJson } from '../assessment/inspectJson.ts';
import { assessmentFormat, currentFormatVersion } from '../assessment/formatVersion.ts';
import { parseAssessmentValue, type SetChoice } from '../assessment/parseFile.ts';
import {
  damagedEncryptedFile,
  decryptFile,
  isEncryptedFile,
  isWellFormedEncryptedFile,
} from '../crypto/passphrase.ts';
import {
  parseQuestionnaireValue,
  type QuestionnaireQuestion,
} from '../delegation/questionnaire.ts';
import { responseAnswerSchema, type ResponseAnswer } from '../delegation/schema.ts';
import type { Group } from '../group/model.ts';
import { groupSchema } from '../group/schema.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { describeProblem, fail, succeed, type Problem, type Result } from '../result.ts';
import { describeIssue, formatPath } from '../shared/zodIssues.ts';
import { assessmentTitle } from '../text.ts';
import {
  backupFileSchema,
  backupFileV1Schema,
  backupFileV2Schema,
  backupFormat,
  backupFormatVersion,
  backupLimits,
  questionnaireEntrySchema,
  readableBackupFormatVersions,
  type BackupEntry,
  type BackupFile,
  type BackupPosition,
  type BackupQuestionnaire,
  type ParsedBackup,
} from './format.ts';
import { questionnaireTitle } from './restore.ts';
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
 * rules and digest, then every entry through the checks of a single imported file, every
 * questionnaire through those of a questionnaire file, each answer through those of a response,
 * and every group through the group's schema.
 * All or nothing: one bad entry refuses the whole backup (see docs/file-formats.md for why). An encrypted
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

/**
 * Checks already-parsed JSON as a backup, every entry as an assessment file, every questionnaire
 * as a questionnaire file with its answers and every group by the group's schema. Never throws.
 */
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
  const version = record.formatVersion;
  if (typeof version !== 'number' || !readableBackupFormatVersions.includes(version)) {
    const shown = JSON.stringify(version) ?? '';
    return fail({
      path: 'formatVersion',
      message:
        typeof version === 'number' && version > backupFormatVersion
          ? `The backup was made by a newer Cellguard (backup format ${version}); this version reads formats up to ${backupFormatVersion}. Update Cellguard on this device, then restore.`
          : version === undefined
            ? 'The backup does not say which format version it is, as every backup Cellguard writes does.'
            : `The backup's format version ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown} is not one this version of Cellguard knows.`,
    });
  }
  // Version 1 has no questionnaires, version 2 no groups: their strict shapes refuse them.
  const parsed = (
    version === 1 ? backupFileV1Schema : version === 2 ? backupFileV2Schema : backupFileSchema
  ).safeParse(value);
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
  const backup: BackupFile = parsed.data;
  const questionnaires = 'questionnaires' in backup ? backup.questionnaires : [];
  const groups = 'groups' in backup ? backup.groups : [];
  // Before the digest, whose canonical JSON recurses: no entry may be nested deeper, or be
  // larger, than an assessment file can be.
  const hostile = capped([
    ...backup.assessments.flatMap(({ assessment }, index) => {
      const problem = inspectJson(assessment);
      return problem ? [entryProblem(assessment, index, problem)] : [];
    }),
    ...questionnaires.flatMap((entry, index) => {
      const problem = inspectJson(entry);
      if (!problem) return [];
      const where = problem.path === 'the file' ? '' : problem.path;
      const message = problem.message.replace('an assessment file', 'a questionnaire');
      return [questionnaireProblem(entry, index, where, message)];
    }),
    ...groups.flatMap((entry, index) => {
      const problem = inspectJson(entry);
      if (!problem) return [];
      const where = problem.path === 'the file' ? '' : problem.path;
      return [
        groupProblem(entry, index, where, problem.message.replace('an assessment file', 'a group')),
      ];
    }),
  ]);
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
  const read = readQuestionnaires(questionnaires);
  problems.push(...(read.ok ? [] : read.problems));
  const readGroups = groupsOf(groups);
  problems.push(...(readGroups.ok ? [] : readGroups.problems));
  if (problems.length > 0 || !read.ok || !readGroups.ok) return fail(...capped(problems));
  return succeed({
    createdAt: backup.createdAt,
    settings: backup.settings,
    entries,
    questionnaires: read.value,
    groups: readGroups.value,
  });
}

/** Every group of a backup, each checked by the group's schema; none twice. */
function groupsOf(entries: readonly Record<string, unknown>[]): Result<Group[]> {
  const read: Group[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const checked = groupSchema.safeParse(entry);
    if (!checked.success) {
      problems.push(
        ...checked.error.issues.map((issue) =>
          groupProblem(entry, index, formatPath(issue.path), describeIssue(issue)),
        ),
      );
      return;
    }
    const first = seen.get(checked.data.id);
    if (first !== undefined) {
      problems.push(
        groupProblem(
          entry,
          index,
          'id',
          `The backup holds this group twice (also as group ${first + 1}); Cellguard never writes such a backup.`,
        ),
      );
      return;
    }
    seen.set(checked.data.id, index);
    read.push(checked.data);
  });
  return problems.length > 0 ? fail(...problems) : succeed(read);
}

/**
 * The user's words for the fields of a group. A map, not an object: a hostile field named
 * "__proto__" must find no words.
 */
const groupFieldWords = new Map([
  ['id', 'its id'],
  ['name', 'the name'],
  ['setId', 'the question set'],
  ['members', 'the members'],
  ['staleAfterDays', 'the age after which a member is stale'],
  ['createdAt', 'the date it was created'],
  ['updatedAt', 'the date it was last changed'],
]);

/** "Member 3, its weight": where in a group a problem is, as the user knows it. */
function groupPlace(where: string): string | undefined {
  const member = /^members\[(\d+)\](?:\.(.+))?$/.exec(where);
  if (member) return `Member ${Number(member[1]) + 1}${member[2] ? `, its ${member[2]}` : ''}`;
  const words = groupFieldWords.get(where);
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : where || undefined;
}

/** A problem of one group, named as the user knows it: by its name, else its place. */
function groupProblem(
  entry: Record<string, unknown>,
  index: number,
  where: string,
  message: string,
): Problem {
  const { name } = entry;
  const shown = 120;
  const named =
    typeof name === 'string' && name.trim() !== ''
      ? `Group "${name.length > shown ? `${name.slice(0, shown)}…` : name}"`
      : `Group ${index + 1} of the backup`;
  const place = groupPlace(where);
  return {
    path: `groups[${index}]${where ? `.${where}` : ''}`,
    message: `${named}${where ? ` (${where})` : ''}: ${message}`,
    pageMessage: `${named}: ${/^\p{Lu}/u.test(message) || !place ? message : `${place}: ${message}`}`,
  };
}

/** Every questionnaire of a backup, each read as an imported questionnaire; none twice. */
function readQuestionnaires(
  entries: readonly Record<string, unknown>[],
): Result<BackupQuestionnaire[]> {
  const read: BackupQuestionnaire[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const one = readQuestionnaire(entry, index);
    if (!one.ok) {
      problems.push(...one.problems);
      return;
    }
    const id = one.value.questionnaire.questionnaireId;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(
        questionnaireProblem(
          entry,
          index,
          'questionnaire.questionnaireId',
          `The backup holds this questionnaire twice (also as questionnaire ${first + 1}); Cellguard never writes such a backup.`,
        ),
      );
      return;
    }
    seen.set(id, index);
    read.push(one.value);
  });
  return problems.length > 0 ? fail(...problems) : succeed(read);
}

/** The choices a question takes: its options, "Don't know", and "Not applicable" for a control. */
const offeredChoices = (question: QuestionnaireQuestion): string[] => [
  ...question.options.map((option) => option.id),
  'unknown',
  ...(question.kind === 'control' ? ['na'] : []),
];

/**
 * One questionnaire of a backup: its shape, the questionnaire through every check of an imported
 * questionnaire file (its own digest included), and each answer through those of a response,
 * answering a question the questionnaire asks with a choice it offers.
 */
function readQuestionnaire(
  entry: Record<string, unknown>,
  index: number,
): Result<BackupQuestionnaire> {
  const problem = (where: string, message: string) =>
    questionnaireProblem(entry, index, where, message);
  const shape = questionnaireEntrySchema.safeParse(entry);
  if (!shape.success)
    return fail(
      ...shape.error.issues.map((issue) => problem(formatPath(issue.path), describeIssue(issue))),
    );
  const { openedAt, updatedAt, respondedAt } = shape.data;
  const file = parseQuestionnaireValue(shape.data.questionnaire);
  if (!file.ok)
    return fail(
      ...file.problems.map((found) =>
        problem(
          found.path === '' ? 'questionnaire' : `questionnaire.${found.path}`,
          found.message.replace(/^The file\b/, 'The questionnaire'),
        ),
      ),
    );
  const { questionnaire } = file.value;
  const questions = new Map(questionnaire.questions.map((question) => [question.id, question]));
  const answers: Record<string, ResponseAnswer> = {};
  const problems: Problem[] = [];
  for (const [questionId, value] of Object.entries(shape.data.answers)) {
    const where = `answers.${questionId}`;
    const question = questions.get(questionId);
    if (!question) {
      problems.push(problem(where, 'answers a question the questionnaire does not ask'));
      continue;
    }
    const answer = responseAnswerSchema.safeParse(value);
    if (!answer.success) {
      problems.push(
        ...answer.error.issues.map((issue) =>
          problem(
            issue.path.length > 0 ? `${where}.${formatPath(issue.path)}` : where,
            describeIssue(issue),
          ),
        ),
      );
      continue;
    }
    const { choice } = answer.data;
    const offered = offeredChoices(question);
    if (choice !== undefined && !offered.includes(choice)) {
      problems.push(
        problem(
          `${where}.choice`,
          `"${choice.length > 40 ? `${choice.slice(0, 40)}…` : choice}" is not an answer to ${questionId}; it accepts ${offered.map((id) => `"${id}"`).join(', ')}`,
        ),
      );
      continue;
    }
    answers[questionId] = answer.data;
  }
  if (problems.length > 0) return fail(...problems);
  return succeed({
    questionnaire,
    answers,
    openedAt,
    updatedAt,
    ...(respondedAt ? { respondedAt } : {}),
  });
}

/**
 * The user's words for the fields of a backup's questionnaire outside the questionnaire file. A
 * map, not an object: a hostile field named "__proto__" must find no words.
 */
const questionnaireFieldWords = new Map([
  ['questionnaire', 'the questionnaire'],
  ['answers', 'the answers'],
  ['openedAt', 'the date it was opened'],
  ['updatedAt', 'the date it was last answered'],
  ['respondedAt', 'the date of the last response file'],
]);

/**
 * A problem of one questionnaire, named as the user knows it: from whom, for which organisation,
 * scope and cycle. As for an assessment, its code is left behind.
 */
function questionnaireProblem(
  entry: Record<string, unknown>,
  index: number,
  where: string,
  message: string,
): Problem {
  const name = questionnaireName(entry, index);
  const inAnswers = /^answers\.[^.]+/.test(where);
  const place = inAnswers
    ? undefined
    : (questionnaireFieldWords.get(where) ??
      (where.startsWith('questionnaire.')
        ? `the questionnaire (${where.slice('questionnaire.'.length)})`
        : where || undefined));
  const page = /^\p{Lu}/u.test(message)
    ? message
    : inAnswers
      ? describeProblem({ path: where, message })
      : `${place ? `${place.charAt(0).toUpperCase()}${place.slice(1)}` : 'It'}: ${message}`;
  return {
    path: `questionnaires[${index}]${where ? `.${where}` : ''}`,
    message: `${name}${where ? ` (${where})` : ''}: ${message}`,
    pageMessage: `${name}: ${page}`,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * How a questionnaire is named in a problem: from whom, for which assessment, when the file says
 * so; else its place in the backup.
 */
function questionnaireName(entry: Record<string, unknown>, index: number): string {
  const questionnaire = entry.questionnaire;
  const from = isObject(questionnaire) ? questionnaire.from : undefined;
  const assessment = isObject(questionnaire) ? questionnaire.assessment : undefined;
  if (
    !isObject(questionnaire) ||
    !isObject(from) ||
    !isObject(assessment) ||
    typeof from.name !== 'string' ||
    from.name.trim() === '' ||
    typeof assessment.organisation !== 'string' ||
    typeof assessment.cycle !== 'string' ||
    assessment.organisation.trim() === ''
  )
    return `Questionnaire ${index + 1} of the backup`;
  const title = questionnaireTitle({
    from: { name: from.name },
    assessment: {
      organisation: assessment.organisation,
      scope: typeof assessment.scope === 'string' ? assessment.scope : '',
      cycle: assessment.cycle,
    },
    round: typeof questionnaire.round === 'number' ? questionnaire.round : 1,
  });
  const shown = 160;
  return title.length > shown ? `${title.slice(0, shown)}…` : title;
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
