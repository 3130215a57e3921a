/**
 * The one shape every fallible step returns (parsing, opening, migrating, storing): a value, or
 * every problem found, each located so that the user can fix it without searching. Nothing in
 * these steps throws, and no caller matches message text: what a caller must tell apart has a code.
 */
export type Result<T, P = Problem> = { ok: true; value: T } | { ok: false; problems: P[] };

export interface Problem {
  /** Where, as a path such as `answers.EXP-02.choice`; empty for the whole input. */
  path: string;
  /** Plain words for the user: what is wrong and what to do. */
  message: string;
  /**
   * The message as the pages say it, where `message` names the ids written in the file (option
   * `all`, question set `softcell`), which are what the command line and an editor of the file
   * need: the page names questions by their title and answers by the labels it shows.
   */
  pageMessage?: string;
  /** Set on the problems a caller reacts to, so that it never depends on the wording. */
  code?: ProblemCode;
}

export type ProblemCode =
  /** The file is encrypted and no passphrase was given. */
  | 'needs-passphrase'
  /** The passphrase does not open the file, or the file was changed after encryption. */
  | 'wrong-passphrase'
  /** This browser or runtime cannot decrypt (no Web Crypto outside https or localhost). */
  | 'crypto-unavailable';

export const succeed = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <P = Problem>(...problems: P[]): { ok: false; problems: P[] } => ({
  ok: false,
  problems,
});

/** "answers.EXP-02.choice: must be …", or the message alone for the whole input. */
export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** The user's name for each field of an assessment file, by its path without the answers. */
const fieldWords: Readonly<Record<string, string>> = {
  format: 'file format',
  formatVersion: 'format version',
  questionSet: 'question set',
  'questionSet.id': 'question set',
  'questionSet.version': 'question set version',
  organisation: 'organisation',
  scope: 'scope',
  cycle: 'cycle',
  assessor: 'assessor',
  carriedFrom: 'previous cycle',
  createdAt: 'date created',
  updatedAt: 'date last changed',
  answers: 'answers',
  integrity: 'digest',
  'integrity.digest': 'digest',
  'integrity.exportedAt': 'export date',
  passphrase: 'passphrase',
};

/** The user's name for each field of one answer. */
const answerFieldWords: Readonly<Record<string, string>> = {
  choice: 'answer',
  note: 'note',
  naReason: 'reason it does not apply',
  evidence: 'evidence',
  evidenceDate: 'evidence date',
  owner: 'owner',
  due: 'due date',
  carriedOver: 'carried-over mark',
  compensatingControl: 'compensating control',
  riskAcceptedBy: 'risk accepted by',
};

/**
 * Where a problem is, as the user names it: `answers.EXP-01.due` is "question EXP-01, due date",
 * `organisation` is "organisation". A path that names nothing the user fills in (deep inside a
 * hostile file, or in an encrypted file's wrapper) is named by its nearest known part.
 */
export function describePlace(path: string): string {
  // Each segment's name; undefined for an array index such as [3].
  const names = [...path.matchAll(/\[\d+\]|([^.[\]]+)/g)].map((match) => match[1]);
  const [first, questionId, field] = names;
  if (first === 'answers' && questionId !== undefined) {
    return field === undefined
      ? `question ${questionId}`
      : `question ${questionId}, ${answerFieldWords[field] ?? field}`;
  }
  let place = 'the file';
  let prefix = '';
  for (const name of names) {
    if (name === undefined) break;
    prefix = prefix ? `${prefix}.${name}` : name;
    const words = fieldWords[prefix];
    if (words === undefined) break;
    place = words;
  }
  return place;
}

/**
 * A problem in the user's words, for the page: its page message if it has one; a message written
 * as a whole sentence names its subject and stands alone; a fragment such as "must be a real date"
 * gets its place in front. The command line keeps `formatProblem`, whose paths and ids a script
 * or an editor can follow.
 */
export function describeProblem(problem: Problem): string {
  if (problem.pageMessage !== undefined) return problem.pageMessage;
  if (/^\p{Lu}/u.test(problem.message)) return problem.message;
  const line = `${describePlace(problem.path)}: ${problem.message}`;
  return line.charAt(0).toUpperCase() + line.slice(1);
}
