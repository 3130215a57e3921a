import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Assessment } from '../../../src/core/assessment/model.ts';
import { currentFormatVersion } from '../../../src/core/assessment/formatVersion.ts';
import { importAssessmentFile } from '../../../src/core/assessment/transfer.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment, fixtureText } from '../../support/storeFixtures.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';

const set = loadShippedSet();

const text = fc.string({ unit: 'binary', maxLength: 60 });
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Any assessment the app can hold: every field, any script in free text, carry-over marks. */
const assessmentArbitrary: fc.Arbitrary<Assessment> = fc
  .record({
    organisation: text.filter((s) => s.trim() !== ''),
    scope: text,
    cycle: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
    assessor: fc.option(text, { nil: undefined }),
    answers: fc.tuple(
      ...set.questions.map((q) =>
        fc.option(
          fc.record(
            {
              choice: fc.constantFrom(...q.options.map((o) => o.id), 'na', 'unknown'),
              note: text,
              naReason: text,
              evidence: text,
              evidenceDate: day,
              owner: fc.string({ unit: 'binary', maxLength: 40 }),
              due: day,
              carriedOver: fc.constant(true as const),
              compensatingControl: text,
              riskAcceptedBy: fc.string({ unit: 'binary', maxLength: 40 }),
            },
            { requiredKeys: [] },
          ),
          { nil: undefined },
        ),
      ),
    ),
  })
  .map(({ answers, assessor, ...meta }) => {
    const record: Record<string, Answer> = {};
    set.questions.forEach((q, i) => {
      const answer = answers[i];
      if (answer) record[q.id] = answer;
    });
    return {
      format: 'cellguard-assessment',
      formatVersion: currentFormatVersion,
      questionSet: { id: set.id, version: set.version },
      ...meta,
      ...(assessor === undefined ? {} : { assessor }),
      createdAt: '2026-10-01T09:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      answers: record,
    } satisfies Assessment;
  });

const withoutExportTime = (file: string) =>
  file.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

describe('assessment files: export and import', () => {
  it('round-trips losslessly: export, import, export gives the same file apart from the export time (500 runs; the store round trip adds 150 sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentArbitrary, async (assessment) => {
        const first = await exportedFile(assessment, new Date('2026-11-26T10:00:00Z'));
        const imported = await importAssessmentFile(first, set);
        if (!imported.ok) throw new Error(JSON.stringify(imported));
        expect(imported.value.assessment).toEqual(assessment);
        expect(imported.value.integrity).toBe('verified');
        const second = await exportedFile(
          imported.value.assessment,
          new Date('2027-01-02T03:04:05Z'),
        );
        expect(withoutExportTime(second)).toBe(withoutExportTime(first));
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('detects a hand edit or a damaged file through the SHA-256 digest, but not a change of indentation', async () => {
    const file = await exportedFile(fixtureAssessment('middle-profile'), new Date());
    const edited = file.replace('"choice": "verified"', '"choice": "all"');
    expect(edited).not.toBe(file);
    expect(await importAssessmentFile(edited, set)).toEqual({
      ok: false,
      problems: [
        {
          path: 'integrity.digest',
          message:
            'The file does not match its SHA-256 digest: it was changed or damaged after it was exported. Export it again from the original browser.',
        },
      ],
    });
    const reindented = JSON.stringify(JSON.parse(file), null, 4);
    expect((await importAssessmentFile(reindented, set)).ok).toBe(true);
    expect(await importAssessmentFile(file.slice(0, file.length / 2), set)).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          message:
            'The file is not a Cellguard file: it is not JSON text, or it was cut off before its end.',
        },
      ],
    });
  });

  it('reads a format 1 file (no digest) and upgrades it to format 4', async () => {
    const result = await importAssessmentFile(fixtureText('v1/middle-profile'), set);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.integrity).toBe('absent');
    expect(result.value.assessment.formatVersion).toBe(currentFormatVersion);
  });

  it('asks for the passphrase of an encrypted file, opens it with the right one and refuses a wrong one', async () => {
    const assessment = fixtureAssessment('unicode-operator');
    const encrypted = await exportedFile(assessment, new Date(), 'correct horse battery staple');
    expect(encrypted).not.toContain('Северный');
    const locked = await importAssessmentFile(encrypted, set);
    expect(!locked.ok && locked.problems.map((p) => p.code)).toEqual(['needs-passphrase']);
    const opened = await importAssessmentFile(encrypted, set, 'correct horse battery staple');
    expect(opened.ok && opened.value.assessment.organisation).toBe('ПАО «Северный Телеком»');
    expect(await importAssessmentFile(encrypted, set, 'wrong horse battery staple')).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          code: 'wrong-passphrase',
          message: 'The passphrase is wrong, or the file was changed after it was encrypted.',
        },
      ],
    });
  });
});
