import { paragraph } from './blocks.ts';
import type { ReportContent } from './content.ts';
import type { Paragraph } from './model.ts';

/**
 * What the reader must know before the score: whether it rests on unconfirmed answers (red while
 * a draft) and how many questions are unanswered. Nothing for a final, complete assessment.
 */
export function statusLines({ status }: Pick<ReportContent, 'status'>): Paragraph[] {
  const lines = [status.state === 'final' ? '' : status.statement, status.completeness ?? ''];
  return lines
    .filter(Boolean)
    .map((line) => paragraph(status.state === 'draft' ? 'alert' : 'status', line));
}
