import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealText } from '../../src/core/crypto/passphrase.ts';
import { importQuestionnaireFile } from '../../src/core/delegation/files.ts';
import type { Questionnaire } from '../../src/core/delegation/questionnaire.ts';
import { buildResponse, serializeResponse } from '../../src/core/delegation/response.ts';
import type { ResponseAnswer } from '../../src/core/delegation/schema.ts';
import { formatProblem } from '../../src/core/result.ts';
import { exportedFile } from '../support/exportedFile.ts';
import { runInProcess } from '../support/cli.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-delegation-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const fixtures = 'tests/fixtures/assessments';
let files = 0;

const fresh = (name: string) => join(scratch, `${name}-${(files += 1)}.json`);

/** A fresh copy of a fixture assessment, for a test to change. */
function assessmentCopy(name = 'mature-operator'): string {
  const file = fresh(name);
  copyFileSync(join(fixtures, `${name}.json`), file);
  return file;
}

/**
 * The mid-journey profile as exported (encrypted when given a passphrase), with EXP-08 not yet
 * answered and EXP-03 carried over from the previous cycle, unconfirmed.
 */
async function middleProfile(passphrase?: string): Promise<string> {
  const { 'EXP-08': _unanswered, ...answers } = fixtureAssessment('middle-profile').answers;
  answers['EXP-03'] = { choice: 'month', carriedOver: true };
  const file = fresh('middle-profile');
  const assessment = { ...fixtureAssessment('middle-profile'), answers };
  writeFileSync(file, await exportedFile(assessment, new Date(), passphrase));
  return file;
}

/** The assessment file as JSON, to read what it records. */
const json = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as {
    answers: Record<string, Record<string, unknown>>;
    delegation?: { assignees: { id: string; name: string; rounds: { round: number }[] }[] };
  };

async function questionnaireIn(file: string, passphrase?: string): Promise<Questionnaire> {
  const opened = await importQuestionnaireFile(readFileSync(file, 'utf8'), passphrase);
  if (!opened.ok) throw new Error(opened.problems.map(formatProblem).join('; '));
  return opened.value.questionnaire;
}

/** The person's response file, as their browser writes it from the questionnaire it read. */
async function respond(
  questionnaireFile: string,
  answers: Record<string, Omit<ResponseAnswer, 'answeredAt'>>,
  passphrase?: string,
): Promise<string> {
  const questionnaire = await questionnaireIn(questionnaireFile, passphrase);
  const at = new Date();
  const given = Object.fromEntries(
    Object.entries(answers).map(([id, answer]) => [
      id,
      { ...answer, answeredAt: at.toISOString() },
    ]),
  );
  const text = serializeResponse(buildResponse(questionnaire, given, at), at);
  const file = fresh('response');
  if (!passphrase) writeFileSync(file, text);
  else {
    const sealed = await sealText(text, passphrase);
    if (!sealed.ok) throw new Error('cannot encrypt the response');
    writeFileSync(file, sealed.value);
  }
  return file;
}

/** Runs assign and expects it to succeed; returns the questionnaire file written. */
async function assign(file: string, ...args: string[]): Promise<string> {
  const out = fresh('questionnaire');
  const result = await runInProcess(['assign', file, '-o', out, ...args]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return out;
}

/** Exit 2, exactly one line on standard error, and the files named unchanged or not written. */
async function refused(args: readonly string[], unchanged: readonly string[]): Promise<string> {
  const before = unchanged.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : null));
  const { status, stderr } = await runInProcess(args);
  expect(status).toBe(2);
  expect(stderr).toMatch(/^[^\n]+\n$/);
  expect(unchanged.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : null))).toEqual(
    before,
  );
  return stderr.trimEnd();
}

