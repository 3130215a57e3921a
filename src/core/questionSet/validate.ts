import { cisV8Ids, nistCsf2Ids } from '../frameworks/catalog.ts';
import type { SetProblem } from './problems.ts';
import { inPlaceCoverage, loggedNotAlertedCoverage } from './coverageLevels.ts';
import { audiences, type ControlQuestion, type Question, type QuestionSet } from './schema.ts';

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
  const sourceIds = new Set(set.sources.map((s) => s.id));
  const byId = new Map(set.questions.map((q) => [q.id, q]));

  problems.push(...checkRecommendations(set));
  problems.push(...checkAudiences(set, report));
  problems.push(...checkProgrammes(set, fileOf));
  problems.push(...checkContainments(set, fileOf));

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
    checkSources(question, sourceIds, report);
    if (question.kind === 'control') {
      checkControl(question, { recommendationIds, phaseIds, chainTechniques }, report);
      checkRequirements(question, byId, report);
    }
  }

  problems.push(...findConditionCycles(set.questions, fileOf));
  problems.push(...findRequirementCycles(set, fileOf));

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
  question.options.forEach((option, index) => {
    if (option.loggedNotAlerted && option.coverage !== loggedNotAlertedCoverage)
      report(
        question,
        `options[${index}].coverage`,
        `an option that is logged but not alerted has coverage ${loggedNotAlertedCoverage} in every question`,
      );
    if (!option.loggedNotAlerted && /^logged\b/i.test(option.label))
      report(
        question,
        `options[${index}]`,
        'an option labelled "Logged" must be marked loggedNotAlerted: true',
      );
  });
  checkEffect(question, report);
  if (question.critical) {
    if (!question.criticalReason)
      report(question, 'criticalReason', 'a critical control must say why it is critical');
    if (!coverages.some((c) => c >= inPlaceCoverage && c < 1))
      report(
        question,
        'options',
        `a critical control needs an option from ${inPlaceCoverage} to below 1, so that "in place but not yet verified" does not hold the band`,
      );
  } else if (question.criticalReason) {
    report(question, 'criticalReason', 'only a critical control has a critical reason');
  }
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
    migration.confirm.forEach((entry, c) => {
      const question = byId.get(entry.question);
      if (!question)
        report(
          `migrations[${index}].confirm[${c}].question`,
          `${entry.question} is not a question of ${set.version}`,
        );
      for (const option of entry.options ?? []) {
        if (question && !question.options.some((o) => o.id === option))
          report(
            `migrations[${index}].confirm[${c}].options`,
            `${entry.question} has no option ${option}`,
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

const actorWords =
  /\b(the (intruders?|actor|attackers?|victims?|campaign|report)|soft cell|gallium|cybereason|documented)\b/i;

/** Source discipline: a help text that tells what the intruders did names the sources it rests on. */
function checkSources(question: Question, sourceIds: ReadonlySet<string>, report: Report) {
  for (const id of question.sources) {
    if (!sourceIds.has(id)) report(question, 'sources', `${id} is not a source of this set`);
  }
  if (question.sources.length === 0 && actorWords.test(question.help))
    report(
      question,
      'sources',
      'the help text tells what the intruders or victims did, so it must name its sources; otherwise word it as reasoning',
    );
}

function checkEffect(question: ControlQuestion, report: Report) {
  const { effect } = question;
  if (new Set(effect).size !== effect.length) report(question, 'effect', 'names an effect twice');
  const named = effect.filter((e) => e === 'prevent' || e === 'detect' || e === 'hunt');
  if (effect.length === 2 && !(effect.includes('prevent') && effect.includes('detect')))
    report(question, 'effect', 'only prevent and detect can be combined');
  if (named.length > 0 && question.phases.length === 0)
    report(question, 'phases', 'must name at least one phase it prevents, detects or hunts for');
  if (named.length === 0 && question.phases.length > 0)
    report(
      question,
      'phases',
      `a ${effect[0]} control stops no phase by itself, so it names none (other controls require it instead)`,
    );
  if (named.length === 0 && question.attack.length > 0)
    report(
      question,
      'attack',
      `a ${effect[0]} control counters no technique by itself, so it names none`,
    );
}

function checkRecommendations(set: QuestionSet): SetProblem[] {
  const problems: SetProblem[] = [];
  for (const recommendation of set.recommendations) {
    const field = `recommendations.${recommendation.id}`;
    const marked = [recommendation.quote, recommendation.unverified].filter(Boolean).length;
    if (recommendation.origin === 'report' && marked !== 1)
      problems.push({
        file: 'set.yaml',
        field,
        message:
          "a recommendation of the report needs either its checked wording (quote) or 'unverified: true'",
      });
    if (recommendation.origin === 'derived' && marked > 0)
      problems.push({
        file: 'set.yaml',
        field,
        message: 'a derived recommendation is ours: it has no quote and no verification mark',
      });
  }
  return problems;
}

/**
 * Where the source addresses audiences, every recommendation names its own and every control is
 * for exactly the audiences of the recommendations it answers, so that the list a network engineer
 * is given holds every question written for engineers.
 */
function checkAudiences(set: QuestionSet, report: Report): SetProblem[] {
  const problems: SetProblem[] = [];
  const declared = set.recommendations.filter((r) => r.audience);
  if (declared.length === 0) {
    for (const question of set.questions)
      if (question.audience)
        report(question, 'audience', "the set's recommendations name no audience to answer for");
    return problems;
  }
  for (const recommendation of set.recommendations)
    if (!recommendation.audience)
      problems.push({
        file: 'set.yaml',
        field: `recommendations.${recommendation.id}.audience`,
        message: 'the other recommendations name their audience, so this one must too',
      });
  const audienceOf = new Map(set.recommendations.map((r) => [r.id, r.audience ?? []]));
  for (const question of set.questions) {
    if (question.kind !== 'control') continue;
    const expected = audiences.filter((a) =>
      question.recommendations.some((id) => audienceOf.get(id)?.includes(a)),
    );
    const given = audiences.filter((a) => question.audience?.includes(a));
    if (expected.join() !== given.join())
      report(
        question,
        'audience',
        `must be [${expected.join(', ')}], the audiences of its recommendations ${question.recommendations.join(', ')}`,
      );
  }
  return problems;
}

function checkProgrammes(set: QuestionSet, fileOf: (id: string) => string): SetProblem[] {
  const problems: SetProblem[] = [];
  const ids = new Set(set.programmes.map((p) => p.id));
  const used = new Set<string>();
  for (const question of set.questions) {
    if (question.kind !== 'control') continue;
    const { programme } = question.remediation;
    const shared = question.remediation.id !== question.id;
    const where = {
      file: shared ? 'set.yaml' : fileOf(question.id),
      ...(shared ? {} : { questionId: question.id }),
      field: shared ? `remediations.${question.remediation.id}.programme` : 'remediation.programme',
    };
    if (programme === undefined) {
      if (ids.size > 0)
        problems.push({ ...where, message: 'must name one of the programmes of set.yaml' });
    } else if (!ids.has(programme)) {
      problems.push({ ...where, message: `${programme} is not a programme of set.yaml` });
    } else {
      used.add(programme);
    }
  }
  for (const id of ids) {
    if (!used.has(id))
      problems.push({
        file: 'set.yaml',
        field: `programmes.${id}`,
        message: 'no remediation belongs to this programme',
      });
  }
  // A shared remediation is reported once per question that uses it; once is enough.
  return problems.filter(
    (problem, index) =>
      problems.findIndex((p) => p.field === problem.field && p.message === problem.message) ===
      index,
  );
}

function checkRequirements(
  question: ControlQuestion,
  byId: ReadonlyMap<string, Question>,
  report: Report,
) {
  question.requires.forEach((requirement, index) => {
    for (const id of requirement.anyOf) {
      const required = byId.get(id);
      if (id === question.id)
        report(question, `requires[${index}]`, 'a control cannot require itself');
      else if (!required) report(question, `requires[${index}].anyOf`, `${id} does not exist`);
      else if (required.kind !== 'control')
        report(question, `requires[${index}].anyOf`, `${id} is a scoping question, not a control`);
      else if (required.remediation.id === question.remediation.id)
        report(
          question,
          `requires[${index}].anyOf`,
          `${id} is closed by the same remediation, so the plan cannot order them`,
        );
    }
  });
}

/**
 * Requirements order the plan, so they must not form a cycle, neither between questions nor
 * between the remediations (plan actions) that close them.
 */
function findRequirementCycles(set: QuestionSet, fileOf: (id: string) => string): SetProblem[] {
  const controls = set.questions.filter((q): q is ControlQuestion => q.kind === 'control');
  const actionOf = new Map(controls.map((q) => [q.id, q.remediation.id]));
  const edges = new Map<string, Set<string>>();
  for (const question of controls) {
    const from = question.remediation.id;
    for (const requirement of question.requires) {
      for (const id of requirement.anyOf) {
        const to = actionOf.get(id);
        if (to === undefined || to === from) continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
  }
  const problems: SetProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      const cycle = [...path.slice(path.indexOf(node)), node];
      const question = controls.find((q) => q.remediation.id === node);
      problems.push({
        file: question ? fileOf(question.id) : 'set.yaml',
        ...(question ? { questionId: question.id } : {}),
        field: 'requires',
        message: `requirements form a cycle between remediations: ${cycle.join(' → ')}`,
      });
      return;
    }
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) visit(node, []);
  return problems;
}

/**
 * A containment step stands in for the fix of a critical gap while the fix takes longer than 30
 * days, by its effort or because it waits for what it requires.
 */
function checkContainments(set: QuestionSet, fileOf: (id: string) => string): SetProblem[] {
  const problems: SetProblem[] = [];
  const controls = set.questions.filter((q): q is ControlQuestion => q.kind === 'control');
  const byRemediation = new Map<string, ControlQuestion[]>();
  for (const question of controls)
    byRemediation.set(question.remediation.id, [
      ...(byRemediation.get(question.remediation.id) ?? []),
      question,
    ]);
  for (const [id, questions] of byRemediation) {
    const [first] = questions;
    if (!first?.remediation.containment) continue;
    const shared = id !== first.id;
    const where = {
      file: shared ? 'set.yaml' : fileOf(first.id),
      ...(shared ? {} : { questionId: first.id }),
      field: shared ? `remediations.${id}.containment` : 'remediation.containment',
    };
    if (!questions.some((q) => q.critical))
      problems.push({
        ...where,
        message: 'only a remediation of a critical control gets a containment step',
      });
  }
  return problems;
}
