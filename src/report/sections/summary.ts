import { formatPoints, formatRisk, horizonSpan } from '../../core/format.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { listJoin, plural, signed } from '../../core/text.ts';
import { bandColours, colours, page } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

export function drawSummary(writer: ReportWriter, content: ReportContent) {
  const { doc } = writer;
  const { result, plan, set, comparison, statements } = content;
  const questionText = new Map(set.questions.map((q) => [q.id, q.text]));

  const y = writer.y;
  doc.setFillColor(...bandColours[result.band]);
  doc.rect(page.left, y, 5, 40, 'F');
  writer.font(20, 'bold');
  doc.text(`Risk ${formatRisk(result.risk)} / 100`, page.left + 14, y + 18);
  writer.font(14, 'bold', bandColours[result.band]);
  doc.text(`${bandLabel[result.band]} exposure`, page.left + 14, y + 36);
  writer.y = y + 52;
  writer.paragraph(
    `${statements.bandMeaning} The score is the weighted share of the controls against this intrusion pattern that are missing; 0 means every applicable control is fully in place and verified, 100 means none is.`,
    { size: 10 },
  );
  for (const reason of statements.bandReasons) writer.paragraph(reason, { size: 10 });

  const unanswered = result.unanswered.length + result.naWithoutReason.length;
  const counts = [
    `${plural(result.unverified.length, 'answer is', 'answers are')} "Don't know" (unverified)`,
    `${plural(unanswered, 'is', 'are')} not answered`,
    `${plural(result.notApplicable.length, 'is', 'are')} not applicable with a reason${result.compensated.length > 0 ? `, ${plural(result.compensated.length, 'critical control', 'critical controls')} among them with a compensating control` : ''}`,
    ...(result.uncompensated.length > 0
      ? [
          `${plural(result.uncompensated.length, 'critical control is', 'critical controls are')} marked not applicable without a compensating control`,
        ]
      : []),
    `${plural(result.hidden.length, 'was', 'were')} out of scope`,
  ];
  writer.paragraph(
    `${result.questions.length} controls were in scope. ${listJoin(counts)}. Unverified, unanswered and uncompensated controls count as not in place.`,
    { size: 9.5, colour: colours.muted },
  );
  if (comparison) {
    writer.heading(`Since ${writer.user(comparison.previous.cycle, 'the previous cycle')}`, 2, 60);
    const direction =
      comparison.riskDelta < 0 ? 'fell' : comparison.riskDelta > 0 ? 'rose' : 'did not change';
    writer.paragraph(
      `The risk ${direction} from ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) to ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}), ${signed(comparison.riskDelta, formatPoints)} points. ${plural(comparison.closedGaps.length, 'gap was', 'gaps were')} closed, ${plural(comparison.newGaps.length, 'new gap', 'new gaps')} appeared and ${plural(comparison.regressions.length, 'control', 'controls')} regressed.`,
      { size: 10 },
    );
  }

  writer.heading('The attack chain', 2, 60);
  for (const sentence of [
    statements.chain.unopposed,
    statements.chain.detection,
    statements.chain.prevention,
  ])
    writer.bullet(sentence, { size: 10 });
  writer.y += 4;
  if (result.criticalGaps.length > 0) {
    writer.paragraph('Critical controls missing or below most of the estate:', {
      size: 10,
      style: 'bold',
      after: 2,
    });
    for (const id of result.criticalGaps)
      writer.bullet(`${id}: ${questionText.get(id) ?? ''}`, { size: 9 });
    writer.y += 4;
  }

  writer.heading('What to do: the programmes', 2, 200);
  if (statements.assumeBreach)
    writer.paragraph(statements.assumeBreach, { size: 10, style: 'bold' });
  if (plan.programmes.length === 0) {
    writer.paragraph('Nothing: every applicable control is fully in place and verified.', {
      size: 10,
    });
    return;
  }
  writer.paragraph(
    'The plan rolled up for management: programmes with a first step against an intruder that may already be inside, then those that close a critical gap, each by risk reduction - the exact fall in the score once every action of the programme is done.',
    { size: 10, after: 4 },
  );
  writer.table({
    head: [['Programme', 'Actions', 'Critical', 'Risk reduction', 'Horizons']],
    body: plan.programmes.map((p) => [
      `${p.title}\n${p.summary}`,
      String(p.actionIds.length),
      p.criticalActions > 0 ? String(p.criticalActions) : '—',
      `−${formatPoints(p.riskReduction)}`,
      horizonSpan(p.firstHorizon, p.lastHorizon),
    ]),
    columnStyles: {
      0: { cellWidth: 230 },
      1: { halign: 'right', cellWidth: 44 },
      2: { halign: 'right', cellWidth: 44 },
      3: { halign: 'right', cellWidth: 62 },
    },
    styles: { fontSize: 8.5 },
  });
}
