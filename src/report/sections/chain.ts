import { formatPoints, formatRisk } from '../../core/format.ts';
import { signed } from '../../core/text.ts';
import { drawAttackChain, drawDomainBars } from '../charts.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

export function drawCharts(writer: ReportWriter, content: ReportContent) {
  writer.heading('Risk per domain', 2, 240);
  drawDomainBars(writer, content.result, content.previous?.result);
  writer.heading('What prevents and what detects each attack phase', 2, 260);
  writer.paragraph(
    'Each box is one phase of the Soft Cell intrusion. The bars show the weighted coverage of the applicable controls that prevent and that detect the phase; "in place" counts the controls at most of the estate or better whose own requirements are met. Phases with nothing in place, passed unopposed, are outlined in red. Coverage figures are not chances.',
    { size: 9, colour: colours.muted },
  );
  for (const sentence of [
    content.statements.chain.unopposed,
    content.statements.chain.detection,
    content.statements.chain.prevention,
  ])
    writer.bullet(sentence, { size: 9 });
  writer.y += 4;
  drawAttackChain(writer, content.result);
  if (content.comparison) {
    writer.heading(
      `Change since ${writer.user(content.comparison.previous.cycle, 'the previous cycle')}`,
      2,
      160,
    );
    writer.table({
      head: [['Domain', 'Before', 'Now', 'Change']],
      body: content.comparison.domains.map((d) => [
        d.title,
        d.previous === null ? 'n/a' : formatRisk(d.previous),
        d.current === null ? 'n/a' : formatRisk(d.current),
        d.delta === null ? '—' : signed(d.delta, formatPoints),
      ]),
      columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' } },
    });
  }
}
