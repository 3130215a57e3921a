import { effortLabel, formatPoints, horizonLabel } from '../../format.ts';
import { horizonEnd } from '../../planning/plan.ts';
import { actionTags, isOverdue, recommendationRef, unverifiedNote } from '../labels.ts';
import { paragraph } from './blocks.ts';
import type { ReportContent } from './content.ts';
import { reportDate } from './dates.ts';
import type { Block } from './model.ts';
import { user } from './text.ts';

/** The remediation plan: one row per action, in the order to tackle them. */
export function planBlocks(content: ReportContent): Block[] {
  const { plan, set } = content;
  const today = content.generatedAt.toISOString().slice(0, 10);
  const blocks: Block[] = [
    paragraph(
      'note',
      `In order: stop-gaps for critical gaps first (and, when an intruder may already be inside, the sweep and compromise assessment before them), then each action by the horizon its effort allows, critical gaps and the most risk reduction per week of effort first. An action never comes before the actions it requires. "Cuts risk by" is the fall in the score, under this model, once the action is complete; a stop-gap changes no answer, so it has none.${
        plan.asOf
          ? ` Horizons count from the start of this assessment, ${reportDate(plan.asOf)}: 0-30 days ends ${reportDate(horizonEnd(plan.asOf, '0-30'))}, 31-90 days ${reportDate(horizonEnd(plan.asOf, '31-90'))}, 91-180 days ${reportDate(horizonEnd(plan.asOf, '91-180'))}.`
          : ''
      }`,
    ),
  ];
  if (content.statements.assumeBreach)
    blocks.push(paragraph('strong', content.statements.assumeBreach));
  if (plan.actions.length === 0) {
    blocks.push(
      paragraph(
        'body',
        'No action is needed: every applicable control is fully in place and verified.',
      ),
    );
    return blocks;
  }
  const recommendations = new Map(set.recommendations.map((r) => [r.id, r]));
  const titleOf = new Map(plan.actions.map((a) => [a.id, a.action]));
  const number = new Map(plan.actions.map((a, index) => [a.id, index + 1]));
  blocks.push(
    {
      kind: 'table',
      role: 'plan',
      head: [
        ['#'],
        ['Action and how to do it'],
        ['Owner'],
        ['Due'],
        ['Horizon'],
        ['Cuts risk by'],
        ['Effort'],
      ],
      rows: plan.actions.map((a, index) => {
        const notes = [
          ...actionTags(a, today).map((tag) => tag.toUpperCase()),
          `${a.kind === 'containment' ? 'stops the worst of' : 'closes'} ${a.questionIds.join(', ')}`,
          ...(a.related
            ? [
                a.kind === 'containment'
                  ? `until #${number.get(a.related)} is done`
                  : `stop-gap first: #${number.get(a.related)}`,
              ]
            : []),
        ];
        const links = [
          a.recommendations
            .map((id) => {
              const recommendation = recommendations.get(id);
              return recommendation ? recommendationRef(recommendation) : id;
            })
            .join(', '),
          a.attack.join(', '),
          `CSF ${a.nistCsf.join(', ')}`,
          a.cisV8.length > 0 ? `CIS ${a.cisV8.join(', ')}` : 'no CIS safeguard fits',
        ].filter(Boolean);
        const due =
          a.kind === 'containment'
            ? ['within 30 days']
            : [
                a.due ? reportDate(a.due) : '—',
                ...(a.dueAfterHorizon ? ['AFTER HORIZON'] : []),
                ...(isOverdue(a, today) ? ['OVERDUE'] : []),
              ];
        return {
          cells: [
            [[String(index + 1)]],
            [
              [a.action],
              [notes.join(' · ')],
              ...a.after.map(({ actionId, why }) => [
                `After #${number.get(actionId)} "${titleOf.get(actionId)}": ${why}`,
              ]),
              [`How: ${a.detail}`],
              [`Links: ${links.join(' · ')}`],
            ],
            [
              a.owners.length > 0
                ? [user(a.owners.join(', '), `the owner of "${a.action}"`)]
                : ['—'],
            ],
            due.map((line) => [line]),
            [[horizonLabel[a.horizon] ?? a.horizon]],
            [[a.kind === 'containment' ? 'stop-gap' : `−${formatPoints(a.riskReduction)}`]],
            [[effortLabel[a.effort] ?? a.effort]],
          ],
        };
      }),
    },
    paragraph(
      'caption',
      `Links: recommendations (* ${unverifiedNote}), ATT&CK techniques, NIST CSF 2.0 subcategories and CIS Controls v8 safeguards; their titles are listed at the end of the methodology.`,
    ),
  );
  return blocks;
}
