import { formatCoverage, formatPoints, formatRisk } from '../../core/format.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { signed } from '../../core/text.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

export function drawSinceLastCycle(writer: ReportWriter, content: ReportContent) {
  const { comparison, progress, set } = content;
  if (!comparison || !progress) return;
  const titleOf = new Map(set.questions.map((q) => [q.id, q.title]));
  const previousCycle = writer.user(comparison.previous.cycle, 'the previous cycle');
  writer.paragraph(
    `Risk ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) in ${previousCycle}, ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}) now: ${signed(comparison.riskDelta, formatPoints)} points.`,
    { size: 11, style: 'bold' },
  );
  writer.heading('Risk per domain', 2, 160);
  writer.table({
    head: [['Domain', previousCycle, 'Now', 'Change']],
    body: comparison.domains.map((d) => [
      d.title,
      d.previous === null ? 'n/a' : formatRisk(d.previous),
      d.current === null ? 'n/a' : formatRisk(d.current),
      d.delta === null ? '—' : signed(d.delta, formatPoints),
    ]),
    columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' } },
    pageBreak: 'avoid',
  });
  const list = (title: string, ids: readonly string[], empty: string) => {
    writer.heading(`${title} (${ids.length})`, 2, 50);
    if (ids.length === 0) writer.paragraph(empty, { size: 9.5, colour: colours.muted });
    for (const id of ids) writer.bullet(`${id} ${titleOf.get(id) ?? ''}`, { size: 9 });
    writer.y += 4;
  };
  list('Gaps closed', comparison.closedGaps, 'No gap was closed.');
  list('New gaps', comparison.newGaps, 'No new gap appeared.');
  writer.heading(`Regressions (${comparison.regressions.length})`, 2, 50);
  if (comparison.regressions.length === 0)
    writer.paragraph('No control got worse.', { size: 9.5, colour: colours.muted });
  for (const move of comparison.regressions) {
    writer.bullet(
      `${move.questionId} ${titleOf.get(move.questionId) ?? ''} (coverage ${formatCoverage(move.from)} → ${formatCoverage(move.to)})`,
      { size: 9 },
    );
  }
  const count = (state: string) => progress.filter((p) => p.state === state).length;
  writer.heading(
    `The ${previousCycle} plan: ${count('done')} of ${progress.length} actions done, ${count('improved')} improved, ${count('overdue')} overdue`,
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
  const label = { done: 'Done', improved: 'Improved', overdue: 'OVERDUE', open: 'Open' } as const;
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
