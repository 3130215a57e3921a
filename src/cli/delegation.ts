import { randomHexId } from '../core/randomId.ts';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Assessment } from '../core/assessment/model.ts';
import { parseAssessmentValue } from '../core/assessment/parseFile.ts';
import { exportAssessmentFile } from '../core/assessment/transfer.ts';
import { minimumPassphraseLength, sealText } from '../core/crypto/passphrase.ts';
import {
  assigneeById,
  withAssigneeChanged,
  withNewAssignee,
  type AssigneeDraft,
} from '../core/delegation/assignments.ts';
import { importResponseFile } from '../core/delegation/files.ts';
import {
  applyMerge,
  pendingMerge,
  receiveResponse,
  type MergeDecision,
  type MergeItem,
} from '../core/delegation/merge.ts';
import { questionnaireMaxBytes, serializeQuestionnaire } from '../core/delegation/questionnaire.ts';
import type { Assignee } from '../core/delegation/schema.ts';
import { prepareQuestionnaire } from '../core/delegation/send.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { formatProblem, type Problem } from '../core/result.ts';
import { readPassphraseFile } from '../node/assessmentFile.ts';
import type { CommandShape, ParsedCommand } from './args.ts';
import { loadAssessment } from './assessmentInput.ts';
import { badInput, ok, type CommandOutput } from './output.ts';
import {
  passphraseFrom,
  passphraseVariable,
  type Environment,
  type Passphrase,
} from './passphrase.ts';
import { writeFilesTogether } from './writeFiles.ts';

/**
 * The command line's side of delegation (docs/file-formats.md, "Delegation"): `assign` writes a
 * person's questionnaire and records it in the assessment file; `merge` takes their response
 * file back in. Both go through the same core functions as the browser's pages.
 */

const missingFile = 'name an assessment file, e.g. tests/fixtures/assessments/middle-profile.json';

export const delegationShapes = {
  assign: {
    command: 'assign',
    options: {
      to: {},
      role: {},
      email: {},
      note: {},
      domains: {},
      questions: {},
      out: { short: 'o' },
      'assessment-out': {},
      'questionnaire-passphrase-file': {},
      set: {},
      'passphrase-file': {},
    },
    positionals: [{ missing: missingFile }],
  },
  merge: {
    command: 'merge',
    options: {
      decide: {},
      'decide-question': { repeatable: true },
      out: { short: 'o' },
      'response-passphrase-file': {},
      set: {},
      'passphrase-file': {},
    },
    positionals: [
      { missing: missingFile },
      {
        missing: 'merge needs the response file after the assessment file: merge <file> <response>',
      },
    ],
  },
} satisfies Record<string, CommandShape>;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

const sameFile = (a: string, b: string) => resolve(a) === resolve(b);

/** The first problem as one line, with how many more there are. */
function problemLine(problems: readonly Problem[], prefix = ''): string {
  const [first, ...rest] = problems;
  const more = rest.length > 0 ? ` (and ${plural(rest.length, 'more problem')})` : '';
  return `${prefix}${first ? formatProblem(first) : 'invalid'}${more}`;
}

/** The core's message alone: its path names a field of the browser's form, not an option. */
const withoutPath = (problem: Problem): Problem => ({ ...problem, path: '' });

/** The passphrase a file of ours is encrypted with: read from a file only, never the environment. */
function ownPassphrase(
  option: string,
  file: string | undefined,
): { ok: true; value: Passphrase | undefined } | { ok: false; line: string } {
  if (file === undefined) return { ok: true, value: undefined };
  const read = readPassphraseFile(file);
  if (!read.ok) return { ok: false, line: problemLine(read.problems) };
  return { ok: true, value: { value: read.value, source: `--${option} ${file}` } };
}

/**
 * "EXP, SEG" or "exp,seg" as the set's own ids, in the order given; letter case is ignored.
 * The first id the set does not have is the failure.
 */
