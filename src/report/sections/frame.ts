import type { ReportModel } from '../../core/reporting/model/index.ts';
import { colours, contentWidth, page } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';

/** The running header and footer, drawn on every page once the page count is known. */
export function drawHeadersAndFooters(writer: ReportWriter, { frame, draft }: ReportModel) {
  const { doc } = writer;
  const total = doc.getNumberOfPages();
  const header = writer.drawn(frame.header);
  for (let number = 1; number <= total; number += 1) {
    doc.setPage(number);
    const onCover = number === 1;
    // As visible as the confidential marking: the reader must not take a draft for the record.
    writer.font(8, 'bold', onCover ? colours.white : colours.confidential);
    doc.text(frame.marking, page.width - page.right, 30, { align: 'right' });
    if (!onCover) {
      writer.font(8, 'normal', colours.muted);
      writer.text(header, page.left, 30, { maxWidth: contentWidth - (draft ? 130 : 90) });
      doc.setDrawColor(...colours.line);
      doc.setLineWidth(0.5);
      doc.line(page.left, 38, page.width - page.right, 38);
    }
    writer.font(8, 'normal', colours.muted);
    doc.text(frame.footer, page.left, page.height - 28);
    doc.text(`Page ${number} of ${total}`, page.width - page.right, page.height - 28, {
      align: 'right',
    });
  }
}
