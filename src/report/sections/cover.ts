import { formatRisk } from '../../core/format.ts';
import { unconfirmedKind } from '../../core/cycles/cycles.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { bandColours, colours, contentWidth, page } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import { longDate, type ReportContent } from './content.ts';
import { drawStatusLines } from './status.ts';

export function drawCover(writer: ReportWriter, content: ReportContent) {
  const { doc } = writer;
  const { assessment, result, set, status } = content;
  doc.setFillColor(...colours.brand);
  doc.rect(0, 0, page.width, 190, 'F');
  writer.font(12, 'bold', colours.white);
  doc.text('CELLGUARD', page.left, 70);
  // A set's title may be long ("Communications infrastructure hardening assessment"): it shrinks
  // to one line rather than run into the subtitle.
  let titleSize = 26;
  writer.font(titleSize, 'bold', colours.white);
  while (titleSize > 16 && doc.getTextWidth(set.title) > contentWidth) {
    titleSize -= 1;
    writer.font(titleSize, 'bold', colours.white);
  }
  doc.text(set.title, page.left, 110);
  writer.font(13, 'normal', colours.white);
  doc.text('Risk, attack-chain weak points and remediation plan', page.left, 136);
  if (status.state === 'draft') {
    // A red stamp in the band's free lower right corner, clear of the title.
    const stamp = { width: 120, height: 32 };
    const x = page.width - page.right - stamp.width;
    doc.setFillColor(...colours.confidential);
    doc.rect(x, 148, stamp.width, stamp.height, 'F');
    writer.font(20, 'bold', colours.white);
    doc.text('DRAFT', x + stamp.width / 2, 171, { align: 'center' });
  }

  writer.y = 230;
  writer.paragraph(writer.user(assessment.organisation, 'the organisation name'), {
    size: 22,
    style: 'bold',
    after: 2,
  });
  if (assessment.scope)
    writer.paragraph(writer.user(assessment.scope, 'the scope'), {
      size: 13,
      colour: colours.muted,
      after: 2,
    });
  writer.paragraph(`Cycle ${writer.user(assessment.cycle, 'the cycle')}`, {
    size: 13,
    colour: colours.muted,
    after: 8,
  });
  // Drawn first, then moved past: `writer.y += draw…()` would add to the y read before drawing.
  const drewStatus = drawStatusLines(writer, content, 6);
  writer.y += drewStatus ? 10 : 16;

  // the headline result
  const boxY = writer.y;
  doc.setFillColor(...bandColours[result.band]);
  doc.rect(page.left, boxY, 6, 62, 'F');
  writer.font(11, 'bold', colours.muted);
  doc.text('RISK SCORE', page.left + 18, boxY + 16);
  writer.font(30, 'bold');
  doc.text(formatRisk(result.risk), page.left + 18, boxY + 50);
  const scoreWidth = doc.getTextWidth(formatRisk(result.risk));
  writer.font(12, 'normal', colours.muted);
  doc.text('/ 100', page.left + 24 + scoreWidth, boxY + 50);
  writer.font(16, 'bold', bandColours[result.band]);
  doc.text(bandLabel[result.band], page.left + 80 + scoreWidth, boxY + 50);
  writer.y = boxY + 80;

  const facts: [string, string][] = [
    ['Report date', longDate(content.generatedAt)],
    ['Assessment last updated', longDate(new Date(assessment.updatedAt))],
    [
      'Answers',
      `${status.answered} of ${status.visible} answered${status.unconfirmed > 0 ? `, ${status.unconfirmed} of them ${unconfirmedKind(assessment.answers)} and not confirmed` : ''}`,
    ],
    [
      'Status',
      status.state === 'final' && status.answered < status.visible
        ? `Incomplete: ${status.visible - status.answered} not answered`
        : { final: 'Final', draft: 'Draft', 'issued-as-is': 'Issued as it is' }[status.state],
    ],
    [
      'Assessor',
      assessment.assessor ? writer.user(assessment.assessor, 'the assessor name') : 'not recorded',
    ],
    ['Question set', `${set.title} (${set.id} ${set.version})`],
    ['Source', `${set.source.publisher}, "${set.source.report}", ${set.source.date}`],
  ];
  writer.table({
    body: facts,
    theme: 'plain',
    styles: { fontSize: 9, cellPadding: 3 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 140, textColor: [...colours.muted] } },
  });

  writer.y = page.height - 190;
  doc.setDrawColor(...colours.confidential);
  doc.setLineWidth(2);
  doc.rect(page.left, writer.y, contentWidth, 86);
  writer.font(18, 'bold', colours.confidential);
  doc.text('CONFIDENTIAL', page.left + 16, writer.y + 28);
  writer.y += 40;
  writer.paragraph(
    `This document maps weaknesses in ${writer.user(assessment.organisation, 'the organisation name')}'s network that a state-backed intruder could use. Share it only with people who need it, and store it as you would the network's most sensitive configuration.`,
    { size: 9, indent: 16, width: contentWidth - 16 },
  );
}
