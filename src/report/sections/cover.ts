import type { Paragraph, ReportModel } from '../../core/reporting/model/index.ts';
import { drawBlock } from '../blocks.ts';
import { bandColours, colours, contentWidth, page } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';

function drawStatus(writer: ReportWriter, lines: readonly Paragraph[]) {
  for (const line of lines) drawBlock(writer, line);
}

export function drawCover(writer: ReportWriter, { cover, draft }: ReportModel) {
  const { doc } = writer;
  const { headline } = cover;
  doc.setFillColor(...colours.brand);
  doc.rect(0, 0, page.width, 190, 'F');
  writer.font(12, 'bold', colours.white);
  doc.text(cover.brand, page.left, 70);
  // A set's title may be long ("Communications infrastructure hardening assessment"): it shrinks
  // to one line rather than run into the subtitle.
  let titleSize = 26;
  writer.font(titleSize, 'bold', colours.white);
  while (titleSize > 16 && doc.getTextWidth(cover.setTitle) > contentWidth) {
    titleSize -= 1;
    writer.font(titleSize, 'bold', colours.white);
  }
  doc.text(cover.setTitle, page.left, 110);
  writer.font(13, 'normal', colours.white);
  doc.text(cover.subtitle, page.left, 136);
  if (draft) {
    // A red stamp in the band's free lower right corner, clear of the title.
    const stamp = { width: 120, height: 32 };
    const x = page.width - page.right - stamp.width;
    doc.setFillColor(...colours.confidential);
    doc.rect(x, 148, stamp.width, stamp.height, 'F');
    writer.font(20, 'bold', colours.white);
    doc.text('DRAFT', x + stamp.width / 2, 171, { align: 'center' });
  }

  writer.y = 230;
  writer.paragraph(writer.drawn(cover.organisation), {
    size: 22,
    style: 'bold',
    after: 2,
  });
  if (cover.scope)
    writer.paragraph(writer.drawn(cover.scope), {
      size: 13,
      colour: colours.muted,
      after: 2,
    });
  writer.paragraph(writer.drawn(cover.cycle), {
    size: 13,
    colour: colours.muted,
    after: 8,
  });
  drawStatus(writer, cover.status);
  writer.y += cover.status.length > 0 ? 10 : 16;

  // the headline result
  const boxY = writer.y;
  doc.setFillColor(...bandColours[headline.band]);
  doc.rect(page.left, boxY, 6, 62, 'F');
  writer.font(11, 'bold', colours.muted);
  doc.text('RISK SCORE', page.left + 18, boxY + 16);
  writer.font(30, 'bold');
  doc.text(headline.risk, page.left + 18, boxY + 50);
  const scoreWidth = doc.getTextWidth(headline.risk);
  writer.font(12, 'normal', colours.muted);
  doc.text('/ 100', page.left + 24 + scoreWidth, boxY + 50);
  writer.font(16, 'bold', bandColours[headline.band]);
  doc.text(headline.bandLabel, page.left + 80 + scoreWidth, boxY + 50);
  writer.y = boxY + 80;

  writer.table({
    body: cover.facts.map(([label, value]) => [label, writer.drawn(value)]),
    theme: 'plain',
    styles: { fontSize: 9, cellPadding: 3 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 140, textColor: [...colours.muted] } },
  });

  writer.y = page.height - 190;
  doc.setDrawColor(...colours.confidential);
  doc.setLineWidth(2);
  doc.rect(page.left, writer.y, contentWidth, 86);
  writer.font(18, 'bold', colours.confidential);
  doc.text(cover.confidential.title, page.left + 16, writer.y + 28);
  writer.y += 40;
  writer.paragraph(writer.drawn(cover.confidential.text), {
    size: 9,
    indent: 16,
    width: contentWidth - 16,
  });
}