describe('npm run cli -- assign', () => {
  it("writes the person's questionnaire and records the round in the assessment file", async () => {
    const file = await middleProfile();
    const out = fresh('questionnaire');
    const { status, stdout, stderr } = await runInProcess([
      'assign',
      file,
      '--to',
      'Ana Ruiz',
      '--role',
      'network operations',
      '--domains',
      'exp',
      '--questions',
      'PRV-03,EXP-01',
      '-o',
      out,
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(
      `${out}: questionnaire for Ana Ruiz (network operations), round 1, 9 questions\n` +
        `${file}: Ana Ruiz (network operations) added; round 1 recorded as sent\n`,
    );
    const questionnaire = await questionnaireIn(out);
    expect(questionnaire).toMatchObject({
      round: 1,
      to: { name: 'Ana Ruiz', role: 'network operations' },
      assessment: { organisation: 'Example Networks (mid-journey profile)' },
    });
    const ids = questionnaire.questions.map((q) => q.id);
    expect(ids).toContain('PRV-03');
    expect(ids.filter((id) => id.startsWith('EXP-'))).toHaveLength(8);
    expect(questionnaire.questions.find((q) => q.id === 'EXP-01')?.current).toEqual({
      choice: 'yes',
    });
    // The assessment file is still one the app and the command line open.
    const written = json(file);
    expect(written.delegation?.assignees.map((a) => [a.name, a.rounds.length])).toEqual([
      ['Ana Ruiz', 1],
    ]);
    expect((await runInProcess(['score', file])).status).toBe(0);
  });

  it('reuses a person of the same name (letter case ignored) for their next round', async () => {
    const file = await middleProfile();
    const first = await assign(file, '--to', 'Ana Ruiz', '--domains', 'SEG');
    const second = await assign(file, '--to', '  ana RUIZ ', '--questions', 'PRV-03');
    const [one, two] = [await questionnaireIn(first), await questionnaireIn(second)];
    expect(two.to.id).toBe(one.to.id);
    expect(two.round).toBe(2);
    // --questions given, --domains not: the person keeps their domain and gains the question.
    const ids = one.questions.map((q) => q.id);
    expect(two.questions.map((q) => q.id).sort()).toEqual([...ids, 'PRV-03'].sort());
    expect(json(file).delegation?.assignees).toHaveLength(1);
  });

  it('refuses bad input with exit 2 and one line, and writes nothing', async () => {
    const file = await middleProfile();
    const out = join(scratch, 'never-written.json');
    const cases: [string[], string][] = [
      [['--domains', 'EXP'], 'assign needs the person to send questions to: --to <name>'],
      [
        ['--to', 'Ana', '--domains', 'EXP,XYZ'],
        '--domains: "XYZ" is not a domain of softcell 2.0.0; its domains are EXP, VUL, CRD, PRV, SEG, RAE, EDR, LOG, IRH, SUB.',
      ],
      [
        ['--to', 'Ana', '--questions', 'EXP-99'],
        '--questions: "EXP-99" is not a question of softcell 2.0.0; run "npm run cli -- validate questions/softcell" for the list.',
      ],
      [
        ['--to', 'Ana'],
        'assign needs the questions for Ana, who has none in this assessment yet: --domains EXP,SEG and/or --questions EXP-01,PRV-03',
      ],
      [
        ['--to', 'Ana', '--domains', ','],
        'assign needs the questions for Ana, who has none in this assessment yet: --domains EXP,SEG and/or --questions EXP-01,PRV-03',
      ],
      [['--to', 'x'.repeat(300), '--domains', 'EXP'], '--to: must be at most 200 characters'],
    ];
    for (const [args, line] of cases)
      expect(await refused(['assign', file, '-o', out, ...args], [file, out])).toBe(line);
    expect(await refused(['assign', file, '--to', 'Ana', '--domains', 'EXP'], [file])).toBe(
      'assign needs the questionnaire file to write: -o <questionnaire.json>',
    );
    expect(
      await refused(['assign', file, '--to', 'Ana', '--domains', 'EXP', '-o', file], [file]),
    ).toBe(`-o ${file} is the assessment file; write the questionnaire to a file of its own.`);
    const nowhere = join(scratch, 'no-such-folder', 'q.json');
    expect(
      await refused(['assign', file, '--to', 'Ana', '--domains', 'EXP', '-o', nowhere], [file]),
    ).toBe(`cannot write ${nowhere}: its folder does not exist`);
    const shortKey = join(scratch, 'short-key.txt');
    writeFileSync(shortKey, 'short\n');
    expect(
      await refused(
        ['assign', file, '--to', 'Ana', '--domains', 'EXP', '-o', out].concat([
          '--questionnaire-passphrase-file',
          shortKey,
        ]),
        [file, out],
      ),
    ).toBe(
      `${shortKey}: the passphrase on its first line is shorter than 8 characters; choose a longer one.`,
    );
  });

  it('writes an encrypted questionnaire that opens with its passphrase, and keeps an encrypted assessment encrypted', async () => {
    const passphrase = 'correct horse battery staple';
    const keyFile = join(scratch, 'questionnaire-key.txt');
    writeFileSync(keyFile, `${passphrase}\n`);
    const file = await middleProfile(passphrase);
    const out = fresh('questionnaire');
    const { status, stdout, stderr } = await runInProcess(
      [
        'assign',
        file,
        '--to',
        'Ana Ruiz',
        '--domains',
        'EXP',
        '-o',
        out,
        '--questionnaire-passphrase-file',
        keyFile,
      ],
      { CELLGUARD_PASSPHRASE: passphrase },
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(', 8 questions, encrypted\n');
    expect(stdout).toContain('round 1 recorded as sent (encrypted again)\n');

    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'cellguard-encrypted' });
    expect(text).not.toContain('Example Networks');
    const opened = await importQuestionnaireFile(text, passphrase);
    expect(opened.ok && opened.value.questionnaire.to.name).toBe('Ana Ruiz');
    const closed = await importQuestionnaireFile(text);
    expect(!closed.ok && closed.problems[0]?.code).toBe('needs-passphrase');

    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'cellguard-encrypted' });
    expect(readFileSync(file, 'utf8')).not.toContain('Ana Ruiz');
    // The person answers; their response, encrypted with the same passphrase, merges.
    const response = await respond(out, { 'EXP-08': { choice: 'none' } }, passphrase);
    const merged = await runInProcess(
      ['merge', file, response, '--response-passphrase-file', keyFile],
      { CELLGUARD_PASSPHRASE: passphrase },
    );
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toContain(': 1 new, ');
    expect(merged.stdout).toContain(' (encrypted again)\n');
    expect(readFileSync(file, 'utf8')).not.toContain('Ana Ruiz');
    expect((await runInProcess(['score', file], { CELLGUARD_PASSPHRASE: passphrase })).status).toBe(
      0,
    );
  });

  it('warns when an encrypted assessment gets a questionnaire in clear', async () => {
    const passphrase = 'correct horse battery staple';
    const file = await middleProfile(passphrase);
    const out = fresh('questionnaire');
    const { status, stderr } = await runInProcess(
      ['assign', file, '--to', 'Ana', '--questions', 'EXP-01', '-o', out],
      { CELLGUARD_PASSPHRASE: passphrase },
    );
    expect(status).toBe(0);
    expect(stderr).toBe(
      `warning: ${file} is encrypted, ${out} is not: it holds the current answers to 1 question; give --questionnaire-passphrase-file to encrypt it\n`,
    );
  });
});

