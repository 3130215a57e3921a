import { formatRisk } from '../../format.ts';
import { chainOrigin } from '../methodology.ts';
import { chainGaugeExplanation, phaseRatingLabel, phaseStateLabel } from '../statements.ts';
import { heading } from './blocks.ts';
import type { ReportContent } from './content.ts';
import type { Block } from './model.ts';

const riskText = (risk: number | null | undefined) =>
  risk === null || risk === undefined ? 'n/a' : formatRisk(risk);

/** Risk per domain (bars, with the previous cycle's value) and the attack chain's phases. */
export function chartBlocks(content: ReportContent): Block[] {
  const { result, previous, set, statements } = content;
  const before = new Map(previous?.result.domains.map((d) => [d.domainId, d.risk]));
  return [
    heading(2, 'Risk per domain', 240),
    {
      kind: 'domain-bars',
      rows: result.domains.map((domain) => ({
        title: domain.title,
        risk: domain.risk,
        riskText: riskText(domain.risk),
        ...(previous
          ? {
              previous: before.get(domain.domainId) ?? null,
              previousText: riskText(before.get(domain.domainId)),
            }
          : {}),
      })),
      legend: 'Risk 0-100 per domain, higher is more exposed.',
      columns: previous ? ['Domain', 'Risk', 'Previous cycle'] : ['Domain', 'Risk'],
    },
    {
      kind: 'attack-chain',
      heading: 'What prevents and what detects each attack phase',
      explanation: `One entry per phase of ${chainOrigin(set)}; phases with nothing in place, passed unopposed, are marked in red. ${chainGaugeExplanation}`,
      statements: Object.values(statements.chain),
      phases: result.phases.map((phase) => ({
        id: phase.phaseId,
        title: phase.title,
        state: phaseStateLabel[phase.state],
        unopposed: phase.state === 'unopposed',
        prevention: {
          label: phaseRatingLabel(
            'Prevention',
            phase.preventedBy.length,
            phase.preventionControls.length,
          ),
          inPlace: phase.preventedBy.length,
          total: phase.preventionControls.length,
        },
        detection: {
          label: phaseRatingLabel(
            'Detection',
            phase.detectedBy.length,
            phase.detectionControls.length,
          ),
          inPlace: phase.detectedBy.length,
          total: phase.detectionControls.length,
        },
      })),
      columns: ['Phase', 'State', 'Prevention', 'Detection'],
    },
  ];
}
