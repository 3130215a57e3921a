import type { Assessment } from '../assessment/model.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import type { ControlQuestion, QuestionSet } from '../questionSet/schema.ts';
import { answerStatus, type AnswerStatus } from './answerStatus.ts';
import { bandOf, bandOrder, type Band } from './bands.ts';
import { visibleQuestionIds } from './visibility.ts';

/**
 * The scoring model of docs/methodology.md. Risk is the weighted share of missing control
 * coverage, on 0-100; every number here can be recomputed by hand from the answers.
 */

export interface QuestionScore {
  questionId: string;
  domainId: string;
  status: AnswerStatus;
  /** 0 to 1; `unknown`, unanswered and a reason-less `na` count as 0. Null when not applicable. */
  coverage: number | null;
  weight: number;
  critical: boolean;
  /** Points of the total risk this question accounts for; all of them add up to `risk`. */
  contribution: number;
}

export interface DomainScore {
  domainId: string;
  title: string;
  /** 0-100 within the domain; null when no question of the domain applies. */
  risk: number | null;
  /** Points of the total risk from this domain. */
  contribution: number;
  applicableWeight: number;
}

export interface PhaseScore {
  phaseId: string;
  title: string;
  /** Chance-like strength, 0 to 0.9, with which the applicable controls stop this phase. */
  strength: number;
  /** 1 - strength: the chance the actor gets through this phase. */
  passChance: number;
  controlIds: string[];
}

export interface ScoreResult {
  questionSet: { id: string; version: string };
  risk: number;
  /** The band, after the critical-control floor. */
  band: Band;
  /** The band the risk number alone would give. */
  bandFromRisk: Band;
  /** Applicable critical controls below full coverage; any one keeps the band at high or worse. */
  criticalGaps: string[];
  applicableWeight: number;
  domains: DomainScore[];
  phases: PhaseScore[];
  chain: {
    /** Chance-like exposure of the whole chain: the product of every phase's pass chance. */
    exposure: number;
    /** The three phases with the lowest stop strength, weakest first. */
    weakest: string[];
  };
  /** Shown, scored controls in set order. */
  questions: QuestionScore[];
  unverified: string[];
  notApplicable: string[];
  unanswered: string[];
  naWithoutReason: string[];
  hidden: string[];
}

/**
 * The most a fully covered phase stops this actor: it adapted and came back with new tools, so no
 * phase is ever sealed. Phase strength is this cap times the weighted mean coverage of its controls.
 */
export const phaseStopCap = 0.9;
export const weakestPhaseCount = 3;

export function score(set: QuestionSet, assessment: Pick<Assessment, 'answers'>): ScoreResult {
  const answers = assessment.answers;
  const visible = visibleQuestionIds(set, answers);
  const controls = controlQuestions(set);
  const shown = controls.filter((q) => visible.has(q.id));

  const rows = shown.map((question) => {
    const status = answerStatus(question, answers[question.id]);
    const chosen = question.options.find((o) => o.id === answers[question.id]?.choice);
    const coverage = status === 'na' ? null : status === 'answered' ? (chosen?.coverage ?? 0) : 0;
    return { question, status, coverage };
  });
  const applicable = rows.filter(
    (row): row is typeof row & { coverage: number } => row.coverage !== null,
  );
  const applicableWeight = applicable.reduce((sum, row) => sum + row.question.weight, 0);
  const missing = (row: { question: ControlQuestion; coverage: number }) =>
    row.question.weight * (1 - row.coverage);
  const points = (row: { question: ControlQuestion; coverage: number | null }) =>
    row.coverage === null || applicableWeight === 0
      ? 0
      : (100 * missing({ question: row.question, coverage: row.coverage })) / applicableWeight;

  const questions: QuestionScore[] = rows.map((row) => ({
    questionId: row.question.id,
    domainId: row.question.domain,
    status: row.status,
    coverage: row.coverage,
    weight: row.question.weight,
    critical: row.question.critical,
    contribution: points(row),
  }));
  // One division of exact integer weights, so all-worst answers give exactly 100.
  const totalMissing = applicable.reduce((sum, row) => sum + missing(row), 0);
  const risk = applicableWeight === 0 ? 0 : (100 * totalMissing) / applicableWeight;

  const domains: DomainScore[] = set.domains.map((domain) => {
    const inDomain = applicable.filter((row) => row.question.domain === domain.id);
    const weight = inDomain.reduce((sum, row) => sum + row.question.weight, 0);
    const domainMissing = inDomain.reduce((sum, row) => sum + missing(row), 0);
    return {
      domainId: domain.id,
      title: domain.title,
      risk: weight === 0 ? null : (100 * domainMissing) / weight,
      contribution: questions
        .filter((q) => q.domainId === domain.id)
        .reduce((sum, q) => sum + q.contribution, 0),
      applicableWeight: weight,
    };
  });

  const phases: PhaseScore[] = set.phases.map((phase) => {
    const inPhase = applicable.filter((row) => row.question.phases.includes(phase.id));
    const weight = inPhase.reduce((sum, row) => sum + row.question.weight, 0);
    const covered = inPhase.reduce((sum, row) => sum + row.question.weight * row.coverage, 0);
    const strength = weight === 0 ? 0 : phaseStopCap * (covered / weight);
    return {
      phaseId: phase.id,
      title: phase.title,
      strength,
      passChance: 1 - strength,
      controlIds: inPhase.map((row) => row.question.id),
    };
  });
  const weakest = [...phases]
    .sort(
      (a, b) =>
        a.strength - b.strength ||
        set.phases.findIndex((p) => p.id === a.phaseId) -
          set.phases.findIndex((p) => p.id === b.phaseId),
    )
    .slice(0, weakestPhaseCount)
    .map((p) => p.phaseId);

  const criticalGaps = applicable
    .filter((row) => row.question.critical && row.coverage < 1)
    .map((row) => row.question.id);
  const bandFromRisk = bandOf(risk);
  const band =
    criticalGaps.length > 0 && bandOrder.indexOf(bandFromRisk) < bandOrder.indexOf('high')
      ? 'high'
      : bandFromRisk;
  const idsWith = (status: AnswerStatus) =>
    rows.filter((row) => row.status === status).map((row) => row.question.id);

  return {
    questionSet: { id: set.id, version: set.version },
    risk,
    band,
    bandFromRisk,
    criticalGaps,
    applicableWeight,
    domains,
    phases,
    chain: { exposure: phases.reduce((product, p) => product * p.passChance, 1), weakest },
    questions,
    unverified: idsWith('unknown'),
    notApplicable: idsWith('na'),
    unanswered: idsWith('unanswered'),
    naWithoutReason: idsWith('na-without-reason'),
    hidden: controls.filter((q) => !visible.has(q.id)).map((q) => q.id),
  };
}
