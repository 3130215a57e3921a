import { formatProblem, type Problem } from '../core/result.ts';

/** Problems in plain words, announced to screen readers as they appear. */
export function ProblemList({ problems, lead }: { problems: readonly Problem[]; lead: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice warning" role="alert">
      <p>{lead}</p>
      <ul>
        {problems.map((problem) => (
          <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
        ))}
      </ul>
    </div>
  );
}
