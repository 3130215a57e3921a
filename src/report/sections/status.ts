import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

/**
 * What the reader must know before the score: whether it rests on unconfirmed answers (red while
 * a draft) and how many questions are unanswered. Nothing for a final, complete assessment.
 * Returns whether anything was drawn.
 */
export function drawStatusLines(
  writer: ReportWriter,
  { status }: Pick<ReportContent, 'status'>,
  after: number,
): boolean {
  const lines = [status.state === 'final' ? '' : status.statement, status.completeness ?? ''];
  let drawn = false;
  for (const line of lines.filter(Boolean)) {
    writer.paragraph(line, {
      size: 10.5,
      style: 'bold',
      colour: status.state === 'draft' ? colours.confidential : colours.ink,
      after,
    });
    drawn = true;
  }
  return drawn;
}
