import {
  chainGaugeExplanation,
  phaseRatingLabel,
  phaseStateLabel,
  type ResultStatements,
} from '../../core/reporting/statements.ts';
import type { PhaseScore, ScoreResult } from '../../core/scoring/score.ts';
import './results.css';

function Rating({
  label,
  inPlace,
  controls,
}: {
  label: string;
  inPlace: string[];
  controls: string[];
}) {
  return (
    <div className="chain-rating">
      <span className="chain-rating-label">
        {phaseRatingLabel(label, inPlace.length, controls.length)}
      </span>
      <span className="bar-track" aria-hidden="true">
        {inPlace.length > 0 && (
          <span
            className="bar-fill chain-fill"
            style={{ width: `${(100 * inPlace.length) / controls.length}%` }}
          />
        )}
      </span>
      {inPlace.length > 0 && <span className="chain-controls">{inPlace.join(', ')}</span>}
    </div>
  );
}

function Phase({ phase }: { phase: PhaseScore }) {
  return (
    <li className={`chain-phase state-${phase.state}`}>
      <span className="chain-id">{phase.phaseId}</span>
      <span className="chain-title">{phase.title}</span>
      <span className="chain-state">{phaseStateLabel[phase.state]}</span>
      <Rating label="Prevention" inPlace={phase.preventedBy} controls={phase.preventionControls} />
      <Rating label="Detection" inPlace={phase.detectedBy} controls={phase.detectionControls} />
    </li>
  );
}

/**
 * The eight phases with what prevents and what detects each; above them, the statements that
 * are true without a probability model.
 */
export function AttackChain({
  result,
  statements,
}: {
  result: ScoreResult;
  statements: ResultStatements;
}) {
  return (
    <div>
      <ul className="chain-statements">
        <li>{statements.chain.unopposed}</li>
        <li>{statements.chain.detection}</li>
        <li>{statements.chain.prevention}</li>
        <li>{statements.chain.weakest}</li>
      </ul>
      <ol className="chain" aria-label="Attack chain, phase by phase">
        {result.phases.map((phase) => (
          <Phase key={phase.phaseId} phase={phase} />
        ))}
      </ol>
      <p className="muted small">{chainGaugeExplanation}</p>
    </div>
  );
}
