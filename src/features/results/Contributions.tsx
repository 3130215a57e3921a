import { formatPoints } from '../../core/format.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { setIndex } from '../../core/questionSet/setIndex.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';
import { hrefs } from '../../routing/routes.ts';
import './results.css';

export function Contributions({
  set,
  result,
  assessmentId,
  limit = 8,
}: {
  set: QuestionSet;
  result: ScoreResult;
  assessmentId: string;
  limit?: number;
}) {
  const largest = [...result.questions]
    .filter((q) => q.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.questionId.localeCompare(b.questionId))
    .slice(0, limit);
  if (largest.length === 0) return <p>No control adds to the risk.</p>;
  return (
    <ol className="contributions">
      {largest.map((q) => (
        <li key={q.questionId}>
          <span className="points">{formatPoints(q.contribution)} pts</span>{' '}
          <a href={hrefs.step(assessmentId, q.domainId, q.questionId)}>
            <span className="question-id">{q.questionId}</span>{' '}
            {setIndex(set).question.get(q.questionId)?.title}
          </a>
          {q.status !== 'answered' && (
            <span className="tag">{q.status === 'unknown' ? "Don't know" : 'Not answered'}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
