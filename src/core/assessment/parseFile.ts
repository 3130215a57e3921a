import type { QuestionSet } from '../questionSet/schema.ts';
import { canonicalJson } from '../integrity/canonicalJson.ts';
import { sha256Hex } from '../integrity/sha256.ts';
import { describeIssue, formatPath } from '../shared/zodIssues.ts';
import { assessmentFileSchema } from './fileSchema.ts';
import { importLimits, inspectJson } from './inspectJson.ts';
import { migrateToSet } from './migrate.ts';
import {
  assessmentFormat,
  currentFormatVersion,
  readableFormatVersions,
  type Assessment,
} from './model.ts';

export interface FileProblem {
  /** Where in the file, as a JSON path such as `answers.EXP-02.choice`; empty for the whole file. */
  path: string;
  message: string;
}

export type ParseAssessmentResult =
  | {
      ok: true;
      assessment: Assessment;
      /** 'verified' when the file carried a matching digest; 'absent' for files without one. */
      integrity: 'verified' | 'absent';
      /** Changes made to bring an older question-set version up to date, in plain words. */
      migrated: string[];
    }
  | { ok: false; problems: FileProblem[] };

export function formatFileProblem(problem: FileProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

const fail = (...problems: FileProblem[]): ParseAssessmentResult => ({ ok: false, problems });

/** Reads an assessment file's text: JSON first, then every rule of the contract. Never throws. */
export function parseAssessmentText(text: string, set: QuestionSet): ParseAssessmentResult {
  if (text.length > importLimits.maxBytes) {
    return fail({
      path: '',
      message: `The file is ${(text.length / 1e6).toFixed(1)} MB; an assessment file is never larger than ${importLimits.maxBytes / 1e6} MB.`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : '';
    return fail({
      path: '',
      message: `The file is not valid JSON, so it may be truncated or not an assessment file at all (${detail}).`,
    });
  }
  return parseAssessmentValue(value, set);
}

/** The digest an exported file must carry: over everything but the integrity block itself. */
export function assessmentDigest(file: Record<string, unknown>): string {
  const { integrity: _integrity, ...content } = file;
  return sha256Hex(canonicalJson(content));
}

/** Checks already-parsed JSON against the contract and against the question set. Never throws. */
export function parseAssessmentValue(value: unknown, set: QuestionSet): ParseAssessmentResult {
  const hostile = inspectJson(value);
  if (hostile) return fail(hostile);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail({
      path: '',
      message: 'The file does not contain an assessment (expected a JSON object).',
    });
  }
  const record = value as Record<string, unknown>;
  if (record.format === 'cellguard-encrypted') {
    return fail({
      path: 'format',
      message: 'This file is encrypted; open it with its passphrase.',
    });
  }
  if (record.format !== assessmentFormat) {
    return fail({
      path: 'format',
      message: `This is not a Cellguard assessment file (expected format "${assessmentFormat}").`,
    });
  }
  if (!readableFormatVersions.includes(record.formatVersion as number)) {
    const version = record.formatVersion;
    const newer = typeof version === 'number' && version > currentFormatVersion;
    return fail({
      path: 'formatVersion',
      message: newer
        ? `The file was written by a newer Cellguard (format ${version}); this version reads formats up to ${currentFormatVersion}. Update Cellguard to open it.`
        : `The file's format version ${JSON.stringify(version)} is not one this version of Cellguard knows.`,
    });
  }
  const parsed = assessmentFileSchema.safeParse(value);
  if (!parsed.success) {
    return fail(
      ...parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: describeIssue(issue),
      })),
    );
  }
  const { integrity, ...content } = parsed.data;
  if (integrity && integrity.digest !== assessmentDigest(record)) {
    return fail({
      path: 'integrity.digest',
      message:
        'The file does not match its SHA-256 digest: it was changed or damaged after it was exported. Export it again from the original browser.',
    });
  }
  if (content.questionSet.id !== set.id) {
    return fail({
      path: 'questionSet.id',
      message: `The file answers question set "${content.questionSet.id}", but this Cellguard has "${set.id}".`,
    });
  }
  const upgraded: Assessment = { ...content, formatVersion: currentFormatVersion };
  const migration = migrateToSet(upgraded, set);
  if (!migration.ok) return fail({ path: 'questionSet.version', message: migration.problem });
  const problems = checkAnswers(migration.outcome.assessment, set);
  if (problems.length > 0) return fail(...problems);
  return {
    ok: true,
    assessment: migration.outcome.assessment,
    integrity: integrity ? 'verified' : 'absent',
    migrated: migration.outcome.changes,
  };
}

function checkAnswers(assessment: Assessment, set: QuestionSet): FileProblem[] {
  const questions = new Map(set.questions.map((q) => [q.id, q]));
  const problems: FileProblem[] = [];
  for (const [questionId, answer] of Object.entries(assessment.answers)) {
    const question = questions.get(questionId);
    if (!question) {
      problems.push({
        path: `answers.${questionId}`,
        message: `${questionId} is not a question of ${set.id} ${set.version}.`,
      });
      continue;
    }
    const choice = answer.choice;
    if (choice === undefined || choice === 'na' || choice === 'unknown') continue;
    if (!question.options.some((o) => o.id === choice)) {
      const allowed = [...question.options.map((o) => o.id), 'na', 'unknown'].join(', ');
      problems.push({
        path: `answers.${questionId}.choice`,
        message: `"${choice}" is not an answer to ${questionId}; it accepts ${allowed}.`,
      });
    }
  }
  return problems;
}
