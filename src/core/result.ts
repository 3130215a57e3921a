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
