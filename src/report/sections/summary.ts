import { formatPoints, formatRisk, horizonSpan } from '../../core/format.ts';
import { changesSummary } from '../../core/comparison/answerChanges.ts';
import type { ProgrammeSummary } from '../../core/planning/plan.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { listJoin, plural, signed } from '../../core/text.ts';
import { bandColours, colours, page } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';
import { drawStatusLines } from './status.ts';

/** Why a programme sits where it does in the list management reads. */
const programmeGroup = (programme: ProgrammeSummary) =>
  programme.assumeBreach
    ? 'Look for an intruder first'
    : programme.criticalActions > 0
      ? 'Closes a critical gap'
      : '';

export function drawSummary(writer: ReportWriter, content: ReportContent) {
  const { doc } = writer;
  const { result, plan, assessment, comparison, statements, set } = content;

  const y = writer.y;
  doc.setFillColor(...bandColours[result.band]);
  doc.rect(page.left, y, 5, 40, 'F');
  writer.font(20, 'bold');
  doc.text(`Risk ${formatRisk(result.risk)} / 100`, page.left + 14, y + 18);
  writer.font(14, 'bold', bandColours[result.band]);
  doc.text(`${bandLabel[result.band]} exposure`, page.left + 14, y + 36);
  writer.y = y + 52;
  drawStatusLines(writer, content, 6);
  writer.paragraph(statements.bandMeaning, { size: 10.5 });
  if (statements.assumeBreach)
    writer.paragraph(statements.assumeBreach, {
      size: 10.5,
      style: 'bold',
      colour: colours.confidential,
    });
  if (statements.bandReasons.length > 0) {
    writer.heading('Why', 2, 60);
    for (const reason of statements.bandReasons) writer.bullet(reason, { size: 9.5 });
    writer.y += 4;
  }

  writer.heading('The attack chain', 2, 60);
  for (const sentence of Object.values(statements.chain)) writer.bullet(sentence, { size: 9.5 });
  writer.y += 4;

  writer.heading('What to do: the programmes', 2, 200);
  if (plan.programmes.length === 0) {
    writer.paragraph('Nothing: every applicable control is fully in place and verified.', {
      size: 10,
    });
  } else {
    writer.paragraph(
      `The plan rolled up for management, in order of priority${plan.assumeBreach ? ': looking for an intruder first, then' : ':'} the programmes that close a critical gap, then the rest, each group by how much it cuts the risk score once all its actions are done.`,
      { size: 9.5, after: 4 },
    );
    writer.table({
      head: [['Programme', 'Priority', 'Actions', 'Cuts risk by', 'Horizons']],
      body: plan.programmes.map((p) => [
        `${p.title}\n${p.summary}`,
        programmeGroup(p) || '—',
        String(p.actionIds.length),
        `−${formatPoints(p.riskReduction)}`,
        horizonSpan(p.firstHorizon, p.lastHorizon),
      ]),
      columnStyles: {
        1: { cellWidth: 90 },
        2: { halign: 'right', cellWidth: 50 },
        3: { halign: 'right', cellWidth: 56 },
        4: { cellWidth: 80 },
      },
      styles: { fontSize: 8.5 },
      pageBreak: 'avoid',
    });
  }

  const unanswered = result.unanswered.length + result.naWithoutReason.length;
  const controls = set.questions.filter((q) => q.kind === 'control').length;
  const withEvidence = result.questions.filter(
    (q) => q.coverage !== null && assessment.answers[q.questionId]?.evidence?.trim(),
  ).length;
  const counts = [
    `${plural(result.unverified.length, 'answer is', 'answers are')} "Don't know" (unverified)`,
    `${plural(unanswered, 'is', 'are')} not answered`,
    `${plural(result.notApplicable.length, 'is', 'are')} not applicable with a reason${result.compensated.length > 0 ? `, ${plural(result.compensated.length, 'critical control', 'critical controls')} among them with a compensating control` : ''}`,
    ...(result.uncompensated.length > 0
      ? [
          `${plural(result.uncompensated.length, 'critical control is', 'critical controls are')} marked not applicable without a compensating control`,
        ]
      : []),
  ];
  writer.paragraph(
    `The set asks ${controls} scored controls; ${result.questions.length} are in scope for this assessment and ${result.hidden.length} are out of scope by a scoping answer. ${listJoin(counts)}. Unverified, unanswered and uncompensated controls count as not in place. Evidence is recorded for ${withEvidence} of the ${result.questions.length - result.notApplicable.length} applicable answers.`,
    { size: 9, colour: colours.muted },
  );
  if (comparison && content.changes) {
    writer.heading(`Since ${writer.user(comparison.previous.cycle, 'the previous cycle')}`, 2, 60);
    const direction =
      comparison.riskDelta < 0 ? 'fell' : comparison.riskDelta > 0 ? 'rose' : 'did not change';
    writer.paragraph(
      `The risk ${direction} from ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) to ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}), ${signed(comparison.riskDelta, formatPoints)} points. ${changesSummary(content.changes)}`,
      { size: 10 },
    );
  }
}
