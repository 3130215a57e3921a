import type { z } from '../shared/zod.ts';
import { inspectJson } from '../assessment/inspectJson.ts';
import { contentDigest } from '../integrity/digest.ts';
import { fail, succeed, type Problem, type Result } from '../result.ts';
import { describeIssue, formatPath } from '../shared/zodIssues.ts';

/** What a file kind tells the shared checks: its format name, its versions, its schema and its name in sentences. */
export interface FileKind<T> {
  format: string;
  version: number;
  schema: z.ZodType<T>;
  /** "a questionnaire", as in "This is not a questionnaire". */
  noun: string;
  /** What to do with a file of another Cellguard kind, by its format name. */
  otherKinds: Readonly<Record<string, string>>;
}

/**
 * The checks every questionnaire and response file passes before its own rules: the hostile-JSON
 * guards, its format and version, its schema, and its SHA-256 digest (which both kinds always
 * carry: they are only ever written by Cellguard). Never throws.
 */
export function checkedFile<T extends { integrity: { digest: string } }>(
  value: unknown,
  kind: FileKind<T>,
): Result<{ file: T; digest: string }> {
  const hostile = inspectJson(value);
  if (hostile) return fail(hostile);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail({ path: '', message: `The file is not ${kind.noun} (expected a JSON object).` });
  const record = value as Record<string, unknown>;
  if (record.format === 'cellguard-encrypted')
    return fail({
      path: 'format',
      code: 'needs-passphrase',
      message: 'This file is encrypted; open it with its passphrase.',
    });
  if (record.format !== kind.format) {
    const other = typeof record.format === 'string' ? kind.otherKinds[record.format] : undefined;
    return fail({
      path: 'format',
      message: other ?? `This is not ${kind.noun} (expected format "${kind.format}").`,
    });
  }
  if (record.formatVersion !== kind.version) {
    const version = record.formatVersion;
    const newer = typeof version === 'number' && version > kind.version;
    return fail({
      path: 'formatVersion',
      message: newer
        ? `The file was written by a newer Cellguard (format ${version}); this one reads format ${kind.version}. Update Cellguard to open it.`
        : version === undefined
          ? `The file does not say which format version it is, as every file Cellguard writes does. Ask for the file again.`
          : `The file's format version ${shortJson(version)} is not one this version of Cellguard knows.`,
    });
  }
  const parsed = kind.schema.safeParse(value);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) =>
      issue.path[0] === 'integrity'
        ? editedDigest
        : { path: formatPath(issue.path), message: describeIssue(issue) },
    );
    return fail(...new Set(problems));
  }
  const digest = contentDigest(record);
  if (parsed.data.integrity.digest !== digest)
    return fail({
      path: 'integrity.digest',
      message:
        'The file does not match its SHA-256 digest: it was changed or damaged after Cellguard wrote it. Ask for the file again.',
    });
  return succeed({ file: parsed.data, digest });
}

/** A value as the file has it, cut short: a message quotes it, never a whole hostile value. */
function shortJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const editedDigest: Problem = {
  path: 'integrity',
  message:
    "The file's SHA-256 digest is missing, changed or damaged, so Cellguard cannot check the file. Ask for the file again.",
};

/** The file's text with its digest, as Cellguard writes every questionnaire and response. */
export function sealedJson(content: Record<string, unknown>, at: Date): string {
  const integrity = {
    algorithm: 'SHA-256',
    digest: contentDigest(content),
    exportedAt: at.toISOString(),
  };
  return `${JSON.stringify({ ...content, integrity }, null, 2)}\n`;
}
