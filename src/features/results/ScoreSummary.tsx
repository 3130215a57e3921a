import { BandBadge } from '../../components/BandBadge.tsx';
import { formatRisk } from '../../core/format.ts';
import { bandLabel, bandMeaning } from '../../core/scoring/bands.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';

export function ScoreSummary({ result }: { result: ScoreResult }) {
  const raised = result.band !== result.bandFromRisk;
  return (
    <div className={`score-summary band-border-${result.band}`}>
      <p className="score-figure">
        <span className="score-label">Risk score</span>
        <strong className="score-number">{formatRisk(result.risk)}</strong>
        <span className="score-scale">out of 100</span>
        <BandBadge band={result.band} />
      </p>
      <p className="score-meaning">{bandMeaning[result.band]}</p>
      {raised && (
        <p className="notice warning">
          The number alone would be {bandLabel[result.bandFromRisk]}, but{' '}
          {result.criticalGaps.length} critical control
          {result.criticalGaps.length === 1 ? ' is' : 's are'} below full coverage (
          {result.criticalGaps.join(', ')}), which holds the band at {bandLabel[result.band]}.
        </p>
      )}
      {!raised && result.criticalGaps.length > 0 && (
        <p className="notice warning">
          Critical controls below full coverage: {result.criticalGaps.join(', ')}.
        </p>
      )}
    </div>
  );
}
