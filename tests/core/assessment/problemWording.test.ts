import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSizeProblem, parseAssessmentText } from '../../../src/core/assessment/parseFile.ts';
import { describePlace, describeProblem, formatProblem } from '../../../src/core/result.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

const set = loadShippedSet();
const valid = () =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../fixtures/assessments/middle-profile.json'),
      'utf8',
    ),
  ) as Record<string, unknown> & { answers: Record<string, unknown> };

const problemsOf = (file: unknown) => {
  const result = parseAssessmentText(JSON.stringify(file), set);
  return result.ok ? [] : result.problems;
};

describe("problems in the user's words", () => {
  it('names fields as the form does, and answers by their question', () => {
    expect(describePlace('answers.EXP-01.note')).toBe('question EXP-01, note');
    expect(describePlace('answers.EXP-01.due')).toBe('question EXP-01, due date');
    expect(describePlace('answers.EXP-01.choice')).toBe('question EXP-01, answer');
    expect(describePlace('answers.EXP-01')).toBe('question EXP-01');
    expect(describePlace('organisation')).toBe('organisation');
    expect(describePlace('questionSet.version')).toBe('question set version');
    expect(describePlace('')).toBe('the file');
  });

  it('names a place no form has by its nearest known part', () => {
    expect(describePlace('answers[0][0][0]')).toBe('answers');
    expect(describePlace('integrity.algorithm')).toBe('digest');
    expect(describePlace('kdf.salt')).toBe('the file');
  });

  it('shows the page plain lines, while the command line keeps the paths', () => {
    const file = valid();
    file.organisation = 42;
    file.answers['EXP-02'] = { choice: 'none', due: '2027-02-30', note: 'x'.repeat(30_000) };
    file.answers['EXP-99'] = { choice: 'none' };
    expect(problemsOf(file).map(describeProblem)).toEqual([
      'Question EXP-02, note: is 30,000 characters long; the limit is 20,000',
    ]);
    file.answers['EXP-02'] = { choice: 'none', due: '2027-02-30' };
    const problems = problemsOf(file);
    expect(problems.map(describeProblem)).toEqual([
      'Organisation: must be a string, not number',
      'Question EXP-02, due date: must be a real date written YYYY-MM-DD',
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'organisation: must be a string, not number',
      'answers.EXP-02.due: must be a real date written YYYY-MM-DD',
    ]);
  });

  it('lets a message that is a whole sentence stand alone', () => {
    const file = valid();
    file.answers['EXP-99'] = { choice: 'none' };
    expect(problemsOf(file).map(describeProblem)).toEqual([
      'EXP-99 is not a question of softcell 2.0.0.',
    ]);
    file.answers = { 'EXP-02': { choice: 'maybe' } };
    expect(problemsOf(file).map(describeProblem)).toEqual([
      'Question EXP-02, answer: "maybe" is not an answer to EXP-02; it accepts none, some, most, all, verified, na, unknown.',
    ]);
  });

  it('gives an oversize file its size and the limit in MB, never rounding down to the limit', () => {
    expect(fileSizeProblem(5_000_000)).toBeUndefined();
    expect(fileSizeProblem(5_000_001)?.message).toBe(
      'The file is 5.1 MB; an assessment file is never larger than 5 MB.',
    );
    expect(fileSizeProblem(12_345_678)?.message).toBe(
      'The file is 12.4 MB; an assessment file is never larger than 5 MB.',
    );
  });
});

describe('files that are not what the page expects', () => {
  it('says an empty file is empty', () => {
    const result = parseAssessmentText('  \n', set);
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual(['The file is empty.']);
  });

  it('points a backup of a whole device to where it is restored', () => {
    expect(problemsOf({ format: 'cellguard-backup', formatVersion: 1 })).toEqual([
      {
        path: 'format',
        message:
          'This is a Cellguard backup of a whole device, not one assessment: restore it with "Back up or restore everything" on the home page.',
      },
    ]);
  });
});
