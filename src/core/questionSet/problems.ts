/** One thing wrong with a question set, located precisely enough to fix without searching. */
export interface SetProblem {
  file: string;
  questionId?: string;
  field?: string;
  message: string;
}

export function formatSetProblem(problem: SetProblem): string {
  const where = [problem.file, problem.questionId, problem.field].filter(Boolean).join(' › ');
  return `${where}: ${problem.message}`;
}
