import type { Contents } from '../../core/reporting/model/index.ts';
import { colours, contentWidth, page } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';

/** The contents with each section's page, linked, then how to read the report. */
export function drawContents(writer: ReportWriter, contents: Contents, pages: readonly number[]) {
  const { doc } = writer;
  writer.y = page.top;
  writer.heading(contents.title, 1);
  contents.entries.forEach((entry, index) => {
    const title = writer.drawn(entry);
    const pageNumber = pages[index] ?? 1;
    writer.font(11);
    const y = writer.y + 11;
    writer.text(title, page.left, y);
    const number = String(pageNumber);
    doc.text(number, page.left + contentWidth, y, { align: 'right' });
    const start = page.left + doc.getTextWidth(title) + 6;
    const end = page.left + contentWidth - doc.getTextWidth(number) - 6;
    doc.setLineDashPattern([1, 3], 0);
    doc.setDrawColor(...colours.muted);
    doc.line(start, y, end, y);
    doc.setLineDashPattern([], 0);
    doc.link(page.left, writer.y, contentWidth, 16, { pageNumber });
    writer.y += 22;
  });
  writer.y += 20;
  writer.heading(contents.guideTitle, 2, 200);
  for (const text of contents.guide) writer.bullet(text, { size: 9.5 });
}
