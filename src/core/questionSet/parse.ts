import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { describeIssue, formatPath } from '../shared/zodIssues.ts';
import { succeed, type Result } from '../result.ts';
import type { SetProblem } from './problems.ts';
import { migrationFileSchema, type SetMigration } from './migrationSchema.ts';
import {
  type ControlQuestion,
  domainFileSchema,
  questionSchema,
  setFileSchema,
  type Question,
  type QuestionSet,
} from './schema.ts';
import { crossCheck } from './validate.ts';
import { equivalenceFileSchema, type Equivalence } from './equivalenceSchema.ts';
import { equivalenceFileName } from './equivalences.ts';

/** Where in the file a schema issue points, when it points below the file's top level. */
const fieldOf = (issue: z.core.$ZodIssue): { field?: string } => {
  const path = formatPath(issue.path);
  return path ? { field: path } : {};
};

export type ParseSetResult = Result<QuestionSet, SetProblem>;

export const setFileName = 'set.yaml';
export const migrationFileName = 'migrations.yaml';

function readYaml(file: string, source: string, problems: SetProblem[]): unknown {
  const document = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  const [firstError] = document.errors;
  if (firstError) {
    // Later errors are nearly always echoes of the first one, so only the first is worth reading.
    const line = firstError.linePos?.[0].line;
    problems.push({
      file,
      message: `YAML syntax error${line ? ` on line ${line}` : ''}: ${firstError.message.split('\n')[0]}`,
    });
    return undefined;
  }
  try {
    // Aliases are refused so that a crafted file cannot expand into a billion-laughs bomb.
    return document.toJS({ maxAliasCount: 0 });
  } catch {
    problems.push({
      file,
      message: 'uses YAML anchors and aliases (& and *), which question files must not',
    });
    return undefined;
  }
}

/**
 * Reads a question set from its files (set.yaml and one file per domain, by name) and checks it
 * against the contract. Pure: the caller reads the files, from disk or from a bundle.
 */
