import { formatChance, formatPercent } from '../../core/format.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';

/** The eight phases in order, each with how strongly it is stopped; the weakest are marked. */
export function AttackChain({ result }: { result: ScoreResult }) {
  const weakest = new Set(result.chain.weakest);
  return (
    <div>
      <ol className="chain" aria-label="Attack chain, phase by phase">
        {result.phases.map((phase) => (
          <li
            key={phase.phaseId}
            className={weakest.has(phase.phaseId) ? 'chain-phase weakest' : 'chain-phase'}
          >
            <span className="chain-id">{phase.phaseId}</span>
            <span className="chain-title">{phase.title}</span>
            <span className="chain-strength">stopped {formatPercent(phase.strength)}</span>
            {weakest.has(phase.phaseId) && <span className="tag critical">Weakest</span>}
          </li>
        ))}
      </ol>
      <p className="muted">
        The intrusion has to get through every phase. The chance-like exposure of the whole chain is{' '}
        <strong>{formatChance(result.chain.exposure)}</strong>; the weakest phases are where one
        more control buys the most depth.
      </p>
    </div>
  );
}
