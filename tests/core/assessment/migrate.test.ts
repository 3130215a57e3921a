import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/assessment/model.ts';
import { parseAssessmentText } from '../../../src/core/assessment/parseFile.ts';
import { formatProblem } from '../../../src/core/result.ts';
import { loadQuestionSetFolder } from '../../../src/node/questionSetFolder.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

const fixtures = join(import.meta.dirname, '../../fixtures');
const load = (folder: string) => {
  const result = loadQuestionSetFolder(join(fixtures, 'question-sets', folder));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};
const v1File = readFileSync(join(fixtures, 'assessments/worked-example.json'), 'utf8');

describe('question-set migrations', () => {
  it('opens a 1.0.0 assessment under 2.0.0 with renamed, split, removed and re-labelled answers mapped and listed', () => {
    const result = parseAssessmentText(v1File, load('worked-example-v2'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.value.assessment.questionSet).toEqual({ id: 'worked-example', version: '2.0.0' });
    expect(result.value.assessment.answers).toEqual({
      'WEB-01': { choice: 'partial' },
      'WEB-03': { choice: 'unknown' },
      'NET-01': { choice: 'full', carriedOver: true },
      'NET-03': { choice: 'full', carriedOver: true },
    });
    expect(result.value.migrated).toEqual([
      '"Not applicable" now has its own reason field; the note of NET-02 became its reason. Check that it says why the control does not apply.',
      'WEB-02 is now WEB-03; its answer was kept.',
      'NET-01 was split into NET-01 and NET-03; its answer was copied to each, marked for confirmation.',
      'NET-02 was removed (merged into the network architecture review); its answer "na", reason "No such network in this example." is not carried into the new version.',
      'WEB-01: the answer "half" is now called "partial".',
    ]);
  });

  it('keeps same-version answers unchanged and lists only the move of the N/A reason out of the note', () => {
    const result = parseAssessmentText(v1File, load('worked-example'));
    expect(result.ok && result.value.migrated).toEqual([
      '"Not applicable" now has its own reason field; the note of NET-02 became its reason. Check that it says why the control does not apply.',
    ]);
    expect(result.ok && result.value.assessment.answers['NET-02']).toEqual({
      choice: 'na',
      naReason: 'No such network in this example.',
    });
  });

  it('validates that a migration points at questions and options of the new version', () => {
    const files = new Map<string, string>();
    const folder = join(fixtures, 'question-sets/worked-example-v2');
    for (const name of ['set.yaml', 'web.yaml', 'net.yaml', 'migrations.yaml'])
      files.set(name, readFileSync(join(folder, name), 'utf8'));
    files.set(
      'migrations.yaml',
      (files.get('migrations.yaml') ?? '')
        .replace('to: WEB-03', 'to: WEB-09')
        .replace('to: partial', 'to: halfway'),
    );
    return import('../../../src/core/questionSet/parse.ts').then(({ parseQuestionSet }) => {
      const result = parseQuestionSet(files);
      expect(result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
        'migrations[0].questions[0].to: WEB-09 is not a question of 2.0.0',
        'migrations[0].options[0].to: WEB-01 has no option halfway',
      ]);
    });
  });
});

describe('the Soft Cell set 1.0.0 → 2.0.0', () => {
  const set = loadShippedSet();
  const [migration] = set.migrations;
  // Every question the migration names; any other answer must come through untouched.
  const named = new Set([
    ...(migration?.questions ?? []).flatMap((m) => [m.from, ...('to' in m ? [m.to].flat() : [])]),
    ...(migration?.options ?? []).map((o) => o.question),
    ...(migration?.confirm ?? []).map((c) => c.question),
  ]);
  const names = [
    'all-best',
    'all-worst',
    'mature-operator',
    'middle-profile',
    'soft-cell-victim',
    'unicode-operator',
  ];

  it.each(names)('imports the 1.0.0 fixture %s, migrated, with every change listed', (name) => {
    const text = readFileSync(join(fixtures, 'assessments/v1', `${name}.json`), 'utf8');
    const original = JSON.parse(text) as { answers: Record<string, Answer> };
    const result = parseAssessmentText(text, set);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.value.assessment.questionSet).toEqual({ id: 'softcell', version: '2.0.0' });
    expect(result.value.migrated.length).toBeGreaterThan(0);
    for (const [id, answer] of Object.entries(original.answers)) {
      if (!named.has(id)) expect(result.value.assessment.answers[id], id).toEqual(answer);
    }
    // A dropped answer is named in the list, with its reason.
    if (original.answers['SUB-04'])
      expect(result.value.migrated.some((line) => line.startsWith('SUB-04 was removed ('))).toBe(
        true,
      );
    // The split answers are copied and marked for confirmation.
    for (const id of ['CRD-09', 'EDR-08'])
      if (result.value.assessment.answers[id])
        expect(result.value.assessment.answers[id]?.carriedOver).toBe(true);
  });

  it('moves an answer whose ladder changed to the option it still guarantees, and asks to confirm it', () => {
    const text = readFileSync(join(fixtures, 'assessments/v1/all-best.json'), 'utf8');
    const result = parseAssessmentText(text, set);
    if (!result.ok) throw new Error('all-best did not import');
    expect(result.value.assessment.answers['RAE-02']).toEqual({ choice: 'sms', carriedOver: true });
    expect(result.value.migrated).toContain(
      'RAE-02: your answer "verified" became "All, including SMS codes" because 1.0.0 gave full credit to any app-based MFA, including simple push approval, which now scores with SMS; "All, app-based" needs number matching or one-time codes, and full credit FIDO2 or certificates; confirm it or change it.',
    );
    expect(result.value.assessment.answers['EDR-08']).toEqual({ choice: 'all', carriedOver: true });
  });
});
