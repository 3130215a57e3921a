import { describeProblem, type Problem } from '../core/result.ts';

/** More problems than this are summed up in one line: a page of them helps nobody fix the first. */
export const listedProblems = 20;

/**
 * Problems in the user's words (question EXP-01, due date; not answers.EXP-01.due), the first
 * twenty of them, announced to screen readers as they appear.
 */
export function ProblemList({ problems, lead }: { problems: readonly Problem[]; lead: string }) {
  if (problems.length === 0) return null;
  const unlisted = problems.length - listedProblems;
  return (
    <div className="notice warning" role="alert">
      <p>
        <strong>{lead}</strong>
      </p>
      <ul>
        {problems.slice(0, listedProblems).map((problem, index) => (
          // The list never reorders and two problems may read alike: the position is the identity.
          <li key={index}>{describeProblem(problem)}</li>
        ))}
      </ul>
      {unlisted > 0 && (
        <p>
          and {unlisted.toLocaleString('en')} more problem{unlisted === 1 ? '' : 's'}
        </p>
      )}
    </div>
  );
}
