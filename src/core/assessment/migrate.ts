import type { QuestionMapping, SetMigration } from '../questionSet/migrationSchema.ts';
import { fail, succeed, type Result } from '../result.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import type { Answer, Assessment } from './model.ts';

export interface MigrationOutcome {
  assessment: Assessment;
  /** Every change made to the answers, in plain words, for the user to read. */
  changes: string[];
}

const major = (version: string) => Number(version.split('.')[0]);

function applyMapping(answers: Map<string, Answer>, mapping: QuestionMapping, changes: string[]) {
  const answer = answers.get(mapping.from);
  if ('drop' in mapping) {
    if (!answer) return;
    answers.delete(mapping.from);
    const kept = [
      answer.choice && `answer "${answer.choice}"`,
      answer.naReason && `reason "${answer.naReason}"`,
      answer.note && `note "${answer.note}"`,
      answer.evidence && `evidence "${answer.evidence}"`,
    ]
      .filter(Boolean)
      .join(', ');
    changes.push(
      `${mapping.from} was removed (${mapping.drop}); its ${kept || 'empty answer'} is not carried into the new version.`,
    );
    return;
  }
  if (!answer) return;
  const targets = Array.isArray(mapping.to) ? mapping.to : [mapping.to];
  answers.delete(mapping.from);
  if (targets.length === 1) {
    answers.set(targets[0] ?? mapping.from, answer);
    changes.push(`${mapping.from} is now ${targets[0]}; its answer was kept.`);
  } else {
    for (const target of targets) answers.set(target, { ...answer, carriedOver: true });
    changes.push(
      `${mapping.from} was split into ${targets.join(' and ')}; its answer was copied to each, marked for confirmation.`,
    );
  }
}

function applyMigration(
  answers: Map<string, Answer>,
  migration: SetMigration,
  changes: string[],
  set: QuestionSet,
) {
  for (const mapping of migration.questions) applyMapping(answers, mapping, changes);
  const labelOf = (questionId: string, optionId: string) =>
    set.questions.find((q) => q.id === questionId)?.options.find((o) => o.id === optionId)?.label ??
    optionId;
  for (const rename of migration.options) {
    const answer = answers.get(rename.question);
    if (answer?.choice !== rename.from) continue;
    if (rename.reason) {
      answers.set(rename.question, { ...answer, choice: rename.to, carriedOver: true });
      changes.push(
        `${rename.question}: your answer "${rename.from}" became "${labelOf(rename.question, rename.to)}" because ${rename.reason}; confirm it or change it.`,
      );
    } else {
      answers.set(rename.question, { ...answer, choice: rename.to });
      changes.push(`${rename.question}: the answer "${rename.from}" is now called "${rename.to}".`);
    }
  }
  for (const entry of migration.confirm) {
    const answer = answers.get(entry.question);
    const choice = answer?.choice;
    if (!answer || choice === undefined || choice === 'na' || choice === 'unknown') continue;
    if (entry.options && !entry.options.includes(choice)) continue;
    answers.set(entry.question, { ...answer, carriedOver: true });
    changes.push(
      `${entry.question}: your answer "${labelOf(entry.question, choice)}" was kept; confirm it, because ${entry.reason}`,
    );
  }
}

/**
 * Brings an assessment answered under an older major version of the set up to the set's version,
 * one migration at a time, and lists every change. Nothing is dropped without being listed.
 */
export function migrateToSet(assessment: Assessment, set: QuestionSet): Result<MigrationOutcome> {
  const start = major(assessment.questionSet.version);
  let current = start;
  const target = major(set.version);
  if (current > target) {
    return fail({
      path: 'questionSet.version',
      message: `The file was answered under ${set.id} ${assessment.questionSet.version}, newer than this Cellguard's ${set.version}. Update Cellguard to open it.`,
    });
  }
  const answers = new Map(Object.entries(assessment.answers));
  const changes: string[] = [];
  while (current < target) {
    const step = set.migrations.find((m) => Number(m.from) === current);
    if (!step) {
      return fail({
        path: 'questionSet.version',
        message: `The file was answered under ${set.id} ${assessment.questionSet.version}; this Cellguard has ${set.version} and no migration from version ${current}.`,
      });
    }
    applyMigration(answers, step, changes, set);
    current = major(step.to);
  }
  const questions = new Map(set.questions.map((q) => [q.id, q]));
  // Only a migration can orphan an answer; within one version an unknown choice is a file error.
  for (const [id, answer] of start < target ? [...answers] : []) {
    const choice = answer.choice;
    const question = questions.get(id);
    if (!question || choice === undefined || choice === 'na' || choice === 'unknown') continue;
    if (!question.options.some((o) => o.id === choice)) {
      const { choice: _dropped, ...rest } = answer;
      answers.set(id, { ...rest, carriedOver: true });
      changes.push(
        `${id}: the answer "${choice}" no longer exists in ${set.version}; answer it again (the note and evidence were kept).`,
      );
    }
  }
  if (changes.length === 0 && assessment.questionSet.version !== set.version) {
    changes.push(
      `The answers were given under ${set.id} ${assessment.questionSet.version} and apply unchanged to ${set.version}.`,
    );
  }
  return succeed({
    assessment: {
      ...assessment,
      questionSet: { id: set.id, version: set.version },
      answers: Object.fromEntries(answers),
    },
    changes,
  });
}
