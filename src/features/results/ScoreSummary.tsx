import { BandBadge } from '../../components/BandBadge.tsx';
import { formatRisk } from '../../core/format.ts';
import type { ResultStatements } from '../../core/reporting/statements.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';
import './results.css';

export function ScoreSummary({
  result,
  statements,
}: {
  result: ScoreResult;
  statements: ResultStatements;
}) {
  return (
    <div className={`score-summary band-border-${result.band}`}>
      <p className="score-figure">
        <span className="score-label">Risk score</span>
        <strong className="score-number">{formatRisk(result.risk)}</strong>
        <span className="score-scale">out of 100</span>
        <BandBadge band={result.band} />
      </p>
      <p className="score-meaning">{statements.bandMeaning}</p>
      {statements.bandReasons.length > 0 && (
        <ul className="notice warning band-reasons" aria-label="Reasons for the band">
          {statements.bandReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
