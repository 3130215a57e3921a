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

  it('names a question by its id and title, and answers by the labels the page shows', () => {
    const file = valid();
    file.answers['EXP-99'] = { choice: 'none' };
    expect(problemsOf(file).map(describeProblem)).toEqual([
      'The file answers question EXP-99, which the questions of this Cellguard (Operation Soft Cell exposure assessment 2.0.0) do not include.',
    ]);
    file.questionSet = { id: 'other-set', version: '1.0.0' };
    expect(problemsOf(file).map(describeProblem)).toEqual([
      "The file answers another set of questions than this Cellguard's (Operation Soft Cell exposure assessment).",
    ]);
    file.questionSet = { id: 'softcell', version: '2.0.0' };
    file.answers = { 'EXP-02': { choice: 'ex02-all' } };
    const problems = problemsOf(file);
    expect(problems.map(describeProblem)).toEqual([
      'Question EXP-02 "WAF in blocking mode" has the answer "ex02-all", which it does not offer; its answers are "None", "Some, blocking", "Most, blocking", "All, blocking", "All, blocking, verified", "Not applicable" and "Don\'t know".',
    ]);
    // The command line keeps the ids, which are what an editor of the file writes.
    expect(problems.map(formatProblem)).toEqual([
      'answers.EXP-02.choice: "ex02-all" is not an answer to EXP-02; it accepts none, some, most, all, verified, na, unknown.',
    ]);
  });

  it('says in one plain line that a digest edited by hand cannot be checked', () => {
    const edited =
      "The file's SHA-256 digest was changed or damaged after the file was exported, so Cellguard cannot check it. Export it again from the original browser.";
    const exported = () =>
      ({
        ...valid(),
        integrity: {
          algorithm: 'SHA-256',
          digest: 'ab'.repeat(32),
          exportedAt: '2026-11-26T10:00:00Z',
        },
      }) as Record<string, unknown> & { integrity: Record<string, unknown> };
    const shortened = exported();
    shortened.integrity.digest = 'ab'.repeat(20);
    const renamed = exported();
    renamed.integrity.algorithm = 'MD5';
    delete renamed.integrity.exportedAt;
    for (const file of [shortened, renamed]) {
      expect(problemsOf(file).map(describeProblem)).toEqual([edited]);
    }
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
