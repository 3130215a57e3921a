import type { QuestionSet } from '../questionSet/schema.ts';
import { fail, succeed, type Problem, type Result } from '../result.ts';
import { contentDigest } from '../integrity/digest.ts';
import { describeIssue, formatPath } from '../shared/zodIssues.ts';
import { assessmentFileSchema } from './fileSchema.ts';
import { importLimits, inspectJson, scanJsonText } from './inspectJson.ts';
import { upgradeAnswers } from './upgradeFormat.ts';
import { migrateToSet } from './migrate.ts';
import { checkAnswers } from './checkAnswers.ts';
import {
  assessmentFormat,
  currentFormatVersion,
  readableFormatVersions,
  type Assessment,
} from './model.ts';

export interface ParsedAssessment {
  assessment: Assessment;
  /** 'verified' when the file carried a matching digest; 'absent' for files without one. */
  integrity: 'verified' | 'absent';
  /** Changes made to bring an older question-set version up to date, in plain words. */
  migrated: string[];
}

/** Megabytes to one decimal, rounded up: a file just over the limit never reads as the limit. */
const megabytes = (size: number) => (Math.ceil(size / 100_000) / 10).toFixed(1);

/**
 * The problem with a file of this size, in bytes or in characters of its text, if it is larger
 * than any assessment file: checked before the file is read, and again on its text.
 */
export function fileSizeProblem(size: number): Problem | undefined {
  if (size <= importLimits.maxBytes) return undefined;
  return {
    path: '',
    message: `The file is ${megabytes(size)} MB; an assessment file is never larger than ${importLimits.maxBytes / 1e6} MB.`,
  };
}

/**
 * A file's text as JSON. A file larger than any assessment, or one that nests too deep, holds too
 * many entries or a reserved name, is refused before JSON.parse builds anything (see
 * scanJsonText), so that it cannot freeze the tab. Strings longer than `maxStringLength` are
 * refused too. A byte-order mark is ignored. Never throws.
 */
export function parseJsonText(
  text: string,
  maxStringLength = importLimits.maxStringLength,
): Result<unknown> {
  const tooLarge = fileSizeProblem(text.length);
  if (tooLarge) return fail(tooLarge);
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return fail({ path: '', message: 'The file is empty.' });
  const hostile = scanJsonText(json, maxStringLength);
  if (hostile) return fail(hostile);
  try {
    return succeed(JSON.parse(json));
  } catch {
    return fail({
      path: '',
      message:
        'The file is not a Cellguard file: it is not JSON text, or it was cut off before its end.',
    });
  }
}

/** Reads an assessment file's text: JSON first, then every rule of the contract. Never throws. */
export function parseAssessmentText(text: string, sets: SetChoice): Result<ParsedAssessment> {
  const json = parseJsonText(text);
  return json.ok ? parseAssessmentValue(json.value, sets) : json;
}

/** The digest an exported file must carry: over everything but the integrity block itself. */
export const assessmentDigest = contentDigest;

/** The set a file must answer, or the sets it may answer (then its own id picks one). */
export type SetChoice = QuestionSet | readonly QuestionSet[];

/** Checks already-parsed JSON against the contract and against the question set. Never throws. */
export function parseAssessmentValue(value: unknown, sets: SetChoice): Result<ParsedAssessment> {
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
      code: 'needs-passphrase',
      message: 'This file is encrypted; open it with its passphrase.',
    });
  }
  if (record.format === 'cellguard-backup') {
    return fail({
      path: 'format',
      message:
        'This is a Cellguard backup of a whole device, not one assessment: restore it with "Back up or restore everything" on the home page.',
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
        : version === undefined
          ? 'The file does not say which format version it is written in; Cellguard always writes one. Export the file again.'
          : `The file's format version ${JSON.stringify(version).slice(0, 40)} is not one this version of Cellguard knows.`,
    });
  }
  const parsed = assessmentFileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path[0] === 'integrity'
        ? editedDigest
        : { path: formatPath(issue.path), message: describeIssue(issue) },
    );
    // However many parts of the digest block are wrong, the user learns one thing: it was edited.
    return fail(...new Set(problems));
  }
  const { integrity, ...content } = parsed.data;
  if (integrity && integrity.digest !== assessmentDigest(record)) {
    return fail({
      path: 'integrity.digest',
      message:
        'The file does not match its SHA-256 digest: it was changed or damaged after it was exported. Export it again from the original browser.',
    });
  }
  const library = Array.isArray(sets) ? sets : [sets as QuestionSet];
  const set = library.find((candidate) => candidate.id === content.questionSet.id);
  if (!set) {
    const known = library.map((s) => `"${s.id}"`).join(', ');
    const titles = library.map((s) => s.title).join('; ');
    return fail({
      path: 'questionSet.id',
      message: `The file answers question set "${content.questionSet.id}", but this Cellguard has ${known}.`,
      pageMessage: `The file answers another set of questions than this Cellguard's (${titles}).`,
    });
  }
  const formatUpgrade = upgradeAnswers(content.answers, content.formatVersion);
  const upgraded: Assessment = {
    ...content,
    formatVersion: currentFormatVersion,
    answers: formatUpgrade.answers,
  };
  const migration = migrateToSet(upgraded, set);
  if (!migration.ok) return migration;
  const problems = checkAnswers(migration.value.assessment, set);
  if (problems.length > 0) return fail(...problems);
  return succeed({
    assessment: migration.value.assessment,
    integrity: integrity ? 'verified' : 'absent',
    migrated: [...formatUpgrade.changes, ...migration.value.changes],
  });
}

/** A digest block that does not have the shape export writes: someone edited it. */
const editedDigest: Problem = {
  path: 'integrity',
  message:
    "The file's SHA-256 digest was changed or damaged after the file was exported, so Cellguard cannot check it. Export it again from the original browser.",
};
