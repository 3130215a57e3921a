import { formatRisk } from '../../core/format.ts';
import { bandOf } from '../../core/scoring/bands.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';
import './results.css';

/** Risk per domain as horizontal bars; the number is always written next to the bar. */
export function DomainBars({ result }: { result: ScoreResult }) {
  return (
    <ul className="bars" aria-label="Risk per domain">
      {result.domains.map((domain) => (
        <li key={domain.domainId} className="bar-row">
          <span className="bar-label">{domain.title}</span>
          <span className="bar-track" aria-hidden="true">
            {domain.risk !== null && (
              <span
                className={`bar-fill band-fill-${bandOf(domain.risk)}`}
                style={{ width: `${Math.max(domain.risk, 1)}%` }}
              />
            )}
          </span>
          <span className="bar-value">
            {domain.risk === null ? 'n/a' : formatRisk(domain.risk)}
          </span>
        </li>
      ))}
    </ul>
  );
}
