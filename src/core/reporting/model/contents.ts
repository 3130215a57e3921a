import type { QuestionSet } from '../../questionSet/schema.ts';
import { unverifiedNote } from '../labels.ts';
import { bandRule, chainOrigin } from '../methodology.ts';
import type { Contents } from './model.ts';
import type { Text } from './text.ts';

/** The contents (the sections' titles) and how to read the report. */
export function contentsOf(set: QuestionSet, entries: Text[]): Contents {
  return {
    title: 'Contents',
    entries,
    guideTitle: 'How to read this report',
    guide: [
      `The risk score runs from 0 to 100; higher means more exposed. It is the weighted share of the controls against this intrusion pattern that are missing. ${bandRule.join(' ')}`,
      `The attack chain shows the ${set.phases.length} phases of ${chainOrigin(set)}, from "${set.phases[0]?.title ?? ''}" to "${set.phases.at(-1)?.title ?? ''}", with the controls in place that prevent or detect each. It says which phases an intruder would pass unopposed and the first phase with a detection in place; it gives no probabilities.`,
      'The programmes group the remediation plan for management. The plan lists one action per gap in the order to tackle them, each with the exact fall in the score once it is done, the horizon its effort allows, an owner and a due date; stop-gaps come first for critical gaps that take longer to fix.',
      'The findings list every answer with the assessors\' notes and evidence. "Don\'t know" answers are flagged as unverified and counted as not in place. The line under a finding says who gave its answer and when (the lead, or a named person through a questionnaire) who last confirmed it as it is, and who merged it in from a questionnaire (taken in, not checked); answers recorded before Cellguard kept this have no such line.',
      ...(set.recommendations.some((r) => r.unverified)
        ? [
            `A recommendation id with * (such as ${set.recommendations.find((r) => r.unverified)?.id ?? ''}*) is an ${unverifiedNote}; the methodology lists every recommendation.`,
          ]
        : []),
    ],
  };
}
