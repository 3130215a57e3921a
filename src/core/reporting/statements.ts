import { earlyPhases, type Plan } from '../planning/plan.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { bandLabel, bandMeaning } from '../scoring/bands.ts';
import type { PhaseState, ScoreResult } from '../scoring/score.ts';
import { formatRisk } from '../format.ts';
import { listJoin } from '../text.ts';

/**
 * The sentences that carry the result's judgement. The results page, the PDF and the command line
 * all print these, so the three can never tell a CISO different things.
 */
export interface ResultStatements {
  /** "Risk 31.4 / 100: Medium" */
  headline: string;
  bandMeaning: string;
  /** Why the band is above what the number alone gives; empty when it is not. */
  bandReasons: string[];
  chain: {
    unopposed: string;
    detection: string;
    prevention: string;
  };
  /** Present when the plan opens with looking for an intruder that may already be inside. */
  assumeBreach?: string;
}

export const phaseStateLabel: Readonly<Record<PhaseState, string>> = {
  unopposed: 'Unopposed',
  prevented: 'Prevention in place',
  detected: 'Detection in place',
  'prevented-and-detected': 'Prevention and detection in place',
};

export function resultStatements(
  set: QuestionSet,
  result: ScoreResult,
  plan: Pick<Plan, 'assumeBreach'>,
): ResultStatements {
  const phaseName = new Map(set.phases.map((p) => [p.id, `${p.id} ${p.title}`]));
  const name = (id: string) => phaseName.get(id) ?? id;
  const phase = (id: string | null) => result.phases.find((p) => p.phaseId === id);

  const bandReasons: string[] = [];
  if (result.band !== result.bandFromRisk) {
    const count = result.criticalGaps.length;
    if (count > 0)
      bandReasons.push(
        `${count} critical control${count === 1 ? ' is' : 's are'} missing or cover${count === 1 ? 's' : ''} less than most of the estate (${result.criticalGaps.join(', ')}), which holds the band at ${bandLabel[result.band]} although the number alone would be ${bandLabel[result.bandFromRisk]}.`,
      );
    if (result.noDetection)
      bandReasons.push(
        `Nothing in place would likely detect the intrusion at any phase, which holds the band at ${bandLabel[result.band]} although the number alone would be ${bandLabel[result.bandFromRisk]}.`,
      );
  }

  const unopposed = result.chain.unopposed;
  const detected = phase(result.chain.earliestDetection);
  const prevented = phase(result.chain.firstPrevention);
  const preventedPhases = result.phases
    .filter((p) => p.preventedBy.length > 0)
    .map((p) => p.phaseId);

  return {
    headline: `Risk ${formatRisk(result.risk)} / 100: ${bandLabel[result.band]}`,
    bandMeaning: bandMeaning[result.band],
    bandReasons,
    chain: {
      unopposed:
        unopposed.length === 0
          ? 'No phase would be passed unopposed: each has a control in place that prevents or detects it.'
          : unopposed.length === result.phases.length
            ? 'Every phase would be passed unopposed: no control that prevents or detects this intrusion is in place across most of the estate.'
            : `Passed unopposed: ${listJoin(unopposed.map(name))}. No control that prevents or detects ${unopposed.length === 1 ? 'it' : 'them'} is in place across most of the estate.`,
      detection: detected
        ? `Earliest likely detection: ${name(detected.phaseId)}, by ${listJoin(detected.detectedBy)}.`
        : 'Earliest likely detection: none. Nothing in place would likely detect the intrusion before the data leaves.',
      prevention: prevented
        ? `Prevention in place in ${preventedPhases.length} of ${result.phases.length} phases, first in ${name(prevented.phaseId)} (${listJoin(prevented.preventedBy)}).`
        : 'Prevention in place: none. No control that prevents a phase is in place across most of the estate.',
    },
    ...(plan.assumeBreach
      ? {
          assumeBreach: `Assume breach first: with the band at High or worse and no likely detection before ${name(set.phases[earlyPhases(set).length]?.id ?? '')}, an intruder may already be inside, so the plan opens with looking for one.`,
        }
      : {}),
  };
}
