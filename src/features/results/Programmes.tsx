import { formatPoints, horizonSpan } from '../../core/format.ts';
import type { ProgrammeSummary } from '../../core/planning/plan.ts';
import './results.css';

/** The plan rolled up for management: one row per programme, in the plan's order of priority. */
export function Programmes({ programmes }: { programmes: readonly ProgrammeSummary[] }) {
  if (programmes.length === 0) return <p>No programme has an open action.</p>;
  return (
    <div className="table-scroll">
      <table className="plan-table programmes-table">
        <caption className="visually-hidden">Programmes in plan order</caption>
        <thead>
          <tr>
            <th scope="col">Programme</th>
            <th scope="col">Actions</th>
            <th scope="col">Risk reduction when done</th>
            <th scope="col">Horizons</th>
          </tr>
        </thead>
        <tbody>
          {programmes.map((programme) => (
            <tr key={programme.id}>
              <td data-label="Programme">
                <strong>{programme.title}</strong>
                <span className="action-links">{programme.summary}</span>
              </td>
              <td data-label="Actions">
                {programme.actionIds.length}
                {programme.criticalActions > 0 && (
                  <span className="tag critical">{programme.criticalActions} critical</span>
                )}
              </td>
              <td data-label="Risk reduction when done">
                −{formatPoints(programme.riskReduction)}
              </td>
              <td data-label="Horizons">
                {horizonSpan(programme.firstHorizon, programme.lastHorizon)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
