import { colours, contentWidth, page } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import { longDate, type ReportContent } from './content.ts';

/** The running header and footer, drawn on every page once the page count is known. */
export function drawHeadersAndFooters(writer: ReportWriter, content: ReportContent) {
  const { doc } = writer;
  const total = doc.getNumberOfPages();
  const organisation = writer.user(content.assessment.organisation, 'the organisation name');
  const cycle = writer.user(content.assessment.cycle, 'the cycle');
  // As visible as the confidential marking: the reader must not take a draft for the record.
  const draft = content.status.state === 'draft' ? 'DRAFT · ' : '';
  for (let number = 1; number <= total; number += 1) {
    doc.setPage(number);
    const onCover = number === 1;
    writer.font(8, 'bold', onCover ? colours.white : colours.confidential);
    doc.text(`${draft}CONFIDENTIAL`, page.width - page.right, 30, { align: 'right' });
    if (!onCover) {
      writer.font(8, 'normal', colours.muted);
      const title: string[] = doc.splitTextToSize(
        `Cellguard · ${organisation} · ${cycle}`,
        contentWidth - (draft ? 130 : 90),
      );
      doc.text(title[0] ?? '', page.left, 30);
      doc.setDrawColor(...colours.line);
      doc.setLineWidth(0.5);
      doc.line(page.left, 38, page.width - page.right, 38);
    }
    writer.font(8, 'normal', colours.muted);
    doc.text(
      `${draft}${content.set.title} · generated ${longDate(content.generatedAt)}`,
      page.left,
      page.height - 28,
    );
    doc.text(`Page ${number} of ${total}`, page.width - page.right, page.height - 28, {
      align: 'right',
    });
  }
}
