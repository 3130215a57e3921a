// Loaded only when the user asks for a PDF: jsPDF, the report code and the fonts stay out of the
// initial bundle.
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import { downloadFile, fileSafe } from '../../components/download.ts';
import type { Assessment } from '../../core/assessment/model.ts';
import type { Plan } from '../../core/planning/plan.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';
import { buildReport } from '../../report/index.ts';

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`the report font could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export interface ReportRequest {
  set: QuestionSet;
  assessment: Assessment;
  result: ScoreResult;
  plan: Plan;
  previous?: { assessment: Assessment; result: ScoreResult };
}

/** Builds the PDF in the browser and hands it to the browser's download; returns the warnings. */
export async function exportReport(request: ReportRequest): Promise<string[]> {
  const [regular, bold] = await Promise.all([fetchFont(regularFontUrl), fetchFont(boldFontUrl)]);
  const report = buildReport({ ...request, fonts: { regular, bold }, generatedAt: new Date() });
  const name = `cellguard-${fileSafe(request.assessment.organisation, 'assessment')}-${fileSafe(request.assessment.cycle, 'cycle')}.pdf`;
  downloadFile(report.pdf, name, 'application/pdf');
  return report.warnings;
}
