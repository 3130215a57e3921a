import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../../src/core/assessment/parseFile.ts';
import { formatProblem } from '../../../src/core/result.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

const set = loadShippedSet();
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/assessments', `${name}.json`), 'utf8');
const valid = () =>
  JSON.parse(fixture('middle-profile')) as Record<string, unknown> & {
    answers: Record<string, unknown>;
  };

function problemsOf(text: string): string[] {
  const result = parseAssessmentText(text, set);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('parseAssessmentText', () => {
  it.each(['all-best', 'all-worst', 'soft-cell-victim', 'mature-operator', 'middle-profile'])(
    'accepts the %s fixture',
    (name) => {
      expect(problemsOf(fixture(name))).toEqual([]);
    },
  );

  it('names a choice that is not an option of its question, with the JSON path and the allowed answers', () => {
    const file = valid();
    file.answers['EXP-02'] = { choice: 'maybe' };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'answers.EXP-02.choice: "maybe" is not an answer to EXP-02; it accepts none, some, most, all, verified, na, unknown.',
    ]);
  });

  it('names a question id the set does not have', () => {
    const file = valid();
    file.answers['EXP-99'] = { choice: 'none' };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'answers.EXP-99: EXP-99 is not a question of softcell 2.0.0.',
    ]);
  });

  it('reports wrong types in plain words with their paths', () => {
    const file = valid();
    file.organisation = 42;
    file.answers['EXP-02'] = { choice: 'none', due: '2027-02-30' };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'organisation: must be a string, not number',
      'answers.EXP-02.due: must be a real date written YYYY-MM-DD',
    ]);
  });

  it('refuses unknown fields rather than dropping them', () => {
    const file = valid();
    file.answers['EXP-02'] = { choice: 'none', score: 100 };
    expect(problemsOf(JSON.stringify(file))).toEqual(['answers.EXP-02: has unknown field "score"']);
  });

  it('refuses prototype keys anywhere in the file', () => {
    const text = fixture('middle-profile').replace(
      '"answers": {',
      '"answers": {\n    "__proto__": { "polluted": true },',
    );
    expect(problemsOf(text)).toEqual([
      'answers.__proto__: uses the reserved name "__proto__", which is never valid here',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = fixture('middle-profile').replace(
      '"choice": "none"',
      '"constructor": {"prototype": {}}, "choice": "none"',
    );
    expect(problemsOf(nested)[0]).toMatch(/uses the reserved name "constructor"/);
  });

  it('refuses deep nesting without exhausting the stack', () => {
    const deep = `{"format":"cellguard-assessment","answers":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(problemsOf(deep)).toEqual([
      'answers[0][0][0][0][0][0][0][0][0][0][0]: is nested far deeper than an assessment file ever is',
    ]);
  });

  it('refuses giant strings and giant files', () => {
    const file = valid();
    file.answers['EXP-02'] = { choice: 'none', note: 'x'.repeat(30_000) };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'answers.EXP-02.note: is 30,000 characters long; the limit is 20,000',
    ]);
    expect(problemsOf(' '.repeat(6_000_000))).toEqual([
      'The file is 6.0 MB; an assessment file is never larger than 5 MB.',
    ]);
  });

  it('explains truncated or non-JSON input', () => {
    const truncated = fixture('middle-profile').slice(0, 500);
    const notJson =
      'The file is not a Cellguard file: it is not JSON text, or it was cut off before its end.';
    expect(problemsOf(truncated)).toEqual([notJson]);
    expect(problemsOf('%PDF-1.7 binary')).toEqual([notJson]);
    expect(problemsOf('[1,2,3]')).toEqual([
      'The file does not contain an assessment (expected a JSON object).',
    ]);
    expect(problemsOf('{"format":"csv"}')).toEqual([
      'format: This is not a Cellguard assessment file (expected format "cellguard-assessment").',
    ]);
  });

  it('drops "taken from another set" from an answer that is confirmed, as nothing rests on it', () => {
    const file = valid();
    file.formatVersion = 5;
    const takenFrom = { set: 'comms-hardening', cycle: '2026-Q4', question: 'MPL-01' };
    file.answers['SEG-06'] = { choice: 'most', takenFrom };
    file.answers['SEG-02'] = { choice: 'strict', carriedOver: true, takenFrom };
    const result = parseAssessmentText(JSON.stringify(file), set);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.value.assessment.answers['SEG-06']).toEqual({ choice: 'most' });
    expect(result.value.assessment.answers['SEG-02']?.takenFrom).toEqual(takenFrom);
  });

  it('refuses an unknown format version, saying whether it is newer', () => {
    const file = valid();
    file.formatVersion = 7;
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'formatVersion: The file was written by a newer Cellguard (format 7); this version reads formats up to 6. Update Cellguard to open it.',
    ]);
    file.formatVersion = '1';
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'formatVersion: The file\'s format version "1" is not one this version of Cellguard knows.',
    ]);
  });

  it('refuses another question set or an incompatible version of this one', () => {
    const file = valid();
    file.questionSet = { id: 'gsma-fs31', version: '1.0.0' };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'questionSet.id: The file answers question set "gsma-fs31", but this Cellguard has "softcell".',
    ]);
    file.questionSet = { id: 'softcell', version: '3.0.0' };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      "questionSet.version: The file was answered under softcell 3.0.0, newer than this Cellguard's 2.0.0. Update Cellguard to open it.",
    ]);
    file.questionSet = { id: 'softcell', version: '0.9.0' };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'questionSet.version: The file was answered under softcell 0.9.0; this Cellguard has 2.0.0 and no migration from version 0.',
    ]);
  });
});
