import { unconfirmedKind } from '../../cycles/cycles.ts';
import { formatRisk } from '../../format.ts';
import { bandLabel } from '../../scoring/bands.ts';
import type { ReportContent } from './content.ts';
import { longDate } from './dates.ts';
import type { Cover, Headline } from './model.ts';
import { statusLines } from './status.ts';
import { text, user } from './text.ts';

export const headlineOf = ({ result }: Pick<ReportContent, 'result'>): Headline => ({
  kind: 'headline',
  band: result.band,
  score: `Risk ${formatRisk(result.risk)} / 100`,
  risk: formatRisk(result.risk),
  bandLabel: bandLabel[result.band],
  verdict: `${bandLabel[result.band]} exposure`,
});

export function coverOf(content: ReportContent): Cover {
  const { assessment, set, status } = content;
  const organisation = user(assessment.organisation, 'the organisation name');
  return {
    brand: 'CELLGUARD',
    setTitle: set.title,
    subtitle: 'Risk, attack-chain weak points and remediation plan',
    organisation: [organisation],
    ...(assessment.scope ? { scope: [user(assessment.scope, 'the scope')] } : {}),
    cycle: text`Cycle ${user(assessment.cycle, 'the cycle')}`,
    status: statusLines(content),
    headline: headlineOf(content),
    facts: [
      ['Report date', [longDate(content.generatedAt)]],
      ['Assessment last updated', [longDate(new Date(assessment.updatedAt))]],
      [
        'Answers',
        [
          `${status.answered} of ${status.visible} answered${status.unconfirmed > 0 ? `, ${status.unconfirmed} of them ${unconfirmedKind(assessment.answers)} and not confirmed` : ''}`,
        ],
      ],
      [
        'Status',
        [
          status.state === 'final' && status.answered < status.visible
            ? `Incomplete: ${status.visible - status.answered} not answered`
            : { final: 'Final', draft: 'Draft', 'issued-as-is': 'Issued as it is' }[status.state],
        ],
      ],
      [
        'Assessor',
        assessment.assessor ? [user(assessment.assessor, 'the assessor name')] : ['not recorded'],
      ],
      ['Question set', [`${set.title} (${set.id} ${set.version})`]],
      ['Source', [`${set.source.publisher}, "${set.source.report}", ${set.source.date}`]],
    ],
    confidential: {
      title: 'CONFIDENTIAL',
      text: text`This document maps weaknesses in ${organisation}'s network that a state-backed intruder could use. Share it only with people who need it, and store it as you would the network's most sensitive configuration.`,
    },
  };
}
