import { cisV8Ids, nistCsf2Ids } from '../frameworks/catalog.ts';
import type { SetProblem } from './problems.ts';
import type { ControlQuestion, Question, QuestionSet } from './schema.ts';

/**
 * The checks a schema cannot express: every reference resolves, options are graded from 0 to 1,
 * conditions form no cycle, shared remediations agree, and the set covers what it claims to.
 */
export function crossCheck(set: QuestionSet, fileOf: (questionId: string) => string): SetProblem[] {
  const problems: SetProblem[] = [];
  const report = (question: Question, field: string, message: string) =>
    problems.push({ file: fileOf(question.id), questionId: question.id, field, message });

  const recommendationIds = new Set(set.recommendations.map((r) => r.id));
  const phaseIds = new Set(set.phases.map((p) => p.id));
  const chainTechniques = new Set(set.phases.flatMap((p) => p.attack));
  const byId = new Map(set.questions.map((q) => [q.id, q]));

  for (const phase of set.phases) {
    for (const technique of phase.attack) {
      if (!(technique in set.techniques)) {
        problems.push({
          file: 'set.yaml',
          field: `phases.${phase.id}.attack`,
          message: `${technique} has no name under techniques`,
        });
      }
    }
  }

  for (const question of set.questions) {
    const optionIds = question.options.map((o) => o.id);
    const repeated = optionIds.filter((id, index) => optionIds.indexOf(id) !== index);
    if (repeated.length > 0) report(question, 'options', `option id ${repeated[0]} is used twice`);

    if (question.showIf) checkCondition(question, byId, report);
    if (question.kind === 'control')
      checkControl(question, { recommendationIds, phaseIds, chainTechniques }, report);
  }

  problems.push(...findConditionCycles(set.questions, fileOf));

  problems.push(...checkMigrations(set));

  for (const recommendation of set.recommendations) {
    if (
      !set.questions.some(
        (q) => q.kind === 'control' && q.recommendations.includes(recommendation.id),
      )
    ) {
      problems.push({
        file: 'set.yaml',
        field: `recommendations.${recommendation.id}`,
        message: 'no question covers this recommendation',
      });
    }
  }
  for (const phase of set.phases) {
    if (!set.questions.some((q) => q.kind === 'control' && q.phases.includes(phase.id))) {
      problems.push({
        file: 'set.yaml',
        field: `phases.${phase.id}`,
        message: 'no question covers this attack phase',
      });
    }
  }
  for (const domain of set.domains) {
    if (!set.questions.some((q) => q.domain === domain.id && q.kind === 'control')) {
      problems.push({
        file: 'set.yaml',
        field: `domains.${domain.id}`,
        message: 'the domain has no scored question',
      });
    }
  }
  return problems;
}

interface KnownIds {
  recommendationIds: ReadonlySet<string>;
  phaseIds: ReadonlySet<string>;
  chainTechniques: ReadonlySet<string>;
}

type Report = (question: Question, field: string, message: string) => void;

function checkControl(question: ControlQuestion, known: KnownIds, report: Report) {
  const coverages = question.options.map((o) => o.coverage);
  if (!coverages.includes(0))
    report(question, 'options', 'needs an option with coverage 0 (the control is absent)');
  if (!coverages.includes(1))
    report(question, 'options', 'needs an option with coverage 1 (fully in place and verified)');
  coverages.forEach((coverage, index) => {
    const previous = coverages[index - 1];
    if (previous !== undefined && coverage <= previous) {
      report(
        question,
        `options[${index}].coverage`,
        'options must be listed from weakest to strongest, each with a higher coverage',
      );
    }
  });
  for (const id of question.recommendations) {
    if (!known.recommendationIds.has(id))
      report(question, 'recommendations', `${id} is not a recommendation of this set`);
  }
  for (const id of question.phases) {
    if (!known.phaseIds.has(id))
      report(question, 'phases', `${id} is not an attack phase of this set`);
  }
  for (const id of question.attack) {
    if (!known.chainTechniques.has(id))
      report(question, 'attack', `${id} is not a technique of this set's attack chain`);
  }
  for (const id of question.refs.nistCsf) {
    if (!nistCsf2Ids.has(id))
      report(question, 'refs.nistCsf', `${id} is not a NIST CSF 2.0 subcategory`);
  }
  for (const id of question.refs.cisV8) {
    if (!cisV8Ids.has(id))
      report(question, 'refs.cisV8', `${id} is not a CIS Controls v8 safeguard`);
  }
}

function checkCondition(question: Question, byId: ReadonlyMap<string, Question>, report: Report) {
  const condition = question.showIf;
  if (!condition) return;
  const gate = byId.get(condition.question);
  if (!gate) {
    report(question, 'showIf.question', `${condition.question} does not exist`);
    return;
  }
  if (gate.kind !== 'scope') {
    // A scored answer that also hides questions could lower the risk by hiding gaps.
    report(
      question,
      'showIf.question',
      `${condition.question} is a scored control; only a scoping question may hide others`,
    );
  }
  for (const optionId of condition.anyOf) {
    if (!gate.options.some((o) => o.id === optionId)) {
      report(question, 'showIf.anyOf', `${condition.question} has no option ${optionId}`);
    }
  }
}

function findConditionCycles(
  questions: readonly Question[],
  fileOf: (id: string) => string,
): SetProblem[] {
  const parent = new Map(
    questions.filter((q) => q.showIf).map((q) => [q.id, q.showIf?.question ?? '']),
  );
  const problems: SetProblem[] = [];
  const reported = new Set<string>();
  for (const start of parent.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !path.includes(current)) {
      path.push(current);
      current = parent.get(current);
    }
    if (current === undefined) continue;
    const cycle = path.slice(path.indexOf(current));
    const key = [...cycle].sort().join();
    if (reported.has(key)) continue;
    reported.add(key);
    problems.push({
      file: fileOf(current),
      questionId: current,
      field: 'showIf',
      message: `conditions form a cycle: ${[...cycle, current].join(' → ')}`,
    });
  }
  return problems;
}

const major = (version: string) => version.split('.')[0] ?? '';

/** The migration into this version must point at questions and options that exist here. */
function checkMigrations(set: QuestionSet): SetProblem[] {
  const problems: SetProblem[] = [];
  const report = (field: string, message: string) =>
    problems.push({ file: 'migrations.yaml', field, message });
  const byId = new Map(set.questions.map((q) => [q.id, q]));
  set.migrations.forEach((migration, index) => {
    if (Number(major(migration.to)) > Number(major(set.version)))
      report(`migrations[${index}].to`, `${migration.to} is newer than the set (${set.version})`);
    if (Number(migration.from) >= Number(major(migration.to)))
      report(`migrations[${index}].from`, 'must be an older major version than "to"');
    if (major(migration.to) !== major(set.version)) return;
    migration.questions.forEach((mapping, m) => {
      if (!('to' in mapping)) return;
      for (const target of Array.isArray(mapping.to) ? mapping.to : [mapping.to]) {
        if (!byId.has(target))
          report(
            `migrations[${index}].questions[${m}].to`,
            `${target} is not a question of ${set.version}`,
          );
      }
    });
    migration.options.forEach((rename, o) => {
      const question = byId.get(rename.question);
      if (!question)
        report(
          `migrations[${index}].options[${o}].question`,
          `${rename.question} is not a question of ${set.version}`,
        );
      else if (!question.options.some((option) => option.id === rename.to))
        report(
          `migrations[${index}].options[${o}].to`,
          `${rename.question} has no option ${rename.to}`,
        );
    });
  });
  return problems;
}
