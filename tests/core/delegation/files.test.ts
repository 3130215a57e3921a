import { describe, expect, it } from 'vitest';
import { sealText } from '../../../src/core/crypto/passphrase.ts';
import { importAnyFile } from '../../../src/core/delegation/files.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import { loadShippedSets } from '../../support/shippedSet.ts';
import {
  leadAssessment,
  messages,
  ok,
  respond,
  send,
  sentAt,
  withPeople,
} from '../../support/delegationFixtures.ts';

const sets = loadShippedSets();
const { questionnaire, text } = send(withPeople(leadAssessment({ 'EXP-01': { choice: 'yes' } })));
const response = respond(questionnaire, { 'EXP-03': { choice: 'month' } });

describe('importAnyFile: the one place the import page opens every kind of file', () => {
  it('reads an assessment, a questionnaire and a response, each as what it is', async () => {
    const assessment = ok(await importAnyFile(await exportedFile(leadAssessment(), sentAt), sets));
    expect(assessment.kind).toBe('assessment');
    const asked = ok(await importAnyFile(text, sets));
    expect(asked).toMatchObject({
      kind: 'questionnaire',
      questionnaire,
      digest: questionnaire.integrity.digest,
    });
    const answered = ok(await importAnyFile(response.text, sets));
    expect(answered).toMatchObject({
      kind: 'response',
      response: response.response,
      digest: response.digest,
    });
  });

  it('opens an encrypted questionnaire first, then knows its kind', async () => {
    const encrypted = ok(await sealText(text, 'correct horse battery'));
    expect(ok(await importAnyFile(encrypted, sets, 'correct horse battery')).kind).toBe(
      'questionnaire',
    );
    const locked = await importAnyFile(encrypted, sets);
    expect(locked.ok ? [] : locked.problems.map((p) => p.code)).toEqual(['needs-passphrase']);
  }, 30_000);

  it("refuses a damaged questionnaire with the questionnaire's own words", async () => {
    const changed = text.replace('"round": 1', '"round": 2');
    expect(changed).not.toBe(text);
    expect(messages(await importAnyFile(changed, sets))).toEqual([
      'The file does not match its SHA-256 digest: it was changed or damaged after Cellguard wrote it. Ask for the file again.',
    ]);
  });
});