function idsOf(
  text: string,
  known: readonly string[],
): { ok: true; ids: string[] } | { ok: false; unknown: string } {
  const byUpper = new Map(known.map((id) => [id.toUpperCase(), id]));
  const ids: string[] = [];
  for (const part of text.split(',')) {
    const given = part.trim();
    if (!given) continue;
    const id = byUpper.get(given.toUpperCase());
    if (!id) return { ok: false, unknown: given };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
}

const setName = (set: QuestionSet) => `${set.id} ${set.version}`;

/** What the assessment file's own checks say of a person's details, named by their option. */
const optionOfField: Readonly<Record<string, string>> = {
  name: '--to',
  role: '--role',
  email: '--email',
  note: '--note',
};

function detailsLine(problems: readonly Problem[]): string {
  const first = problems[0];
  const field = /^delegation\.assignees\[\d+\]\.(\w+)$/.exec(first?.path ?? '')?.[1];
  const option = field ? optionOfField[field] : undefined;
  if (first && option) return `${option}: ${first.message}`;
  return problemLine(problems, 'the assessment would not be valid: ');
}

/** The role, email and note given, or else the person's own. */
function draftDetails(
  options: ParsedCommand['options'],
  known: Pick<Assignee, 'role' | 'email' | 'note'>,
): Pick<AssigneeDraft, 'role' | 'email' | 'note'> {
  const role = options.role ?? known.role;
  const email = options.email ?? known.email;
  const note = options.note ?? known.note;
  return {
    ...(role !== undefined ? { role } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

/** "Ana Ruiz (network operations)". */
const personOf = (assignee: Pick<Assignee, 'name' | 'role'>) =>
  assignee.role ? `${assignee.name} (${assignee.role})` : assignee.name;

/** The assessment file's text, encrypted again when the file it was read from was encrypted. */
async function assessmentText(
  assessment: Assessment,
  now: Date,
  passphrase: Passphrase | undefined,
): Promise<{ ok: true; text: string } | { ok: false; line: string }> {
  const text = await exportAssessmentFile(assessment, now, passphrase?.value);
  return text.ok ? { ok: true, text: text.value } : { ok: false, line: problemLine(text.problems) };
}

/** The domains and single questions given, as the set's ids; undefined where not given. */
function chosenQuestions(
  options: ParsedCommand['options'],
  set: QuestionSet,
):
  | { ok: true; domains: string[] | undefined; questions: string[] | undefined }
  | { ok: false; line: string } {
  const domainIds = set.domains.map((d) => d.id);
  const domains = options.domains === undefined ? undefined : idsOf(options.domains, domainIds);
  if (domains && !domains.ok)
    return {
      ok: false,
      line: `--domains: "${domains.unknown}" is not a domain of ${setName(set)}; its domains are ${domainIds.join(', ')}.`,
    };
  const questions =
    options.questions === undefined
      ? undefined
      : idsOf(
          options.questions,
          set.questions.map((q) => q.id),
        );
  if (questions && !questions.ok)
    return {
      ok: false,
      line: `--questions: "${questions.unknown}" is not a question of ${setName(set)}; run "npm run cli -- validate questions/${set.id}" for the list.`,
    };
  return { ok: true, domains: domains?.ids, questions: questions?.ids };
}

/**
 * The assessment with the person in its delegation: an assignee of that name (letter case and
 * surrounding spaces ignored) with what was given changed, or a new one, who needs questions.
 */
function withPersonFor(
  assessment: Assessment,
  set: QuestionSet,
  name: string,
  options: ParsedCommand['options'],
  chosen: { domains: string[] | undefined; questions: string[] | undefined },
):
  | { ok: true; assessment: Assessment; assigneeId: string; added: boolean }
  | { ok: false; line: string } {
  const { domains, questions } = chosen;
  const known = assessment.delegation?.assignees.find(
    (a) => a.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase(),
  );
  if (known) {
    const changes = [options.role, options.email, options.note, domains, questions];
    const changed = changes.some((change) => change !== undefined)
      ? withAssigneeChanged(assessment, set, known.id, {
          ...draftDetails(options, known),
          name: known.name,
          domains: domains ?? known.domains,
          questions: questions ?? known.questions,
        })
      : assessment;
    return { ok: true, assessment: changed, assigneeId: known.id, added: false };
  }
  if ((domains ?? []).length === 0 && (questions ?? []).length === 0)
    return {
      ok: false,
      line: `assign needs the questions for ${name}, who has none in this assessment yet: --domains EXP,SEG and/or --questions EXP-01,PRV-03`,
    };
  const assigneeId = randomHexId(12);
  const draft: AssigneeDraft = {
    ...draftDetails(options, {}),
    name,
    domains: domains ?? [],
    questions: questions ?? [],
  };
  const key = assessment.delegation?.key ?? randomHexId(24);
  return {
    ok: true,
    assessment: withNewAssignee(assessment, set, draft, { assigneeId, key }),
    assigneeId,
    added: true,
  };
}

/**
 * assign <file> --to <name> [--role] [--email] [--note] [--domains] [--questions] -o <out>:
 * adds the person (or finds them by name, letter case ignored, and changes what is given), then
 * writes their next questionnaire and the assessment with that round recorded as sent.
 */
export async function assignCommand(
  parsed: ParsedCommand,
  env: Environment,
): Promise<CommandOutput> {
  const { options } = parsed;
  const file = parsed.positionals[0] ?? '';
  const name = options.to?.trim();
  if (!name) return badInput('assign needs the person to send questions to: --to <name>');
  const out = options.out;
  if (!out)
    return badInput('assign needs the questionnaire file to write: -o <questionnaire.json>');
  const assessmentOut = options['assessment-out'] ?? file;
  if (sameFile(out, file) || sameFile(out, assessmentOut))
    return badInput(
      `-o ${out} is the assessment file; write the questionnaire to a file of its own.`,
    );
  const passphrase = passphraseFrom(options['passphrase-file'], env);
  if (!passphrase.ok) return badInput(passphrase.line);
  const sealWith = ownPassphrase(
    'questionnaire-passphrase-file',
    options['questionnaire-passphrase-file'],
  );
  if (!sealWith.ok) return badInput(sealWith.line);
  if (sealWith.value && sealWith.value.value.length < minimumPassphraseLength)
    return badInput(
      `${options['questionnaire-passphrase-file'] ?? ''}: the passphrase on its first line is shorter than ${minimumPassphraseLength} characters; choose a longer one.`,
    );

  const loaded = await loadAssessment(file, options.set, passphrase.value);
  if (!loaded.ok) return badInput(loaded.line);
  const { set } = loaded;

  const chosen = chosenQuestions(options, set);
  if (!chosen.ok) return badInput(chosen.line);
  const person = withPersonFor(loaded.assessment, set, name, options, chosen);
  if (!person.ok) return badInput(person.line);
  const { assigneeId, added } = person;

  const now = new Date();
  const prepared = prepareQuestionnaire(person.assessment, set, assigneeId, randomHexId(24), now);
  if (!prepared.ok) return badInput(problemLine(prepared.problems.map(withoutPath)));
  const { questionnaire } = prepared.value;
  const updated: Assessment = { ...prepared.value.assessment, updatedAt: now.toISOString() };
  // The checks the file gets when it is read again: a name or note too long is refused now.
  const checked = parseAssessmentValue(updated, set);
  if (!checked.ok) return badInput(detailsLine(checked.problems));

  const plainQuestionnaire = serializeQuestionnaire(questionnaire, now);
  const questionnaireText = sealWith.value
    ? await sealText(plainQuestionnaire, sealWith.value.value)
    : { ok: true as const, value: plainQuestionnaire };
  if (!questionnaireText.ok) return badInput(problemLine(questionnaireText.problems));
  const reencryptWith = loaded.encrypted ? passphrase.value : undefined;
  const text = await assessmentText(updated, now, reencryptWith);
  if (!text.ok) return badInput(text.line);
  const failed = writeFilesTogether([
    { path: out, text: questionnaireText.value },
    { path: assessmentOut, text: text.text },
  ]);
  if (failed) return badInput(failed);

  const assignee = assigneeById(updated, assigneeId);
  const who = personOf(assignee ?? { name });
  const count = plural(questionnaire.questions.length, 'question');
  const lines = [
    `${out}: questionnaire for ${who}, round ${questionnaire.round}, ${count}${sealWith.value ? ', encrypted' : ''}`,
    `${assessmentOut}: ${added ? `${who} added; ` : ''}round ${questionnaire.round} recorded as sent${reencryptWith ? ' (encrypted again)' : ''}`,
  ];
  const warning =
    loaded.encrypted && !sealWith.value
      ? `warning: ${file} is encrypted, ${out} is not: it holds the current answers to ${count}; give --questionnaire-passphrase-file to encrypt it\n`
      : '';
  return ok(`${lines.join('\n')}\n`, warning);
}

const decisions: readonly MergeDecision[] = ['theirs', 'mine', 'mine-and-note'];
const isDecision = (value: string): value is MergeDecision =>
  (decisions as readonly string[]).includes(value);
const decisionList = decisions.join(', ');

/** --decide-question EXP-01=theirs (repeatable, or comma-separated), by the set's question ids. */
function questionDecisions(
  values: readonly string[],
  set: QuestionSet,
): { ok: true; value: Map<string, MergeDecision> } | { ok: false; line: string } {
  const byUpper = new Map(set.questions.map((q) => [q.id.toUpperCase(), q.id]));
  const decided = new Map<string, MergeDecision>();
  for (const part of values.flatMap((value) => value.split(','))) {
    const given = part.trim();
    if (!given) continue;
    const [question = '', decision = ''] = given.split('=', 2).map((s) => s.trim());
    const id = byUpper.get(question.toUpperCase());
    if (!given.includes('=') || !isDecision(decision))
      return {
        ok: false,
        line: `--decide-question takes QUESTION=DECISION, e.g. EXP-01=theirs, the decision one of ${decisionList}; "${given}" is not one.`,
      };
    if (!id)
      return {
        ok: false,
        line: `--decide-question: "${question}" is not a question of ${setName(set)}.`,
      };
    decided.set(id, decision);
  }
  return { ok: true, value: decided };
}

/** The response file's text; a file far larger than any response is refused unread. */
function readResponseText(file: string): { ok: true; text: string } | { ok: false; line: string } {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return { ok: false, line: `${file}: no such file` };
  // UTF-8 needs at most 4 bytes per character; the character limit is checked on the text.
  if (stat.size > 4 * questionnaireMaxBytes)
    return {
      ok: false,
      line: `${file}: is ${(stat.size / 1e6).toFixed(1)} MB; a response file is never larger than ${questionnaireMaxBytes / 1e6} MB.`,
    };
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    return { ok: false, line: `${file}: cannot be read (${reason})` };
  }
}

/** The one line for a response file that cannot be opened; the passphrase cases say what to do. */
function responseRefusal(
  file: string,
  problems: readonly Problem[],
  passphrase: Passphrase | undefined,
): string {
  switch (problems[0]?.code) {
    case 'needs-passphrase':
      return `${file}: this file is encrypted; give its passphrase with --response-passphrase-file FILE (first line), or with --passphrase-file FILE or ${passphraseVariable} when it is the assessment's.`;
    case 'wrong-passphrase':
      return `${file}: the passphrase from ${passphrase?.source ?? 'nowhere'} does not open it (a wrong passphrase, or the file was changed after it was encrypted).`;
    case 'crypto-unavailable':
      return `${file}: this Node.js has no Web Crypto to decrypt it; use Node.js 20.19 or later.`;
  }
  return problemLine(problems, `${file}: `);
}

const choiceOf = (value: string | undefined) => (value?.trim() ? value : '(none)');

/** "EXP-02 mine=all theirs=most differs=choice,evidence": one conflict, a line for scripts. */
const conflictLine = (item: MergeItem) =>
  `${item.questionId} mine=${choiceOf(item.mine?.choice)} theirs=${choiceOf(item.theirs.choice)} differs=${item.differing.join(',')}`;

/**
 * merge <file> <response> [--decide D] [--decide-question ID=D]... [-o <out>]: checks the
 * response belongs to this assessment and to the person's latest round, then merges it; every
 * conflict needs a decision, or nothing is changed and the conflicts are listed.
 */
export async function mergeCommand(
  parsed: ParsedCommand,
  env: Environment,
): Promise<CommandOutput> {
  const { options } = parsed;
  const [file = '', responseFile = ''] = parsed.positionals;
  const fallback = options.decide;
  if (fallback !== undefined && !isDecision(fallback))
    return badInput(`--decide takes one of ${decisionList}; "${fallback}" is not one.`);
  const out = options.out ?? file;
  const passphrase = passphraseFrom(options['passphrase-file'], env);
  if (!passphrase.ok) return badInput(passphrase.line);
  const ownResponsePassphrase = ownPassphrase(
    'response-passphrase-file',
    options['response-passphrase-file'],
  );
  if (!ownResponsePassphrase.ok) return badInput(ownResponsePassphrase.line);
  const responsePassphrase = ownResponsePassphrase.value ?? passphrase.value;

  const loaded = await loadAssessment(file, options.set, passphrase.value);
  if (!loaded.ok) return badInput(loaded.line);
  const { set } = loaded;
  const decided = questionDecisions(parsed.lists['decide-question'] ?? [], set);
  if (!decided.ok) return badInput(decided.line);

  const responseText = readResponseText(responseFile);
  if (!responseText.ok) return badInput(responseText.line);
  const opened = await importResponseFile(responseText.text, responsePassphrase?.value);
  if (!opened.ok)
    return badInput(responseRefusal(responseFile, opened.problems, responsePassphrase));
  const { response, digest } = opened.value;

  const now = new Date();
  const received = receiveResponse(loaded.assessment, set, response, digest, now);
  if (!received.ok)
    return badInput(problemLine(received.problems.map(withoutPath), `${responseFile}: `));
  const { assignee, round, notAssigned } = received.value;
  const who = personOf(assignee);
  if (received.value.outcome === 'already-merged')
    return ok(
      `${responseFile}: already merged into ${file} (round ${round} of ${who}); nothing changed, nothing written\n`,
    );

  const pending = pendingMerge(received.value.assessment, set, assignee.id);
  const items = pending?.items ?? [];
  const conflicts = items.filter((item) => item.kind === 'conflict');
  const chosen: Record<string, MergeDecision> = {};
  for (const item of conflicts) {
    const decision = decided.value.get(item.questionId) ?? fallback;
    if (decision) chosen[item.questionId] = decision;
  }
  const undecided = conflicts.filter((item) => !chosen[item.questionId]);
  if (undecided.length > 0)
    return badInput(
      `${responseFile}: ${plural(undecided.length, 'answer')} of ${who} ${undecided.length === 1 ? 'differs' : 'differ'} from yours (listed above); decide with --decide ${decisions.join('|')} or --decide-question ID=${decisions.join('|')}. Nothing was changed.`,
      `${undecided.map(conflictLine).join('\n')}\n`,
    );

  const merged = applyMerge(received.value.assessment, set, assignee.id, chosen, now);
  if (!merged.ok) return badInput(problemLine(merged.problems.map(withoutPath)));
  const reencryptWith = loaded.encrypted ? passphrase.value : undefined;
  const text = await assessmentText(merged.value, now, reencryptWith);
  if (!text.ok) return badInput(text.line);
  const failed = writeFilesTogether([{ path: out, text: text.text }]);
  if (failed) return badInput(failed);

  const count = (kind: MergeItem['kind'], confirmed?: boolean) =>
    items.filter(
      (item) =>
        item.kind === kind &&
        (confirmed === undefined || (item.mine?.carriedOver === true) === confirmed),
    ).length;
  const byDecision = decisions.flatMap((decision) => {
    const settled = conflicts.filter((c) => chosen[c.questionId] === decision).length;
    return settled > 0 ? [`${settled} ${decision}`] : [];
  });
  const parts = [
    `${count('new')} new`,
    `${count('adds')} adding to yours`,
    `${count('same', true)} confirmed`,
    `${count('same', false)} unchanged`,
    `${plural(conflicts.length, 'conflict')}${byDecision.length > 0 ? ` (${byDecision.join(', ')})` : ''}`,
  ];
  const warning =
    notAssigned.length > 0
      ? `warning: left out the answers to ${notAssigned.join(', ')}: not sent to ${assignee.name}\n`
      : '';
  return ok(
    `${out}: merged the response of ${who}, round ${round}: ${parts.join(', ')}${reencryptWith ? ' (encrypted again)' : ''}\n`,
    warning,
  );
}
