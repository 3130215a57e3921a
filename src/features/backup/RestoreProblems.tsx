import { describeProblem, type Problem } from '../../core/result.ts';

/**
 * Why a backup cannot be restored, announced as it appears, in the page's words: each names its
 * assessment by organisation, scope and cycle, and the question and answer as the user sees them.
 */
export function RestoreProblems({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice warning" role="alert">
      <p>
        <strong>This backup cannot be restored. Nothing was changed in this browser.</strong>
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path} ${problem.message}`}>{describeProblem(problem)}</li>
        ))}
      </ul>
    </div>
  );
}
