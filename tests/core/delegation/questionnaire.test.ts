import { describe, expect, it } from 'vitest';
import { sealText } from '../../../src/core/crypto/passphrase.ts';
import { importQuestionnaireFile } from '../../../src/core/delegation/files.ts';
import { sealedJson } from '../../../src/core/delegation/fileCheck.ts';
import {
  assignedQuestions,
  buildQuestionnaire,
} from '../../../src/core/delegation/questionnaireBuild.ts';
import {
  questionnaireEmail,
  questionnaireSchema,
  serializeQuestionnaire,
  type Questionnaire,
} from '../../../src/core/delegation/questionnaire.ts';
import { contentDigest } from '../../../src/core/integrity/digest.ts';
import { backupText, deviceWith } from '../backup/backupFiles.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import {
  anaId,
  benId,
  key,
  leadAssessment,
  messages,
  ok,
  questionnaireIds,
  respond,
  send,
  sentAt,
  set,
  withPeople,
} from '../../support/delegationFixtures.ts';
import { withNewAssignee } from '../../../src/core/delegation/assignments.ts';

const exp = set.questions.filter((q) => q.domain === 'EXP').map((q) => q.id);

/** A lead assessment with answers in and outside Ana's domain, and plan fields she must not see. */
const answered = leadAssessment({
  'EXP-01': { choice: 'yes' },
  'EXP-02': {
    choice: 'some',
    note: 'The WAF blocks on two portals of five.',
    evidence: 'WAF policy export',
    evidenceDate: '2026-02-01',
    owner: 'Owner-Of-EXP-02',
    due: '2026-09-30',
  },
  'CRD-01': {
    choice: 'none',
    note: 'Text-of-another-domain-note',
    evidence: 'Other-evidence-text',
  },
  'LOG-01': { choice: 'central', owner: 'Owner-Of-LOG-01' },
});

describe('which questions a questionnaire holds', () => {
  it("holds the assignee's domains and single questions, in the set's order, and nothing else", () => {
    const { questionnaire } = send(withPeople(answered, 'both'), benId);
    const crd = set.questions.filter((q) => q.domain === 'CRD').map((q) => q.id);
    expect(questionnaire.questions.map((q) => q.id)).toEqual([...crd, 'LOG-01']);
    expect(send(withPeople(answered)).questionnaire.questions.map((q) => q.id)).toEqual(exp);
  });

  it('sends a gated question when its scope applies, is not yet known, or its scoping question is sent too', () => {
    const edr: { domains: string[]; questions: string[] } = { domains: ['EDR'], questions: [] };
    const ids = (exp01: string | undefined, who = edr) =>
      assignedQuestions(who, set, exp01 ? { 'EXP-01': { choice: exp01 } } : {}).map((q) => q.id);
    // EDR-03 and EDR-04 are asked only when EXP-01 ("anything exposed to the internet?") is yes.
    expect(ids('yes')).toContain('EDR-03');
    expect(ids(undefined)).toContain('EDR-03');
    expect(ids('unknown')).toContain('EDR-04');
    expect(ids('no')).not.toContain('EDR-03');
    expect(ids('no')).not.toContain('EDR-04');
    expect(ids('no')).toHaveLength(set.questions.filter((q) => q.domain === 'EDR').length - 2);
    // With the scoping question sent as well, the assignee decides: the gated ones go too.
    expect(ids('no', { domains: ['EDR'], questions: ['EXP-01'] })).toEqual(
      expect.arrayContaining(['EXP-01', 'EDR-03', 'EDR-04']),
    );
    expect(ids('no', { domains: ['EXP'], questions: [] })).toEqual(exp);
  });

  it("names, in each condition it carries, a question of the questionnaire, so the assignee's page can apply it", () => {
    const withEdr = withNewAssignee(
      leadAssessment(),
      set,
      { name: 'Eve', domains: ['EDR'], questions: [] },
      {
        assigneeId: 'eeeeeeeeeeee',
        key,
      },
    );
    const { questionnaire } = send(withEdr, 'eeeeeeeeeeee');
    const sent = new Set(questionnaire.questions.map((q) => q.id));
    expect(sent).toContain('EDR-03');
    for (const question of questionnaire.questions)
      if (question.showIf) expect(sent).toContain(question.showIf.question);
    // Sent with its scoping question, a gated question keeps its condition.
    const { questionnaire: withGate } = send(withPeople(leadAssessment()));
    expect(withGate.questions.find((q) => q.id === 'EXP-02')?.showIf).toEqual({
      question: 'EXP-01',
      anyOf: ['yes'],
    });
  });
});

