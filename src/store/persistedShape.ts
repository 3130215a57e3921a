import { fail, succeed, type Result } from '../core/result.ts';
import type { StoredAssessment } from './model.ts';

/**
 * A light check of what an earlier version of the app left in localStorage before zustand uses it: corrupted or
 * half-written data must never make the app fail to start, nor be overwritten unseen. The full
 * check of each assessment against the file contract follows once the rules have loaded (see
 * `attach` in assessments.ts).
 */
export interface ReadableState {
  /** The saved state with the entries that are not even shaped like an assessment left out. */
  text: string;
  /** How many entries were left out. */
  dropped: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Shaped like what the store keeps: enough to list it and to check it fully once the rules load. */
export function looksLikeStoredAssessment(value: unknown): value is StoredAssessment {
  if (!isObject(value) || typeof value.id !== 'string' || !isObject(value.assessment)) return false;
  const { assessment } = value;
  return (
    typeof assessment.organisation === 'string' &&
    typeof assessment.cycle === 'string' &&
    typeof assessment.createdAt === 'string' &&
    typeof assessment.updatedAt === 'string' &&
    isObject(assessment.questionSet) &&
    isObject(assessment.answers) &&
    Object.values(assessment.answers).every(isObject)
  );
}

export function checkPersisted(raw: string): Result<ReadableState> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail({ path: '', message: 'it is not valid JSON' });
  }
  if (!isObject(parsed) || !isObject(parsed.state) || !isObject(parsed.state.assessments)) {
    return fail({
      path: 'state.assessments',
      message: 'it does not have the shape Cellguard saves',
    });
  }
  const entries = Object.entries(parsed.state.assessments);
  const kept = entries.filter(([, value]) => looksLikeStoredAssessment(value));
  if (kept.length === entries.length) return succeed({ text: raw, dropped: 0 });
  return succeed({
    text: JSON.stringify({
      ...parsed,
      state: { ...parsed.state, assessments: Object.fromEntries(kept) },
    }),
    dropped: entries.length - kept.length,
  });
}
