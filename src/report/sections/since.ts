import { formatPercent, formatPoints, formatRisk } from '../../core/format.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { signed } from '../../core/text.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

export function drawSinceLastCycle(writer: ReportWriter, content: ReportContent) {
  const { comparison, progress, set } = content;
  if (!comparison || !progress) return;
  const text = new Map(set.questions.map((q) => [q.id, q.text]));
  const previousCycle = writer.user(comparison.previous.cycle, 'the previous cycle');
  writer.paragraph(
    `Risk ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) in ${previousCycle}, ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}) now: ${signed(comparison.riskDelta, formatPoints)} points.`,
    { size: 11, style: 'bold' },
  );
  const list = (title: string, ids: readonly string[], empty: string) => {
    writer.heading(`${title} (${ids.length})`, 2, 50);
    if (ids.length === 0) writer.paragraph(empty, { size: 9.5, colour: colours.muted });
    for (const id of ids) writer.bullet(`${id}: ${text.get(id) ?? ''}`, { size: 9 });
    writer.y += 4;
  };
  list('Gaps closed', comparison.closedGaps, 'No gap was closed.');
  list('New gaps', comparison.newGaps, 'No new gap appeared.');
  writer.heading(`Regressions (${comparison.regressions.length})`, 2, 50);
  if (comparison.regressions.length === 0)
    writer.paragraph('No control got worse.', { size: 9.5, colour: colours.muted });
  for (const move of comparison.regressions) {
    writer.bullet(
      `${move.questionId}: ${text.get(move.questionId) ?? ''} (${formatPercent(move.from)} → ${formatPercent(move.to)} covered)`,
      { size: 9 },
    );
  }
  const done = progress.filter((p) => p.state === 'done').length;
  const overdue = progress.filter((p) => p.state === 'overdue').length;
  writer.heading(
    `The ${previousCycle} plan: ${done} of ${progress.length} actions done, ${overdue} overdue`,
    2,
    120,
  );
  if (progress.length === 0) {
    writer.paragraph('The previous cycle had no open action.', {
      size: 9.5,
      colour: colours.muted,
    });
    return;
  }
  const label = { done: 'Done', overdue: 'OVERDUE', open: 'Open' } as const;
  writer.table({
    head: [['Action', 'Owner', 'Due', 'Status']],
    body: progress.map(({ action, state }) => [
      action.action,
      action.owners.length > 0
        ? writer.user(action.owners.join(', '), `the owner of "${action.action}"`)
        : '—',
      action.due ?? '—',
      label[state],
    ]),
    columnStyles: { 0: { cellWidth: 280 }, 3: { fontStyle: 'bold' } },
  });
}
