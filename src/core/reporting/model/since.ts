import {
  changeGroups,
  effectExplanation,
  type AnswerChange,
} from '../../comparison/answerChanges.ts';
import { planProgressSummary } from '../../comparison/compare.ts';
import { pointsMove } from '../../comparison/direction.ts';
import { formatRisk } from '../../format.ts';
import { bandLabel } from '../../scoring/bands.ts';
import { bullets, heading, paragraph } from './blocks.ts';
import type { ReportContent } from './content.ts';
import { reportDate } from './dates.ts';
import type { Block } from './model.ts';
import { text, user } from './text.ts';

const progressLabel = {
  done: 'Done',
  improved: 'Improved',
  overdue: 'OVERDUE',
  open: 'Open',
} as const;

/** What changed since the previous cycle: risk, gaps, every answer, and its plan's progress. */
export function sinceBlocks(content: ReportContent): Block[] {
  const { comparison, progress, changes, set } = content;
  if (!comparison || !progress || !changes) return [];
  const titleOf = new Map(set.questions.map((q) => [q.id, q.title]));
  const control = (change: AnswerChange) =>
    `${change.questionId} ${titleOf.get(change.questionId) ?? ''}`;
  const previousCycle = [user(comparison.previous.cycle, 'the previous cycle')];
  const blocks: Block[] = [
    paragraph(
      'lead',
      text`Risk ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) in ${previousCycle}, ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}) now: ${pointsMove(comparison.riskDelta)} points.`,
    ),
    heading(2, 'Risk per domain', 160),
    {
      kind: 'table',
      role: 'domain-change',
      head: [['Domain'], previousCycle, ['Now'], ['Change']],
      rows: comparison.domains.map((d) => ({
        cells: [
          [[d.title]],
          [[d.previous === null ? 'n/a' : formatRisk(d.previous)]],
          [[d.current === null ? 'n/a' : formatRisk(d.current)]],
          [[d.delta === null ? '—' : pointsMove(d.delta)]],
        ],
      })),
    },
  ];
  const gaps = (title: string, list: readonly AnswerChange[], empty: string) => {
    blocks.push(heading(2, `${title} (${list.length})`, 50));
    blocks.push(
      list.length === 0
        ? paragraph('explanation', empty)
        : bullets(
            list.map(
              (change) =>
                `${control(change)}: ${change.from} → ${change.to} (${pointsMove(change.effect)} points)`,
            ),
            'small',
          ),
    );
  };
  gaps('Gaps closed', changes.closedGaps, 'No gap was closed.');
  gaps('New gaps', changes.newGaps, 'No new gap appeared.');

  blocks.push(heading(2, 'Every changed answer', 80), paragraph('explanation', effectExplanation));
  for (const group of changeGroups(changes)) {
    blocks.push(heading(3, `${group.title} (${group.changes.length})`, 50));
    if (group.changes.length === 0) {
      blocks.push(paragraph('explanation', group.empty));
      continue;
    }
    blocks.push({
      kind: 'table',
      role: 'answer-changes',
      head: [['Control'], previousCycle, ['Now'], ['Risk points']],
      rows: group.changes.map((change) => ({
        cells: [[[control(change)]], [[change.from]], [[change.to]], [[pointsMove(change.effect)]]],
      })),
    });
  }

  blocks.push(heading(2, text`The ${previousCycle} plan: ${planProgressSummary(progress)}`, 120));
  if (progress.length === 0) {
    blocks.push(paragraph('explanation', 'The previous cycle had no open action.'));
    return blocks;
  }
  blocks.push({
    kind: 'table',
    role: 'plan-progress',
    head: [['Action'], ['Owner'], ['Due'], ['Status']],
    rows: progress.map(({ action, state }) => ({
      cells: [
        [[action.action]],
        [
          action.owners.length > 0
            ? [user(action.owners.join(', '), `the owner of "${action.action}"`)]
            : ['—'],
        ],
        [[action.due ? reportDate(action.due) : '—']],
        [[progressLabel[state]]],
      ],
    })),
  });
  return blocks;
}
