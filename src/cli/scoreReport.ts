import type { Assessment } from '../core/assessment/model.ts';
import { plan } from '../core/planning/plan.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { resultStatements } from '../core/reporting/statements.ts';
import { score } from '../core/scoring/score.ts';

const round = (value: number, places: number) => Number(value.toFixed(places));
const roundOrNull = (value: number | null, places: number) =>
  value === null ? null : round(value, places);

/** The JSON `npm run cli -- score` prints: the design's fields, rounded for reading. */
export function scoreReport(set: QuestionSet, assessment: Assessment) {
  const result = score(set, assessment);
  const remediation = plan(set, assessment, result);
  return {
    questionSet: result.questionSet,
    organisation: assessment.organisation,
    scope: assessment.scope,
    cycle: assessment.cycle,
    risk: round(result.risk, 2),
    band: result.band,
    bandFromRisk: result.bandFromRisk,
    criticalGaps: result.criticalGaps,
    noDetection: result.noDetection,
    statements: resultStatements(set, result, remediation),
    domains: result.domains.map((d) => ({
      id: d.domainId,
      title: d.title,
      risk: roundOrNull(d.risk, 2),
      contribution: round(d.contribution, 2),
    })),
    phases: result.phases.map((p) => ({
      id: p.phaseId,
      title: p.title,
      state: p.state,
      prevention: roundOrNull(p.prevention, 3),
      detection: roundOrNull(p.detection, 3),
      preventedBy: p.preventedBy,
      detectedBy: p.detectedBy,
      preventionControls: p.preventionControls,
      detectionControls: p.detectionControls,
    })),
    chain: result.chain,
    unverified: result.unverified,
    notApplicable: result.notApplicable,
    compensated: result.compensated,
    uncompensated: result.uncompensated,
    unanswered: result.unanswered,
    naWithoutReason: result.naWithoutReason,
    assumeBreach: remediation.assumeBreach,
    programmes: remediation.programmes.map((p) => ({
      id: p.id,
      title: p.title,
      riskReduction: round(p.riskReduction, 2),
      firstHorizon: p.firstHorizon,
      lastHorizon: p.lastHorizon,
      criticalActions: p.criticalActions,
      assumeBreach: p.assumeBreach,
      actions: p.actionIds,
    })),
    actions: remediation.actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      action: a.action,
      detail: a.detail,
      questionIds: a.questionIds,
      riskReduction: round(a.riskReduction, 2),
      effort: a.effort,
      priority: round(a.priority, 2),
      horizon: a.horizon,
      horizonReason: a.horizonReason,
      critical: a.critical,
      quickWin: a.quickWin,
      after: a.after,
      related: a.related ?? null,
      programme: a.programme ?? null,
      owners: a.owners,
      due: a.due ?? null,
      dueAfterHorizon: a.dueAfterHorizon,
      recommendations: a.recommendations,
      attack: a.attack,
      nistCsf: a.nistCsf,
      cisV8: a.cisV8,
    })),
  };
}
