import { effortHorizon, effortUnits, quickWinMinimum } from '../planning/plan.ts';
import { inPlaceCoverage, loggedNotAlertedCoverage } from '../questionSet/coverageLevels.ts';
import type { QuestionSet, Recommendation } from '../questionSet/schema.ts';
import { bandThresholds } from '../scoring/bands.ts';
import { recommendationRef, unverifiedNote } from './labels.ts';

export interface MethodologyParagraph {
  title: string;
  text: string;
}

/** The two sentences a board member reads about the band (docs/methodology.md says the same). */
export const bandRule = [
  `The band follows the score: Low below ${bandThresholds.medium}, Medium below ${bandThresholds.high}, High below ${bandThresholds.critical}, Critical from ${bandThresholds.critical}.`,
  `But if any critical control is missing or covers less than most of the estate (coverage below ${inPlaceCoverage}), or if nothing in place would raise an alert at any phase, the band is at least High, whatever the number.`,
];

/** How the report was computed, as the PDF prints it: the same rules as docs/methodology.md. */
export function methodologyParagraphs(set: QuestionSet): MethodologyParagraph[] {
  return [
    {
      title: 'Questions',
      text: `${set.questions.length} questions in ${set.domains.length} domains (${set.id} ${set.version}) are derived from the recommendations of "${set.source.report}" (${set.source.publisher}, ${set.source.date})${derivedClause(set)}. Each control traces to at least one recommendation and says whether it prevents or detects attack phases, or is a foundation or a response capability that stops no phase by itself. Help texts state as fact only what the listed sources say; everything else is reasoning.`,
    },
    {
      title: 'Answers',
      text: `Each control has graded options with a coverage from 0 (absent) to 1 (in place everywhere and verified). "All" means at least 95% of the systems named, "most" at least 75%; a coverage is a grade of the answer, not a share of systems. An option that is logged but raises no alert scores ${loggedNotAlertedCoverage} in every question. "Don't know" and unanswered questions count as coverage 0. "Not applicable" with a written reason leaves the calculation; on a critical control it also needs a compensating control and the name of whoever accepted the risk, or it counts as 0. Questions hidden by a scoping answer do not count.`,
    },
    {
      title: 'Risk score',
      text: "Risk = 100 × Σ weight × (1 − coverage) / Σ weight over the applicable controls, so all best answers give 0 and all worst give 100, and improving any answer never raises the score. Each control's contribution is its share of that sum; the contributions add up to the total.",
    },
    { title: 'Band', text: bandRule.join(' ') },
    {
      title: 'Attack chain',
      text: `For each phase, the report counts the applicable controls that prevent it and those that detect it, and how many of them are in place. A control counts as in place from coverage ${inPlaceCoverage} (most of the estate), and only when the controls it requires are in place too (an alert cannot fire without the events it reads). Hunts, sweeps and reviews are periodic and never count as a detection in place. A phase with no control in place is passed unopposed; the first detection in place is the first phase, in chain order, with a detection control in place. These are statements about the answers, not probabilities.`,
    },
    {
      title: 'Plan',
      text: `Gaps that one remediation closes form one action; its risk reduction is the fall in the score, under this model, once all its controls are fully in place. Horizons follow effort: small ${effortHorizon.S} days, medium ${effortHorizon.M}, large ${effortHorizon.L}. A critical gap whose fix takes longer gets a stop-gap within 30 days. When the band is High or worse and either nothing would raise an alert before lateral movement or no sweep or compromise assessment is in place, the plan opens with them. An action comes after the actions it requires and takes at least their horizon. Within a horizon: critical gaps first, then the most reduction per week of effort (small about ${effortUnits.S}, medium ${effortUnits.M}, large ${effortUnits.L} weeks of a small team); a small action that cuts at least ${quickWinMinimum} points is a quick win. Actions roll up into programmes for management.`,
    },
    { title: 'Recommendations', text: recommendationsParagraph(set) },
  ];
}

/** The recommendations that are Cellguard's own, named so that nobody cites them as the source's. */
function derivedClause(set: QuestionSet): string {
  const derived = set.recommendations.filter((r) => r.origin === 'derived').map((r) => r.id);
  return derived.length === 0
    ? ''
    : ` and from recommendations Cellguard derived where the source implies a defence it does not recommend (${derived.join(', ')})`;
}

/**
 * The source's recommendations the set answers: quoted where the wording was checked; where the
 * set summarises every one of them in its own words, said once rather than after each.
 */
function recommendationsParagraph(set: QuestionSet): string {
  const fromSource = set.recommendations.filter((r) => r.origin === 'report');
  const cite = (r: Recommendation) =>
    r.quote
      ? `${recommendationRef(r)} ${r.title}: the report's words are "${r.quote}"`
      : `${recommendationRef(r)} ${r.title}: ${r.summary}`;
  const derived = set.recommendations.filter((r) => r.origin === 'derived');
  const own =
    derived.length === 0
      ? ''
      : ` Cellguard's own recommendations, not the source's: ${derived.map((r) => `${r.id} ${r.title}: ${r.summary}`).join(' ')}`;
  if (fromSource.length > 1 && fromSource.every((r) => r.unverified))
    return `Every recommendation of the source below is Cellguard's summary of it (* ${unverifiedNote}); cite the source's own sections, not these sentences. ${fromSource.map(cite).join(' ')}${own}`;
  return (
    fromSource.map((r) => (r.quote ? cite(r) : `${cite(r)} (* ${unverifiedNote})`)).join(' ') + own
  );
}

/**
 * Whether the set's attack chain is Cellguard's own model: true when the source maps no technique
 * to the intrusion (every technique of the set is marked as our mapping).
 */
export function chainIsModelled(set: QuestionSet): boolean {
  const techniques = Object.values(set.techniques);
  return techniques.length > 0 && techniques.every((technique) => technique.ownMapping);
}

/** What the attack chain's phases are, in one clause for the report's guides. */
export function chainOrigin(set: QuestionSet): string {
  return chainIsModelled(set)
    ? `Cellguard's model of an intrusion through the systems ${set.title} covers (its source defines no attack chain)`
    : `the intrusion pattern ${set.title} is derived from, as its sources document it`;
}
