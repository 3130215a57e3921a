import type { Assessment } from '../../src/core/assessment/model.ts';
import { exportAssessmentFile } from '../../src/core/assessment/transfer.ts';
import { formatProblem } from '../../src/core/result.ts';

/** An assessment's exported file text, as the export page would download it. */
export async function exportedFile(
  assessment: Assessment,
  exportedAt: Date,
  passphrase?: string,
): Promise<string> {
  const file = await exportAssessmentFile(assessment, exportedAt, passphrase);
  if (!file.ok) throw new Error(file.problems.map(formatProblem).join('; '));
  return file.value;
}
