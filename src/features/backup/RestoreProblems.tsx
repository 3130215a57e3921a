import type { Problem } from '../../core/result.ts';

/**
 * Why a backup cannot be restored, announced as it appears. A backup problem's message already
 * says where it is (an assessment by organisation, scope and cycle), so it is shown alone.
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
          <li key={`${problem.path} ${problem.message}`}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
