import type { Answer } from './model.ts';

/**
 * Answers of a file written before format 4, where the note of a "not applicable" answer was its
 * reason: that note becomes the reason, so the answer counts as it did, and each is listed for
 * the user to check (a note written for another purpose may now read as the reason).
 */
export function upgradeAnswers(
  answers: Readonly<Record<string, Answer>>,
  formatVersion: number,
): { answers: Record<string, Answer>; changes: string[] } {
  if (formatVersion >= 4) return { answers: withConsistentMarks(answers), changes: [] };
  const moved: string[] = [];
  const upgraded = Object.fromEntries(
    Object.entries(answers).map(([id, answer]): [string, Answer] => {
      if (answer.choice !== 'na' || !answer.note?.trim() || answer.naReason) return [id, answer];
      const { note, ...rest } = answer;
      moved.push(id);
      return [id, { ...rest, naReason: note }];
    }),
  );
  const changes =
    moved.length === 0
      ? []
      : [
          `"Not applicable" now has its own reason field; the note of ${moved.join(', ')} became ${moved.length === 1 ? 'its' : 'their'} reason. Check that it says why the control does not apply.`,
        ];
  return { answers: upgraded, changes };
}

/**
 * "Taken from another set" describes an unconfirmed answer only: on a confirmed one (a hand-edited
 * file, or an older Cellguard's edit) it would claim a source the answer no longer rests on, and
 * keep newer answers from being offered. Dropped there; nothing else changes.
 */
function withConsistentMarks(answers: Readonly<Record<string, Answer>>): Record<string, Answer> {
  return Object.fromEntries(
    Object.entries(answers).map(([id, answer]): [string, Answer] => {
      if (!answer.takenFrom || answer.carriedOver) return [id, answer];
      const { takenFrom: _dropped, ...rest } = answer;
      return [id, rest];
    }),
  );
}
