import type { Answer, Assessment } from '../assessment/model.ts';
import { maxHistoryEntries, type ChangeRoute } from './fields.ts';
import type { HistoryEntry } from './schema.ts';

/** Who makes a change, as an answer's history records it. */
export interface Actor {
  name: string;
  role?: string;
  via: ChangeRoute;
}

/** The role the history gives the person who runs the assessment. */
export const leadRole = 'lead';

/**
 * The lead of an assessment: its assessor by name, with the role "lead"; or "the lead" alone when
 * none is named (never "the lead (lead)").
 */
export function leadOf(assessment: Pick<Assessment, 'assessor'>): Actor {
  const name = assessment.assessor?.trim();
  return name ? { name, role: leadRole, via: 'lead' } : { name: 'the lead', via: 'lead' };
}

/**
 * Changes by one person within this time make one entry: clicking through the options of a
 * question, or correcting a slip, is one decision, not five.
 */
const sameDecisionMs = 10 * 60_000;

const entryOf = (actor: Actor, at: Date, event: HistoryEntry['event']): HistoryEntry => ({
  at: at.toISOString(),
  event,
  by: actor.name,
  ...(actor.role ? { role: actor.role } : {}),
  via: actor.via,
});

/** The history with one more entry, the oldest dropped beyond the limit. */
function appended(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [...history, entry].slice(-maxHistoryEntries);
}

/**
 * The answer's history after its choice went from `before` to the answer's current choice: a new
 * entry, or the last one widened when the same person made it moments ago (and dropped when the
 * choice is back where it started). Unchanged when the choice did not change.
 */
export function historyAfterChoice(
  history: readonly HistoryEntry[],
  before: string | undefined,
  after: string | undefined,
  actor: Actor,
  at: Date,
): HistoryEntry[] {
  if (before === after) return [...history];
  const last = history.at(-1);
  const recent =
    last?.event === 'answered' &&
    last.by === actor.name &&
    last.via === actor.via &&
    at.getTime() - Date.parse(last.at) < sameDecisionMs;
  if (recent) {
    const earlier = history.slice(0, -1);
    if (last.from === after) return earlier;
    const { to: _to, ...widened } = last;
    return [...earlier, { ...widened, at: at.toISOString(), ...(after ? { to: after } : {}) }];
  }
  return appended(history, {
    ...entryOf(actor, at, 'answered'),
    ...(before ? { from: before } : {}),
    ...(after ? { to: after } : {}),
  });
}

/** The history with an event that does not change the choice: a confirmation, a merge, a note. */
export function historyWith(
  history: readonly HistoryEntry[],
  event: Exclude<HistoryEntry['event'], 'answered'>,
  actor: Actor,
  at: Date,
): HistoryEntry[] {
  return appended(history, entryOf(actor, at, event));
}

/** The answer with its history set; an empty history leaves the field out. */
export function withHistory(answer: Answer, history: readonly HistoryEntry[]): Answer {
  const { history: _old, ...rest } = answer;
  return history.length === 0 ? rest : { ...rest, history: [...history] };
}

const personOf = (entry: HistoryEntry): string =>
  entry.role ? `${entry.by} (${entry.role})` : entry.by;

/** One step of an answer's record: who, how, when. */
export interface AttributedStep {
  by: string;
  via: ChangeRoute;
  at: string;
}

/**
 * What the history says of the answer as it stands: who gave its choice, who last confirmed it
 * since (the lead, or an assignee who returned it unchanged), and who last merged it in.
 */
export interface Attribution {
  answered?: AttributedStep;
  confirmed?: AttributedStep;
  merged?: AttributedStep;
}

const stepOf = (entry: HistoryEntry | undefined): AttributedStep | undefined =>
  entry && { by: personOf(entry), via: entry.via, at: entry.at };

/** From an answer's history; nothing for an answer given before Cellguard kept one. */
export function attributionOf(
  answer: Pick<Answer, 'history'> | undefined,
): Attribution | undefined {
  const history = answer?.history ?? [];
  const lastAnswered = history.findLastIndex((entry) => entry.event === 'answered');
  const since = history.slice(lastAnswered + 1);
  const answered = stepOf(history[lastAnswered]);
  const confirmed = stepOf(since.findLast((entry) => entry.event === 'confirmed'));
  const merged = stepOf(since.findLast((entry) => entry.event === 'merged'));
  if (!answered && !confirmed && !merged) return undefined;
  return {
    ...(answered ? { answered } : {}),
    ...(confirmed ? { confirmed } : {}),
    ...(merged ? { merged } : {}),
  };
}

const routeWords = (step: AttributedStep) =>
  step.via === 'questionnaire' ? ' via questionnaire' : '';

/**
 * "answered by Ana Ruiz (network operations) via questionnaire, 12 March 2026; merged by
 * J. Smith (lead), 14 March 2026": one line for the page and the PDF, dates in the given format.
 * "Merged" is not "confirmed": the lead took the answer in, which says nothing of checking it.
 */
export function attributionLine(
  answer: Pick<Answer, 'history'> | undefined,
  formatDate: (iso: string) => string,
): string | undefined {
  const attribution = attributionOf(answer);
  if (!attribution) return undefined;
  const { answered, confirmed, merged } = attribution;
  const parts: string[] = [];
  if (answered)
    parts.push(
      answered.via === 'other-set'
        ? `taken from ${answered.by}, ${formatDate(answered.at)}`
        : `answered by ${answered.by}${routeWords(answered)}, ${formatDate(answered.at)}`,
    );
  if (confirmed)
    parts.push(`confirmed by ${confirmed.by}${routeWords(confirmed)}, ${formatDate(confirmed.at)}`);
  if (merged) parts.push(`merged by ${merged.by}, ${formatDate(merged.at)}`);
  return parts.join('; ');
}
