/**
 * A light check of what the app finds in localStorage before zustand uses it: corrupted or
 * half-written data must never make the app fail to start, nor be overwritten unseen.
 */
export type ShapeCheck =
  | { kind: 'ok'; text: string }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'partly'; text: string; dropped: number };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function looksLikeStoredAssessment(value: unknown): boolean {
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

export function checkPersisted(raw: string): ShapeCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', reason: 'it is not valid JSON' };
  }
  if (!isObject(parsed) || !isObject(parsed.state) || !isObject(parsed.state.assessments)) {
    return { kind: 'unreadable', reason: 'it does not have the shape Cellguard saves' };
  }
  const entries = Object.entries(parsed.state.assessments);
  const kept = entries.filter(([, value]) => looksLikeStoredAssessment(value));
  if (kept.length === entries.length) return { kind: 'ok', text: raw };
  return {
    kind: 'partly',
    text: JSON.stringify({
      ...parsed,
      state: { ...parsed.state, assessments: Object.fromEntries(kept) },
    }),
    dropped: entries.length - kept.length,
  };
}
