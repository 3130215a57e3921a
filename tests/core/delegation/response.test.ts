import { describe, expect, it } from 'vitest';
import { sealText } from '../../../src/core/crypto/passphrase.ts';
import { sealedJson } from '../../../src/core/delegation/fileCheck.ts';
import { importResponseFile } from '../../../src/core/delegation/files.ts';
import {
  buildResponse,
  serializeResponse,
  type ResponseFile,
} from '../../../src/core/delegation/response.ts';
import { contentDigest } from '../../../src/core/integrity/digest.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import {
  anaId,
  answeredAt,
  leadAssessment,
  messages,
  ok,
  respond,
  respondedAt,
  send,
  withPeople,
} from '../../support/delegationFixtures.ts';

const { questionnaire, text: questionnaireText } = send(
  withPeople(leadAssessment({ 'EXP-01': { choice: 'yes' } })),
);

describe('buildResponse', () => {
  it('answers the questionnaire it was given: its id, round, assessment and person', () => {
    const built = buildResponse(
      questionnaire,
      { 'EXP-03': { choice: 'month', answeredAt } },
      respondedAt,
    );
    expect(built).toEqual({
      format: 'cellguard-response',
      formatVersion: 1,
      questionnaireId: questionnaire.questionnaireId,
      round: 1,
      assessment: questionnaire.assessment,
      from: { id: anaId, name: 'Ana Ruiz', role: 'network operations' },
      respondedAt: respondedAt.toISOString(),
      answers: { 'EXP-03': { choice: 'month', answeredAt } },
    });
  });

  it("holds only the questions asked, in the questionnaire's order, whatever else was answered", () => {
    const built = buildResponse(
      questionnaire,
      {
        'CRD-01': { choice: 'all', answeredAt },
        'EXP-05': { choice: 'few', answeredAt },
        'EXP-01': { choice: 'no', answeredAt },
        'EXP-04': { note: 'Scanned quarterly.', answeredAt },
      },
      respondedAt,
    );
    expect(Object.keys(built.answers)).toEqual(['EXP-01', 'EXP-04', 'EXP-05']);
  });
});

describe('reading a response file', () => {
  const responded = respond(questionnaire, {
    'EXP-02': { choice: 'most', note: 'Blocking mode on four portals.', evidence: 'WAF report' },
    'EXP-03': { choice: 'month', evidenceDate: '2026-03-01' },
  });

  it('reads back exactly what was written, with the digest of its content', async () => {
    const read = ok(await importResponseFile(responded.text));
    expect(read.response).toEqual(responded.response);
    expect(read.digest).toBe(contentDigest(JSON.parse(responded.text) as Record<string, unknown>));
    // The same answers written again later are the same response: the digest leaves out when it was written.
    const { integrity: _i, ...content } = read.response;
    const again = ok(
      await importResponseFile(serializeResponse(content, new Date('2027-01-01T00:00:00Z'))),
    );
    expect(again.digest).toBe(read.digest);
  });

  it('reads an encrypted response with its passphrase only', async () => {
    const encrypted = ok(await sealText(responded.text, 'a long passphrase'));
    expect(ok(await importResponseFile(encrypted, 'a long passphrase')).response).toEqual(
      responded.response,
    );
    const without = await importResponseFile(encrypted);
    expect(without.ok ? undefined : without.problems.map((p) => p.code)).toEqual([
      'needs-passphrase',
    ]);
  }, 30_000);

  it('refuses a response changed after it was written', async () => {
    const changed = responded.text.replace('"most"', '"all"');
    expect(changed).not.toBe(responded.text);
    expect(messages(await importResponseFile(changed))).toEqual([
      'The file does not match its SHA-256 digest: it was changed or damaged after Cellguard wrote it. Ask for the file again.',
    ]);
  });

  it("refuses an answer carrying the lead's plan fields, or no time, naming the field", async () => {
    const { integrity: _i, ...content } = JSON.parse(responded.text) as ResponseFile;
    const withOwner = sealedJson(
      {
        ...content,
        answers: { 'EXP-03': { choice: 'month', owner: 'Ana', due: '2026-12-31', answeredAt } },
      },
      respondedAt,
    );
    expect(messages(await importResponseFile(withOwner))).toEqual([
      'has unknown fields "owner", "due"',
    ]);
    const untimed = sealedJson(
      { ...content, answers: { 'EXP-03': { choice: 'month' } } },
      respondedAt,
    );
    const problem = await importResponseFile(untimed);
    expect(problem.ok ? [] : problem.problems).toEqual([
      { path: 'answers.EXP-03.answeredAt', message: 'is required' },
    ]);
  });

  it('tells what to do with the questionnaire itself or an assessment file given as a response', async () => {
    expect(messages(await importResponseFile(questionnaireText))).toEqual([
      'This is the questionnaire itself, not a response to it: the person it was sent to answers it and sends back a response file.',
    ]);
    expect(
      messages(await importResponseFile(await exportedFile(leadAssessment(), respondedAt))),
    ).toEqual([
      'This is an assessment file, not a response: import it with "Import a file" on the home page.',
    ]);
    expect(
      messages(await importResponseFile('{"format":"cellguard-response","formatVersion":0}')),
    ).toEqual(["The file's format version 0 is not one this version of Cellguard knows."]);
  });
});
