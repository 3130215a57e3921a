import type { ReactNode } from 'react';
import type { ChangeRoute } from '../../core/delegation/fields.ts';
import type { HistoryEntry } from '../../core/delegation/schema.ts';

interface AnswerHistoryProps {
  /** The answer's history, oldest first, as the assessment file keeps it. */
  history: readonly HistoryEntry[];
  /** The question's own options, to name a choice by its label rather than its id. */
  options: readonly { id: string; label: string }[];
  /** A date and time as the page shows them. */
  formatDateTime: (iso: string) => string;
}

/** The answers every question offers besides its own options. */
const universalLabels: Readonly<Record<string, string>> = {
  na: 'Not applicable',
  unknown: "Don't know",
};

/**
 * "Ana Ruiz (network operations)"; "the lead", not "the lead (lead)", when no lead is named. The
 * name and the role are the user's own words: each is a <bdi>, so that an Arabic or Hebrew one
 * keeps its direction and the brackets stay around it.
 */
function Person({ by, role }: HistoryEntry) {
  return role && by !== `the ${role}` ? (
    <>
      <bdi>{by}</bdi> (<bdi>{role}</bdi>)
    </>
  ) : (
    <bdi>{by}</bdi>
  );
}

/**
 * Who made the change and how it reached the assessment: "typed by J. Smith (lead)", "by Ana Ruiz
 * (network operations), via questionnaire", "taken from <the other set and its cycle>".
 */
function Who({ entry }: { entry: HistoryEntry }) {
  const person = <Person {...entry} />;
  const route: Record<ChangeRoute, ReactNode> = {
    lead: (
      <>
        {entry.event === 'answered' ? 'typed by' : 'by'} {person}
      </>
    ),
    questionnaire: <>by {person}, via questionnaire</>,
    'other-set': <>taken from {person}</>,
  };
  return route[entry.via];
}

/** What the change did: "Partly → Fully", "first answer: Fully", "confirmed as it is". */
function what(entry: HistoryEntry, label: (choice: string) => string): string {
  switch (entry.event) {
    case 'answered':
      if (entry.from === undefined)
        return entry.to === undefined ? 'answered' : `first answer: ${label(entry.to)}`;
      if (entry.to === undefined) return `cleared the answer (was ${label(entry.from)})`;
      return `${label(entry.from)} → ${label(entry.to)}`;
    case 'confirmed':
      return 'confirmed as it is';
    case 'merged':
      return 'merged into the assessment';
    case 'note':
      return 'added a note';
  }
}

const plural = (count: number) => (count === 1 ? '1 change' : `${count} changes`);

/**
 * Who changed an answer, when, how and to what: a disclosure, closed until asked for, listing the
 * latest change first. Nothing for an answer without a history.
 */
export function AnswerHistory({ history, options, formatDateTime }: AnswerHistoryProps) {
  if (history.length === 0) return null;
  const labels = new Map(options.map((option) => [option.id, option.label]));
  const label = (choice: string) => labels.get(choice) ?? universalLabels[choice] ?? choice;
  // The reverse of the order the changes reached the assessment, which keeps each "from" next to
  // the change that set it: an assignee's answer is recorded when merged, with the time they gave it.
  const newestFirst = history.map((entry, index) => ({ entry, index })).reverse();
  return (
    <details className="answer-history">
      <summary>History of this answer ({plural(history.length)})</summary>
      <ol className="plain">
        {newestFirst.map(({ entry, index }) => (
          <li key={index}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
            <span>
              <span className="history-what">{what(entry, label)}</span>, <Who entry={entry} />
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
