import {
  changeGroups,
  effectExplanation,
  type AnswerChange,
} from '../../core/comparison/answerChanges.ts';
import { planProgressSummary } from '../../core/comparison/compare.ts';
import { pointsMove } from '../../core/comparison/direction.ts';
import { formatRisk } from '../../core/format.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import { reportDate, type ReportContent } from './content.ts';

const muted = { size: 9.5, colour: colours.muted };

export function drawSinceLastCycle(writer: ReportWriter, content: ReportContent) {
  const { comparison, progress, changes, set } = content;
  if (!comparison || !progress || !changes) return;
  const titleOf = new Map(set.questions.map((q) => [q.id, q.title]));
  const control = (change: AnswerChange) =>
    `${change.questionId} ${titleOf.get(change.questionId) ?? ''}`;
  const previousCycle = writer.user(comparison.previous.cycle, 'the previous cycle');
  writer.paragraph(
    `Risk ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) in ${previousCycle}, ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}) now: ${pointsMove(comparison.riskDelta)} points.`,
    { size: 11, style: 'bold' },
  );
  writer.heading('Risk per domain', 2, 160);
  writer.table({
    head: [['Domain', previousCycle, 'Now', 'Change']],
    body: comparison.domains.map((d) => [
      d.title,
      d.previous === null ? 'n/a' : formatRisk(d.previous),
      d.current === null ? 'n/a' : formatRisk(d.current),
      d.delta === null ? '—' : pointsMove(d.delta),
    ]),
    columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' } },
    pageBreak: 'avoid',
  });
  const gaps = (title: string, list: readonly AnswerChange[], empty: string) => {
    writer.heading(`${title} (${list.length})`, 2, 50);
    if (list.length === 0) writer.paragraph(empty, muted);
    for (const change of list)
      writer.bullet(
        `${control(change)}: ${change.from} → ${change.to} (${pointsMove(change.effect)} points)`,
        { size: 9 },
      );
    writer.y += 4;
  };
  gaps('Gaps closed', changes.closedGaps, 'No gap was closed.');
  gaps('New gaps', changes.newGaps, 'No new gap appeared.');

  writer.heading('Every changed answer', 2, 80);
  writer.paragraph(effectExplanation, muted);
  for (const group of changeGroups(changes)) {
    writer.heading(`${group.title} (${group.changes.length})`, 3, 50);
    if (group.changes.length === 0) {
      writer.paragraph(group.empty, muted);
      continue;
    }
    writer.table({
      head: [['Control', previousCycle, 'Now', 'Risk points']],
      body: group.changes.map((change) => [
        control(change),
        change.from,
        change.to,
        pointsMove(change.effect),
      ]),
      columnStyles: { 0: { cellWidth: 190 }, 3: { halign: 'right', cellWidth: 60 } },
    });
  }

  writer.heading(`The ${previousCycle} plan: ${planProgressSummary(progress)}`, 2, 120);
  if (progress.length === 0) {
    writer.paragraph('The previous cycle had no open action.', muted);
    return;
  }
  const label = { done: 'Done', improved: 'Improved', overdue: 'OVERDUE', open: 'Open' } as const;
  writer.table({
    head: [['Action', 'Owner', 'Due', 'Status']],
    body: progress.map(({ action, state }) => [
      action.action,
      action.owners.length > 0
        ? writer.user(action.owners.join(', '), `the owner of "${action.action}"`)
        : '—',
      action.due ? reportDate(action.due) : '—',
      label[state],
    ]),
    columnStyles: { 0: { cellWidth: 280 }, 3: { fontStyle: 'bold' } },
  });
}