describe('what a questionnaire tells the assignee', () => {
  const { questionnaire, text } = send(withPeople(answered));

  it("carries the question's text, help and answer criteria, the current answer and the lead's note", () => {
    const question = set.questions.find((q) => q.id === 'EXP-02');
    const carried = questionnaire.questions.find((q) => q.id === 'EXP-02');
    expect(carried).toMatchObject({
      id: 'EXP-02',
      domain: { id: 'EXP', title: 'Internet exposure and the web tier' },
      title: question?.title,
      text: question?.text,
      help: question?.help,
      kind: 'control',
      critical: true,
      current: {
        choice: 'some',
        note: 'The WAF blocks on two portals of five.',
        evidence: 'WAF policy export',
        evidenceDate: '2026-02-01',
      },
    });
    expect(carried?.options.map((o) => o.label)).toEqual(question?.options.map((o) => o.label));
    expect(carried?.options.some((o) => o.criteria)).toBe(true);
    expect(questionnaire.questions.find((q) => q.id === 'EXP-03')).not.toHaveProperty('current');
    expect(questionnaire.note).toBe('Please answer by Friday.');
    expect(questionnaire.from).toEqual({ name: 'J. Smith', role: 'lead' });
    expect(questionnaire.to).toEqual({ id: anaId, name: 'Ana Ruiz', role: 'network operations' });
  });

  it('names the assessment and nothing more of it: its key, set, organisation, scope and cycle', () => {
    expect(questionnaire.assessment).toEqual({
      key,
      questionSet: { id: 'softcell', version: set.version, title: set.title },
      organisation: answered.organisation,
      scope: answered.scope,
      cycle: answered.cycle,
    });
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(
      [
        'assessment',
        'createdAt',
        'format',
        'formatVersion',
        'from',
        'integrity',
        'note',
        'questionnaireId',
        'questions',
        'round',
        'to',
      ].sort(),
    );
  });

  it("holds no other domain's answers, no plan fields and no score", () => {
    for (const secret of [
      'Text-of-another-domain-note',
      'Other-evidence-text',
      'Owner-Of-EXP-02',
      'Owner-Of-LOG-01',
      '2026-09-30',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"(owner|due|score|risk|coverage|history|delegation|answers)"/);
    expect(text).not.toContain('CRD-01');
    expect(text).not.toContain(answered.createdAt);
  });

  it('says "the lead" without a role when the assessment names no assessor', () => {
    const { questionnaire: unnamed } = send(withPeople({ ...leadAssessment(), assessor: '' }));
    expect(unnamed.from).toEqual({ name: 'the lead' });
  });
});

describe('reading a questionnaire file', () => {
  const { questionnaire, text } = send(withPeople(answered));

  it('reads back exactly what was written, with the digest of its content', async () => {
    const read = ok(await importQuestionnaireFile(text));
    expect(read.questionnaire).toEqual(questionnaire);
    expect(read.digest).toBe(contentDigest(JSON.parse(text) as Record<string, unknown>));
    expect(read.digest).toBe(questionnaire.integrity.digest);
    // Written again later, the same content has the same digest.
    const { integrity: _i, ...content } = questionnaire;
    const later = ok(
      await importQuestionnaireFile(
        serializeQuestionnaire(content, new Date('2027-01-01T00:00:00Z')),
      ),
    );
    expect(later.digest).toBe(read.digest);
    expect(questionnaireSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('reads an encrypted questionnaire with its passphrase, and asks for it otherwise', async () => {
    const encrypted = ok(await sealText(text, 'correct horse battery'));
    expect(encrypted).not.toContain('Ana Ruiz');
    expect(
      ok(await importQuestionnaireFile(encrypted, 'correct horse battery')).questionnaire,
    ).toEqual(questionnaire);
    const without = await importQuestionnaireFile(encrypted);
    expect(without.ok ? undefined : without.problems[0]?.code).toBe('needs-passphrase');
    const wrong = await importQuestionnaireFile(encrypted, 'wrong horse battery');
    expect(wrong.ok ? undefined : wrong.problems[0]?.code).toBe('wrong-passphrase');
  }, 30_000);

  it('refuses a file changed after it was written, in plain words', async () => {
    const changed = text.replace(
      'The WAF blocks on two portals of five.',
      'The WAF blocks everywhere.',
    );
    expect(changed).not.toBe(text);
    expect(messages(await importQuestionnaireFile(changed))).toEqual([
      'The file does not match its SHA-256 digest: it was changed or damaged after Cellguard wrote it. Ask for the file again.',
    ]);
    const value = JSON.parse(text) as Questionnaire;
    const otherDigest = JSON.stringify({
      ...value,
      integrity: { ...value.integrity, digest: '0'.repeat(64) },
    });
    expect(messages(await importQuestionnaireFile(otherDigest))[0]).toMatch(
      /does not match its SHA-256 digest/,
    );
    const { integrity: _gone, ...unsealed } = value;
    expect(messages(await importQuestionnaireFile(JSON.stringify(unsealed)))).toEqual([
      "The file's SHA-256 digest is missing, changed or damaged, so Cellguard cannot check the file. Ask for the file again.",
    ]);
  });

  it('refuses a hand-made questionnaire whose parts do not fit together, even with a correct digest', async () => {
    const { integrity: _i, ...content } = JSON.parse(text) as Questionnaire;
    const [first, second] = content.questions;
    if (!first || !second) throw new Error('expected two questions');
    const resealed = (questions: unknown[]) =>
      importQuestionnaireFile(sealedJson({ ...content, questions }, sentAt));

    const twice = messages(await resealed([first, first]));
    expect(twice).toEqual([
      'It lists a question twice. Cellguard never writes such a questionnaire; ask the lead for the file again.',
    ]);
    const option = first.options[0];
    expect(messages(await resealed([{ ...first, options: [option, option] }]))[0]).toBe(
      `Question ${first.id} lists an answer twice. Cellguard never writes such a questionnaire; ask the lead for the file again.`,
    );
    expect(messages(await resealed([{ ...first, current: { choice: 'maybe' } }]))[0]).toBe(
      `The current answer of ${first.id} is not one of its answers. Cellguard never writes such a questionnaire; ask the lead for the file again.`,
    );
    // Conditions name a scoping question of the file and its answers, and never go round in a circle.
    const noGate = `The condition of ${second.id} names no scoping question the questionnaire holds. Cellguard never writes such a questionnaire; ask the lead for the file again.`;
    const strayCondition = { ...second, showIf: { question: 'EDR-01', anyOf: ['all'] } };
    expect(messages(await resealed([first, strayCondition]))).toEqual([noGate]);
    expect(
      messages(
        await resealed([first, { ...second, showIf: { question: second.id, anyOf: ['all'] } }]),
      ),
    ).toEqual([noGate]);
    const circle = [
      { ...first, showIf: { question: second.id, anyOf: ['all'] } },
      { ...second, kind: 'scope', showIf: { question: first.id, anyOf: ['yes'] } },
    ];
    expect(messages(await resealed(circle))).toHaveLength(2);
    const strayOption = { ...second, showIf: { question: first.id, anyOf: ['perhaps'] } };
    expect(messages(await resealed([first, strayOption]))).toEqual([
      `The condition of ${second.id} names an answer ${first.id} does not offer. Cellguard never writes such a questionnaire; ask the lead for the file again.`,
    ]);
    expect(first.kind).toBe('scope');
    expect(second.showIf?.question).toBe(first.id);
    expect((await resealed([first, second])).ok).toBe(true);
    // 'na' and 'unknown' are answers to every question.
    expect((await resealed([{ ...first, current: { choice: 'unknown' } }])).ok).toBe(true);
  });

  it('refuses a file with a field Cellguard never writes, naming the field', async () => {
    const { integrity: _i, ...content } = JSON.parse(text) as Questionnaire;
    const problems = messages(
      await importQuestionnaireFile(sealedJson({ ...content, score: 42 }, sentAt)),
    );
    expect(problems).toEqual(['has unknown field "score"']);
  });

  it('tells what to do with an assessment file, a backup or a response given as a questionnaire', async () => {
    const assessment = await exportedFile(answered, sentAt);
    expect(messages(await importQuestionnaireFile(assessment))).toEqual([
      'This is an assessment file, not a questionnaire: import it with "Import a file" on the home page.',
    ]);
    const backup = await backupText(deviceWith(answered));
    expect(messages(await importQuestionnaireFile(backup))).toEqual([
      'This is a backup of a whole device, not a questionnaire: restore it with "Back up or restore everything".',
    ]);
    const response = respond(questionnaire, { 'EXP-03': { choice: 'month' } });
    expect(messages(await importQuestionnaireFile(response.text))).toEqual([
      'This is a response to a questionnaire: the lead who sent the questionnaire imports it.',
    ]);
  });

  it('refuses a file of a newer Cellguard, of no known kind, not JSON or empty, in plain words', async () => {
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(
      messages(await importQuestionnaireFile(JSON.stringify({ ...value, formatVersion: 2 }))),
    ).toEqual([
      'The file was written by a newer Cellguard (format 2); this one reads format 1. Update Cellguard to open it.',
    ]);
    const { formatVersion: _v, ...unversioned } = value;
    const [noVersion] = messages(await importQuestionnaireFile(JSON.stringify(unversioned)));
    expect(noVersion).toMatch(/format version/);
    expect(noVersion).not.toMatch(/undefined/);
    expect(messages(await importQuestionnaireFile('{"format":"something-else"}'))).toEqual([
      'This is not a Cellguard questionnaire (expected format "cellguard-questionnaire").',
    ]);
    expect(messages(await importQuestionnaireFile('[1, 2]'))[0]).toMatch(
      /not a Cellguard questionnaire/,
    );
    expect(messages(await importQuestionnaireFile(''))).toEqual(['The file is empty.']);
    expect((await importQuestionnaireFile(text.slice(0, 200))).ok).toBe(false);
  });

  it('refuses a file larger than any questionnaire before reading it', async () => {
    const [problem] = messages(await importQuestionnaireFile(' '.repeat(2_000_001)));
    expect(problem).toMatch(
      /^The file is 2\.0 MB; a questionnaire or a response is never larger than 2 MB\.$/,
    );
  });
});

describe('buildQuestionnaire', () => {
  it('writes the round, the id and the time it is given', () => {
    const assessment = withPeople(answered);
    const assignee = assessment.delegation?.assignees[0];
    if (!assignee) throw new Error('no assignee');
    const built = buildQuestionnaire({
      assessment,
      set,
      key,
      assignee,
      round: 3,
      questionnaireId: questionnaireIds[2],
      questions: set.questions.filter((q) => q.id === 'EXP-03'),
      now: new Date('2026-05-05T05:05:05.000Z'),
    });
    expect(built).toMatchObject({
      round: 3,
      questionnaireId: questionnaireIds[2],
      createdAt: '2026-05-05T05:05:05.000Z',
    });
    expect(built.questions.map((q) => q.id)).toEqual(['EXP-03']);
  });
});

describe('questionnaireEmail', () => {
  it('writes a message the lead can send with their own mail client, saying where Cellguard is', () => {
    const { questionnaire } = send(withPeople(answered));
    const letter = {
      ...questionnaire,
      questionCount: questionnaire.questions.length,
      fileName: 'questions-ana.json',
      appAddress: 'https://cellguard.example.net/',
    };
    const { subject, body } = questionnaireEmail(letter);
    expect(subject).toBe(
      `Questions for you: ${set.title}, ${answered.organisation}, ${answered.scope}, ${answered.cycle}`,
    );
    expect(body).toContain('Hello Ana Ruiz,');
    expect(body).toContain(`Please answer ${exp.length} questions of the ${set.title}`);
    expect(body).toContain('Please answer by Friday.');
    expect(body).toContain('Open Cellguard at https://cellguard.example.net/ in your browser');
    expect(body).toContain('questions-ana.json');
    expect(body.trimEnd().endsWith('J. Smith')).toBe(true);
    const one = questionnaireEmail({ ...letter, questionCount: 1, fileName: undefined });
    expect(one.body).toContain('Please answer one question of');
    expect(one.body).toContain('Open the attached questionnaire file.');
  });
});
