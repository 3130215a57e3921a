/**
 * The one statement of what an assessment's text fields may hold. The file schema, the forms'
 * rules, the inputs' maxLength and the store's clipping are all built from it, so that whatever
 * the app lets a user save is a file it will import again.
 */
export const textLimits = {
  organisation: 200,
  scope: 200,
  cycle: 40,
  assessor: 200,
  carriedFrom: 40,
  choice: 40,
  note: 10_000,
  naReason: 10_000,
  evidence: 10_000,
  owner: 200,
  compensatingControl: 10_000,
  riskAcceptedBy: 200,
  /** A person an answer or a questionnaire names: the lead or an assignee. */
  person: 200,
  role: 200,
  email: 320,
} as const;

export type LimitedField = keyof typeof textLimits;

/** How a form names each field in its "too long" message. */
const fieldNouns: Readonly<Record<LimitedField, string>> = {
  organisation: 'the name',
  scope: 'the scope',
  cycle: 'the cycle',
  assessor: 'the name',
  carriedFrom: 'the cycle',
  choice: 'the answer',
  note: 'the note',
  naReason: 'the reason',
  evidence: 'the evidence',
  owner: 'the owner',
  compensatingControl: 'the compensating control',
  riskAcceptedBy: 'the name',
  person: 'the name',
  role: 'the role',
  email: 'the email address',
};

/** The length rule a form applies to a field: its limit and the message when it is broken. */
export function lengthRule(field: LimitedField): { value: number; message: string } {
  const value = textLimits[field];
  return {
    value,
    message: `Keep ${fieldNouns[field]} to ${value.toLocaleString('en-GB')} characters or fewer.`,
  };
}

/** The free-text fields of an answer, clipped by the store to their limits. */
export const answerTextFields = [
  'note',
  'naReason',
  'evidence',
  'owner',
  'compensatingControl',
  'riskAcceptedBy',
] as const;

/** The date fields of an answer, YYYY-MM-DD. */
export const answerDateFields = ['evidenceDate', 'due'] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A text cut to its field's limit, without splitting a character made of two UTF-16 units. */
export function clipText(value: string, field: LimitedField): string {
  const limit = textLimits[field];
  if (value.length <= limit) return value;
  const cut = value.slice(0, limit);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