export function parseQuestionSet(files: ReadonlyMap<string, string>): ParseSetResult {
  const problems: SetProblem[] = [];
  const setSource = files.get(setFileName);
  if (setSource === undefined) {
    return {
      ok: false,
      problems: [{ file: setFileName, message: 'the set folder has no set.yaml' }],
    };
  }
  const setParsed = setFileSchema.safeParse(readYaml(setFileName, setSource, problems));
  if (!setParsed.success) {
    if (problems.length === 0) {
      for (const issue of setParsed.error.issues) {
        problems.push({
          file: setFileName,
          ...fieldOf(issue),
          message: describeIssue(issue),
        });
      }
    }
    return { ok: false, problems };
  }
  const setFile = setParsed.data;
  const sharedRemediations = new Map(setFile.remediations.map((r) => [r.id, r]));
  const questions: Question[] = [];
  const fileOf = new Map<string, string>();

  for (const domain of setFile.domains) {
    const source = files.get(domain.file);
    if (source === undefined) {
      problems.push({
        file: setFileName,
        field: `domains.${domain.id}.file`,
        message: `${domain.file} does not exist in the set folder`,
      });
      continue;
    }
    const problemsBefore = problems.length;
    const domainFile = domainFileSchema.safeParse(readYaml(domain.file, source, problems));
    if (problems.length > problemsBefore) continue;
    if (!domainFile.success) {
      for (const issue of domainFile.error.issues) {
        problems.push({
          file: domain.file,
          ...fieldOf(issue),
          message: describeIssue(issue),
        });
      }
      continue;
    }
    domainFile.data.questions.forEach((raw, index) => {
      const rawId =
        raw !== null && typeof raw === 'object' && 'id' in raw ? String(raw.id) : undefined;
      const withDomain =
        raw !== null && typeof raw === 'object' && !('domain' in raw)
          ? { ...raw, domain: domain.id }
          : raw;
      const parsed = questionSchema.safeParse(withDomain);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({
            file: domain.file,
            questionId: rawId ?? `question #${index + 1}`,
            ...fieldOf(issue),
            message: describeIssue(issue),
          });
        }
        return;
      }
      if (parsed.data.domain !== domain.id) {
        problems.push({
          file: domain.file,
          questionId: parsed.data.id,
          field: 'domain',
          message: `is ${parsed.data.domain} but the file belongs to domain ${domain.id}`,
        });
        return;
      }
      const firstFile = fileOf.get(parsed.data.id);
      if (firstFile !== undefined) {
        problems.push({
          file: domain.file,
          questionId: parsed.data.id,
          field: 'id',
          message: `is already used by a question in ${firstFile}; ids must be unique`,
        });
        return;
      }
      fileOf.set(parsed.data.id, domain.file);
      const question = resolveRemediation(parsed.data, sharedRemediations);
      if (typeof question === 'string') {
        problems.push({
          file: domain.file,
          questionId: parsed.data.id,
          field: 'remediation',
          message: question,
        });
        return;
      }
      questions.push(question);
    });
  }
  for (const shared of setFile.remediations) {
    if (fileOf.has(shared.id)) {
      problems.push({
        file: setFileName,
        field: `remediations.${shared.id}`,
        message: 'uses the id of a question; pick another id',
      });
    } else if (
      !questions.some(
        (q) => q.kind === 'control' && q.remediation === sharedRemediations.get(shared.id),
      )
    ) {
      problems.push({
        file: setFileName,
        field: `remediations.${shared.id}`,
        message: 'is not used by any question',
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const migrations = readMigrations(files.get(migrationFileName), problems);
  const equivalences = readEquivalences(files.get(equivalenceFileName), problems);
  if (problems.length > 0) return { ok: false, problems };

  const { remediations: _sharedRemediations, ...setFields } = setFile;
  const set: QuestionSet = {
    ...setFields,
    domains: setFile.domains.map(({ id, title, summary }) => ({ id, title, summary })),
    techniques: Object.fromEntries(
      Object.entries(setFile.techniques).map(([id, technique]) => [
        id,
        typeof technique === 'string' ? { name: technique } : technique,
      ]),
    ),
    questions,
    migrations,
    equivalences,
  };
  problems.push(...crossCheck(set, (questionId) => fileOf.get(questionId) ?? setFileName));
  return problems.length > 0 ? { ok: false, problems } : succeed(set);
}

type RawQuestion = ReturnType<typeof questionSchema.parse>;

/** Replaces a shared remediation's id by its text; returns a message when the id is unknown. */
function resolveRemediation(
  question: RawQuestion,
  shared: ReadonlyMap<string, ControlQuestion['remediation']>,
): Question | string {
  if (question.kind === 'scope') return question;
  const { remediation } = question;
  if (typeof remediation !== 'string')
    return { ...question, remediation: { id: question.id, ...remediation } };
  const found = shared.get(remediation);
  return found
    ? { ...question, remediation: found }
    : `${remediation} is not a shared remediation in set.yaml`;
}

/** An optional file of the set folder, checked against its schema; undefined when absent or bad. */
function readOptionalFile<T>(
  file: string,
  source: string | undefined,
  schema: z.ZodType<T>,
  problems: SetProblem[],
): T | undefined {
  if (source === undefined) return undefined;
  const before = problems.length;
  const parsed = schema.safeParse(readYaml(file, source, problems));
  if (problems.length > before) return undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ file, ...fieldOf(issue), message: describeIssue(issue) });
    return undefined;
  }
  return parsed.data;
}

function readMigrations(source: string | undefined, problems: SetProblem[]): SetMigration[] {
  return (
    readOptionalFile(migrationFileName, source, migrationFileSchema, problems)?.migrations ?? []
  );
}

/** The facts shared with another set; whether they match that set is checked with both loaded. */
function readEquivalences(source: string | undefined, problems: SetProblem[]): Equivalence[] {
  const file = readOptionalFile(equivalenceFileName, source, equivalenceFileSchema, problems);
  return file ? [file] : [];
}
