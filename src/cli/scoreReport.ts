import type { Assessment } from '../core/assessment/model.ts';
import { plan } from '../core/planning/plan.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { score } from '../core/scoring/score.ts';

const round = (value: number, places: number) => Number(value.toFixed(places));

/** The JSON `npm run cli -- score` prints: the design's fields, rounded for reading. */
export function scoreReport(set: QuestionSet, assessment: Assessment) {
  const result = score(set, assessment);
  const { actions } = plan(set, assessment, result);
  return {
    questionSet: result.questionSet,
    organisation: assessment.organisation,
    scope: assessment.scope,
    cycle: assessment.cycle,
    risk: round(result.risk, 2),
    band: result.band,
    bandFromRisk: result.bandFromRisk,
    criticalGaps: result.criticalGaps,
    domains: result.domains.map((d) => ({
      id: d.domainId,
      title: d.title,
      risk: d.risk === null ? null : round(d.risk, 2),
      contribution: round(d.contribution, 2),
    })),
    phases: result.phases.map((p) => ({
      id: p.phaseId,
      title: p.title,
      strength: round(p.strength, 3),
    })),
    chain: {
      exposure: Number(result.chain.exposure.toPrecision(4)),
      weakest: result.chain.weakest,
    },
    unverified: result.unverified,
    notApplicable: result.notApplicable,
    unanswered: result.unanswered,
    naWithoutReason: result.naWithoutReason,
    actions: actions.map((a) => ({
      id: a.id,
      action: a.action,
      questionIds: a.questionIds,
      riskReduction: round(a.riskReduction, 2),
      effort: a.effort,
      priority: round(a.priority, 2),
      horizon: a.horizon,
      critical: a.critical,
      owners: a.owners,
      due: a.due ?? null,
      recommendations: a.recommendations,
      attack: a.attack,
      nistCsf: a.nistCsf,
      cisV8: a.cisV8,
    })),
  };
}
