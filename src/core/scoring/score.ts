import type { Assessment } from '../assessment/model.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import { inPlaceCoverage } from '../questionSet/coverageLevels.ts';
import type { ControlQuestion, Effect, QuestionSet } from '../questionSet/schema.ts';
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
  /**
   * 0 to 1; `unknown`, unanswered, a reason-less `na` and an uncompensated `na` on a critical
   * control count as 0. Null when not applicable.
   */
  coverage: number | null;
  weight: number;
  critical: boolean;
  effect: Effect[];
  /** Points of the total risk this question accounts for; all of them add up to `risk`. */
  contribution: number;
  /** Coverage of at least `inPlaceCoverage` ("most of the estate"). */
  inPlace: boolean;
  /**
   * Required controls of which none is in place; while any is listed, this control does not
   * count in the attack chain (an alert cannot fire without the events it reads).
   */
  unmetRequirements: { anyOf: string[]; why: string }[];
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

/** The attack chain in words that are true without a probability model. */
export type PhaseState = 'unopposed' | 'prevented' | 'detected' | 'prevented-and-detected';

export interface PhaseScore {
  phaseId: string;
  title: string;
  /**
   * Weighted coverage (0 to 1) of the applicable controls that prevent this phase, counting a
   * control whose requirements are unmet as 0; null when no such control applies.
   */
  prevention: number | null;
  /** The same for the controls that detect it. */
  detection: number | null;
  /** Controls in place, with their requirements met, that prevent or detect this phase. */
  preventedBy: string[];
  detectedBy: string[];
  /** Every applicable control that prevents, or that detects, this phase. */
  preventionControls: string[];
  detectionControls: string[];
  state: PhaseState;
}

export interface ScoreResult {
  questionSet: { id: string; version: string };
  risk: number;
  /** The band, after the floors. */
  band: Band;
  /** The band the risk number alone would give. */
  bandFromRisk: Band;
  /**
   * Applicable critical controls below `inPlaceCoverage` (including "Don't know", unanswered and
   * uncompensated "not applicable"): a real gap, not merely unverified. Any one holds the band at
   * high or worse.
   */
  criticalGaps: string[];
  /** True when no phase has a detection in place: nothing would raise an alert. */
  noDetection: boolean;
  applicableWeight: number;
  domains: DomainScore[];
  phases: PhaseScore[];
  chain: {
    /** Phases with no control in place that prevents or detects them, in chain order. */
    unopposed: string[];
    /** The first phase, in chain order, with a detection in place; null when there is none. */
    earliestDetection: string | null;
    /** The first phase with prevention in place; null when there is none. */
    firstPrevention: string | null;
    /** The three phases with the fewest controls in place, fewest first. */
    weakest: string[];
  };
  /** Shown, scored controls in set order. */
  questions: QuestionScore[];
  unverified: string[];
  notApplicable: string[];
  /** Critical controls marked not applicable with a compensating control and a risk owner. */
  compensated: string[];
  /** Critical controls marked not applicable without both; they count as gaps. */
  uncompensated: string[];
  unanswered: string[];
  naWithoutReason: string[];
  hidden: string[];
}

export const weakestPhaseCount = 3;

/** How many distinct controls in place prevent or detect a phase. */
export const controlsInPlace = (phase: Pick<PhaseScore, 'preventedBy' | 'detectedBy'>): number =>
  new Set([...phase.preventedBy, ...phase.detectedBy]).size;

