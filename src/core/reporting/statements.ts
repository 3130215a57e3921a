import { formatRisk } from '../format.ts';
import { earlyPhases, type Plan } from '../planning/plan.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { bandLabel, bandMeaning } from '../scoring/bands.ts';
import { controlsInPlace, type PhaseState, type ScoreResult } from '../scoring/score.ts';
import { listJoin } from '../text.ts';

/**
 * The sentences that carry the result's judgement. The results page, the PDF and the command line
 * all print these, so the three can never tell a CISO different things.
 */
export interface ResultStatements {
  /** "Risk 31.4 / 100: Medium" */
  headline: string;
  bandMeaning: string;
  /** Why the band is above what the number alone gives, then each critical gap and why it matters. */
  bandReasons: string[];
  chain: {
    unopposed: string;
    detection: string;
    prevention: string;
    weakest: string;
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

/** What the gauges of each phase count, printed under the chain on the page and in the PDF. */
export const chainGaugeExplanation =
  'Each gauge counts the controls of the set that prevent or detect the phase, and how many of them are in place: across most of the estate, and with the controls they require in place too. Hunts and reviews are periodic and do not count as detection in place. These are counts of controls, not chances.';

/** One gauge of a phase: "Prevention: 3 of 5 in place". */
export const phaseRatingLabel = (label: string, inPlace: number, total: number) =>
  total === 0 ? `${label}: no control in the set` : `${label}: ${inPlace} of ${total} in place`;

/** Said instead of the band's usual meaning when a floor holds the band above the number. */
const heldMeaning =
  'The score alone would give a lower band, but the band is held at High: the gaps below are ones the rest of the defences do not make up for.';

/** How many controls a sentence names before it says "and N more". */
const namedAtMost = 3;

export function resultStatements(
  set: QuestionSet,
  result: ScoreResult,
  plan: Pick<Plan, 'assumeBreach'>,
): ResultStatements {
  const phaseName = new Map(set.phases.map((p) => [p.id, `${p.id} ${p.title}`]));
  const phase = (id: string) => phaseName.get(id) ?? id;
  const controls = new Map(controlQuestions(set).map((q) => [q.id, q]));
  const control = (id: string) => `${id} (${controls.get(id)?.title ?? ''})`;
  const some = (ids: readonly string[]) =>
    ids.length <= namedAtMost
      ? listJoin(ids.map(control))
      : `${ids.slice(0, namedAtMost).map(control).join(', ')} and ${ids.length - namedAtMost} more`;
  const byId = (id: string | null) => result.phases.find((p) => p.phaseId === id);
  const held = result.band !== result.bandFromRisk;

  const bandReasons: string[] = [];
  if (held && result.criticalGaps.length > 0) {
    const count = result.criticalGaps.length;
    bandReasons.push(
      `${count} critical control${count === 1 ? ' is' : 's are'} missing or cover${count === 1 ? 's' : ''} less than most of the estate, which holds the band at ${bandLabel[result.band]} although the number alone would be ${bandLabel[result.bandFromRisk]}.`,
    );
  }
  if (held && result.noDetection)
    bandReasons.push(
      `Nothing in place would raise an alert at any phase of the intrusion, which holds the band at ${bandLabel[result.band]} although the number alone would be ${bandLabel[result.bandFromRisk]}.`,
    );
  for (const id of result.criticalGaps)
    bandReasons.push(`${control(id)}: ${controls.get(id)?.criticalReason ?? ''}`);

  const unopposed = result.chain.unopposed;
  const detected = byId(result.chain.earliestDetection);
  const prevented = byId(result.chain.firstPrevention);
  const preventedCount = result.phases.filter((p) => p.preventedBy.length > 0).length;
  const early = earlyPhases(set);

  return {
    headline: `Risk ${formatRisk(result.risk)} / 100: ${bandLabel[result.band]}`,
    bandMeaning: held ? heldMeaning : bandMeaning[result.band],
    bandReasons,
    chain: {
      unopposed:
        unopposed.length === 0
          ? 'No phase would be passed unopposed: each has a control in place that prevents or detects it.'
          : unopposed.length === result.phases.length
            ? 'Every phase would be passed unopposed: no control that prevents or detects this intrusion is in place across most of the estate.'
            : `Passed unopposed: ${listJoin(unopposed.map(phase))}. No control that prevents or detects ${unopposed.length === 1 ? 'it' : 'them'} is in place across most of the estate.`,
      detection: detected
        ? `First detection in place: ${phase(detected.phaseId)}, by ${some(detected.detectedBy)}.`
        : 'Detection in place: none. No control that detects this intrusion covers most of the estate, so nothing in place would raise an alert before the data leaves.',
      prevention: prevented
        ? `Prevention in place in ${preventedCount} of ${result.phases.length} phases, first in ${phase(prevented.phaseId)}, by ${some(prevented.preventedBy)}.`
        : 'Prevention in place: none. No control that prevents a phase is in place across most of the estate.',
      weakest: `Weakest phases, with the fewest controls in place: ${listJoin(
        result.chain.weakest.map((id) => {
          const count = controlsInPlace(byId(id) ?? { preventedBy: [], detectedBy: [] });
          return `${phase(id)} (${count})`;
        }),
      )}.`,
    },
    ...(plan.assumeBreach
      ? {
          // Agrees with the chain's detection sentence: "none" there is "at any phase" here.
          assumeBreach: `Assume breach first: with the band at ${bandLabel[result.band]} and ${
            !detected
              ? 'no detection in place at any phase'
              : early.some((p) => p.id === detected.phaseId)
                ? 'no sweep or compromise assessment in place'
                : `no detection in place before ${phase(detected.phaseId)}`
          }, an intruder may already be inside, so the plan opens with looking for one.`,
        }
      : {}),
  };
}
