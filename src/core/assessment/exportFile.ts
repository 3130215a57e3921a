import { assessmentDigest } from './parseFile.ts';
import type { Assessment, FileIntegrity } from './model.ts';

/**
 * The assessment as an exported file: the contract's JSON plus a SHA-256 digest of its content,
 * so that the importing side can tell a truncated or hand-edited file from a genuine one.
 */
export function serializeAssessmentFile(assessment: Assessment, exportedAt: Date): string {
  const integrity: FileIntegrity = {
    algorithm: 'SHA-256',
    digest: assessmentDigest(assessment as unknown as Record<string, unknown>),
    exportedAt: exportedAt.toISOString(),
  };
  return `${JSON.stringify({ ...assessment, integrity }, null, 2)}\n`;
}