const isChainEffect = (effect: Effect) => effect === 'prevent' || effect === 'detect';

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

  // A requirement is met when one of its controls is in place, not applicable or out of scope.
  const coverageOf = new Map(rows.map((row) => [row.question.id, row.coverage]));
  const isMet = (anyOf: readonly string[]) =>
    anyOf.some((id) => {
      if (!visible.has(id)) return true;
      const coverage = coverageOf.get(id);
      return coverage === null || (coverage !== undefined && coverage >= inPlaceCoverage);
    });

  const questions: QuestionScore[] = rows.map((row) => ({
    questionId: row.question.id,
    domainId: row.question.domain,
    status: row.status,
    coverage: row.coverage,
    weight: row.question.weight,
    critical: row.question.critical,
    effect: row.question.effect,
    contribution:
      row.coverage === null || applicableWeight === 0
        ? 0
        : (100 * missing({ question: row.question, coverage: row.coverage })) / applicableWeight,
    inPlace: row.coverage !== null && row.coverage >= inPlaceCoverage,
    unmetRequirements: row.question.requires
      .filter((requirement) => !isMet(requirement.anyOf))
      .map(({ anyOf, why }) => ({ anyOf: [...anyOf], why })),
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

  const phases = scorePhases(set, questions);
  const inOrder = (ids: readonly string[]) =>
    set.phases.map((p) => p.id).filter((id) => ids.includes(id));
  const earliestDetection = phases.find((p) => p.detectedBy.length > 0)?.phaseId ?? null;
  const rating = (p: PhaseScore) => (p.prevention ?? 0) + (p.detection ?? 0);
  const weakest = phases
    .map((phase, index) => ({ phase, index }))
    .sort(
      (a, b) =>
        controlsInPlace(a.phase) - controlsInPlace(b.phase) ||
        rating(a.phase) - rating(b.phase) ||
        a.index - b.index,
    )
    .slice(0, weakestPhaseCount)
    .map(({ phase }) => phase.phaseId);

  const criticalGaps = questions
    .filter((q) => q.critical && q.coverage !== null && q.coverage < inPlaceCoverage)
    .map((q) => q.questionId);
  const noDetection = earliestDetection === null;
  const bandFromRisk = bandOf(risk);
  const floored = criticalGaps.length > 0 || noDetection;
  const band =
    floored && bandOrder.indexOf(bandFromRisk) < bandOrder.indexOf('high') ? 'high' : bandFromRisk;
  const idsWith = (status: AnswerStatus) =>
    rows.filter((row) => row.status === status).map((row) => row.question.id);

  return {
    questionSet: { id: set.id, version: set.version },
    risk,
    band,
    bandFromRisk,
    criticalGaps,
    noDetection,
    applicableWeight,
    domains,
    phases,
    chain: {
      unopposed: inOrder(phases.filter((p) => p.state === 'unopposed').map((p) => p.phaseId)),
      earliestDetection,
      firstPrevention: phases.find((p) => p.preventedBy.length > 0)?.phaseId ?? null,
      weakest,
    },
    questions,
    unverified: idsWith('unknown'),
    notApplicable: idsWith('na'),
    compensated: rows
      .filter((row) => row.status === 'na' && row.question.critical)
      .map((row) => row.question.id),
    uncompensated: idsWith('na-uncompensated'),
    unanswered: idsWith('unanswered'),
    naWithoutReason: idsWith('na-without-reason'),
    hidden: controls.filter((q) => !visible.has(q.id)).map((q) => q.id),
  };
}

/**
 * Prevention and detection per phase, from each control's effect and its requirements. Hunts,
 * sweeps and reviews look for a phase's traces from time to time; they never count here.
 */
function scorePhases(set: QuestionSet, questions: readonly QuestionScore[]): PhaseScore[] {
  const phasesOf = new Map(controlQuestions(set).map((q) => [q.id, q.phases]));
  const applicable = questions.filter(
    (q): q is QuestionScore & { coverage: number } =>
      q.coverage !== null && q.effect.some(isChainEffect),
  );
  // A control whose requirements are unmet counts as absent in the chain.
  const effective = (q: QuestionScore & { coverage: number }) =>
    q.unmetRequirements.length > 0 ? 0 : q.coverage;
  const rate = (rows: readonly (QuestionScore & { coverage: number })[]) => {
    const weight = rows.reduce((sum, q) => sum + q.weight, 0);
    return weight === 0 ? null : rows.reduce((sum, q) => sum + q.weight * effective(q), 0) / weight;
  };
  const inPlace = (rows: readonly (QuestionScore & { coverage: number })[]) =>
    rows.filter((q) => effective(q) >= inPlaceCoverage).map((q) => q.questionId);

  return set.phases.map((phase) => {
    const mapped = applicable.filter((q) => phasesOf.get(q.questionId)?.includes(phase.id));
    const preventing = mapped.filter((q) => q.effect.includes('prevent'));
    const detecting = mapped.filter((q) => q.effect.includes('detect'));
    const preventedBy = inPlace(preventing);
    const detectedBy = inPlace(detecting);
    const state: PhaseState =
      preventedBy.length > 0 && detectedBy.length > 0
        ? 'prevented-and-detected'
        : preventedBy.length > 0
          ? 'prevented'
          : detectedBy.length > 0
            ? 'detected'
            : 'unopposed';
    return {
      phaseId: phase.id,
      title: phase.title,
      prevention: rate(preventing),
      detection: rate(detecting),
      preventedBy,
      detectedBy,
      preventionControls: preventing.map((q) => q.questionId),
      detectionControls: detecting.map((q) => q.questionId),
      state,
    };
  });
}