describe('npm run cli -- merge', () => {
  it("takes a person's answers in: new ones, and the assessment records who gave them", async () => {
    const file = await middleProfile();
    const questionnaire = await assign(
      file,
      '--to',
      'Ana Ruiz',
      '--role',
      'netops',
      '--domains',
      'EXP',
    );
    // EXP-08 has no answer yet; EXP-02 is returned as it is, with evidence the lead has not got;
    // EXP-03, carried over, is returned unchanged: confirmed; EXP-04 is returned unchanged, which
    // records Ana's confirmation too (the summary still counts it as unchanged: not carried over).
    const response = await respond(questionnaire, {
      'EXP-08': { choice: 'none', note: 'Nobody watches it.' },
      'EXP-02': { choice: 'all', evidence: 'WAF policy export' },
      'EXP-03': { choice: 'month' },
      'EXP-04': { choice: 'partial' },
    });
    const { status, stdout, stderr } = await runInProcess(['merge', file, response]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(
      `${file}: merged the response of Ana Ruiz (netops), round 1: 1 new, 1 adding to yours, 1 confirmed, 1 unchanged, 0 conflicts\n`,
    );
    const { answers } = json(file);
    expect(answers['EXP-03']).toEqual({
      choice: 'month',
      history: [
        expect.objectContaining({ event: 'confirmed', by: 'Ana Ruiz', via: 'questionnaire' }),
        expect.objectContaining({ event: 'merged', by: 'Fixture author' }),
      ],
    });
    expect(answers['EXP-04']).toEqual({
      choice: 'partial',
      history: [
        expect.objectContaining({
          event: 'confirmed',
          by: 'Ana Ruiz',
          role: 'netops',
          via: 'questionnaire',
        }),
        expect.objectContaining({ event: 'merged', by: 'Fixture author', via: 'lead' }),
      ],
    });
    expect(answers['EXP-08']).toMatchObject({ choice: 'none', note: 'Nobody watches it.' });
    expect(answers['EXP-02']).toMatchObject({ choice: 'all', evidence: 'WAF policy export' });
    expect(answers['EXP-08']?.history).toEqual([
      expect.objectContaining({
        event: 'answered',
        by: 'Ana Ruiz',
        via: 'questionnaire',
        to: 'none',
      }),
      expect.objectContaining({ event: 'merged', by: 'Fixture author', via: 'lead' }),
    ]);
    expect((await runInProcess(['score', file])).status).toBe(0);
  });

  it('refuses a conflict without a decision, listing it, and settles it with --decide', async () => {
    const file = await middleProfile();
    const questionnaire = await assign(file, '--to', 'Ana Ruiz', '--domains', 'EXP,SEG');
    const response = await respond(questionnaire, {
      'EXP-02': { choice: 'some' },
      'SEG-01': { choice: 'flat', note: 'Flat network since the merger.' },
      'EXP-08': { choice: 'none' },
    });
    const before = readFileSync(file, 'utf8');
    const undecided = await runInProcess(['merge', file, response]);
    expect(undecided).toEqual({
      status: 2,
      stdout:
        'EXP-02 mine=all theirs=some differs=choice\nSEG-01 mine=partial theirs=flat differs=choice\n',
      stderr: `${response}: 2 answers of Ana Ruiz differ from yours (listed above); decide with --decide theirs|mine|mine-and-note or --decide-question ID=theirs|mine|mine-and-note. Nothing was changed.\n`,
    });
    // A decision for one of the two still changes nothing, and lists the other.
    const half = await runInProcess([
      'merge',
      file,
      response,
      '--decide-question',
      'seg-01=theirs',
    ]);
    expect(half.status).toBe(2);
    expect(half.stdout).toBe('EXP-02 mine=all theirs=some differs=choice\n');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const out = fresh('merged');
    const decided = await runInProcess([
      'merge',
      file,
      response,
      '--decide',
      'mine-and-note',
      '--decide-question',
      'SEG-01=theirs',
      '-o',
      out,
    ]);
    expect(decided.stderr).toBe('');
    expect(decided.status).toBe(0);
    expect(decided.stdout).toBe(
      `${out}: merged the response of Ana Ruiz, round 1: 1 new, 0 adding to yours, 0 confirmed, 0 unchanged, 2 conflicts (1 theirs, 1 mine-and-note)\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    const { answers } = json(out);
    expect(answers['EXP-02']).toMatchObject({ choice: 'all' });
    // Their answer, with the plan fields (owner, due) the lead set kept.
    expect(answers['SEG-01']).toMatchObject({
      choice: 'flat',
      note: 'Flat network since the merger.',
      owner: 'Network architecture',
      due: '2027-06-30',
    });
    expect(answers['EXP-08']).toMatchObject({ choice: 'none' });
  });

  it('refuses a decision that is not one, before reading anything', async () => {
    const file = await middleProfile();
    expect(await refused(['merge', file, 'response.json', '--decide', 'yours'], [file])).toBe(
      '--decide takes one of theirs, mine, mine-and-note; "yours" is not one.',
    );
    expect(
      await refused(
        ['merge', file, join(scratch, 'none.json'), '--decide-question', 'EXP-01'],
        [file],
      ),
    ).toBe(
      '--decide-question takes QUESTION=DECISION, e.g. EXP-01=theirs, the decision one of theirs, mine, mine-and-note; "EXP-01" is not one.',
    );
  });

  it('merges the same response twice only once: the second time changes and writes nothing', async () => {
    const file = await middleProfile();
    const questionnaire = await assign(file, '--to', 'Ana Ruiz', '--questions', 'EXP-08');
    const response = await respond(questionnaire, { 'EXP-08': { choice: 'none' } });
    expect((await runInProcess(['merge', file, response])).status).toBe(0);
    const merged = readFileSync(file, 'utf8');
    expect(await runInProcess(['merge', file, response])).toEqual({
      status: 0,
      stdout: `${response}: already merged into ${file} (round 1 of Ana Ruiz); nothing changed, nothing written\n`,
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(merged);
  });

  it('refuses a response to an older round and one to another assessment', async () => {
    const file = await middleProfile();
    const first = await assign(file, '--to', 'Ana Ruiz', '--questions', 'EXP-08');
    await assign(file, '--to', 'Ana Ruiz');
    const late = await respond(first, { 'EXP-08': { choice: 'none' } });
    expect(await refused(['merge', file, late], [file])).toMatch(
      new RegExp(
        `^${late}: This response answers an older questionnaire: round 1, sent to Ana Ruiz on .+ Round 2 was sent on .+; ask Ana Ruiz for the response to that one\\. Nothing was changed\\.$`,
      ),
    );

    const other = assessmentCopy('mature-operator');
    await assign(other, '--to', 'Ana Ruiz', '--questions', 'EXP-08');
    expect(await refused(['merge', other, late], [other])).toMatch(
      /: This response answers questions of .+, not of this assessment \(.+\)\. Nothing was changed\.$/,
    );
    const never = await middleProfile();
    expect(await refused(['merge', never, late], [never])).toMatch(/not of this assessment/);
  });

  it('refuses a response from somebody the assessment no longer names', async () => {
    const file = await middleProfile();
    await assign(file, '--to', 'Bo Chen', '--questions', 'EXP-01');
    // The same assessment (its key) as it was before Ana Ruiz was added.
    const before = fresh('before-ana');
    copyFileSync(file, before);
    const questionnaire = await assign(file, '--to', 'Ana Ruiz', '--questions', 'EXP-08');
    const response = await respond(questionnaire, { 'EXP-08': { choice: 'none' } });
    expect(await refused(['merge', before, response], [before])).toBe(
      `${response}: This response is from Ana Ruiz, who is no longer among the people this assessment's questions are assigned to. Nothing was changed.`,
    );
  });

  it('refuses a response file that is not one, in one line', async () => {
    const file = await middleProfile();
    const questionnaire = await assign(file, '--to', 'Ana Ruiz', '--questions', 'EXP-08');
    expect(await refused(['merge', file, questionnaire], [file])).toBe(
      `${questionnaire}: format: This is the questionnaire itself, not a response to it: the person it was sent to answers it and sends back a response file.`,
    );
    const response = await respond(questionnaire, { 'EXP-08': { choice: 'none' } });
    writeFileSync(response, readFileSync(response, 'utf8').replace('"none"', '"some"'));
    expect(await refused(['merge', file, response], [file])).toBe(
      `${response}: integrity.digest: The file does not match its SHA-256 digest: it was changed or damaged after Cellguard wrote it. Ask for the file again.`,
    );
    expect(await refused(['merge', file, join(scratch, 'missing.json')], [file])).toBe(
      `${join(scratch, 'missing.json')}: no such file`,
    );
  });
});
