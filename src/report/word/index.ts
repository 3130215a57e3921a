import { reportModel, type ReportModelInput } from '../../core/reporting/model/index.ts';
import { renderWord } from './renderWord.ts';

export { renderWord } from './renderWord.ts';

/** The management report as a Word file: the PDF's report model, rendered with docx. */
export const buildWordReport = (input: ReportModelInput): Promise<Uint8Array<ArrayBuffer>> =>
  renderWord(reportModel(input));
