import { useState } from 'react';
import { effortLabel, formatPoints, horizonLabel } from '../../core/format.ts';
import type { PlanAction } from '../../core/planning/plan.ts';
import { useAssessments } from '../../store/index.ts';

const initialRows = 15;

/** The remediation plan in priority order; owner and due date are edited here and saved at once. */
export function PlanTable({
  actions,
  assessmentId,
}: {
  actions: readonly PlanAction[];
  assessmentId: string;
}) {
  const updateAnswers = useAssessments((state) => state.updateAnswers);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? actions : actions.slice(0, initialRows);
  if (actions.length === 0)
    return <p>Nothing to do: every applicable control is fully in place and verified.</p>;
  return (
    <div className="table-scroll">
      <table className="plan-table">
        <caption className="visually-hidden">Remediation plan in priority order</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Action</th>
            <th scope="col">Horizon</th>
            <th scope="col">Risk reduction</th>
            <th scope="col">Effort</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((action, index) => (
            <tr key={action.id} className={action.critical ? 'critical-row' : undefined}>
              <td data-label="#">{index + 1}</td>
              <td data-label="Action">
                <strong>{action.action}</strong>
                <span className="action-links">
                  {action.questionIds.join(', ')} · {action.recommendations.join(', ')} ·{' '}
                  {action.attack.join(', ')}
                </span>
                {action.critical && <span className="tag critical">Critical gap</span>}
                {action.horizonReason === 'quick-win' && <span className="tag">Quick win</span>}
              </td>
              <td data-label="Horizon">{horizonLabel[action.horizon]}</td>
              <td data-label="Risk reduction">−{formatPoints(action.riskReduction)}</td>
              <td data-label="Effort">{effortLabel[action.effort]}</td>
              <td data-label="Owner">
                <input
                  aria-label={`Owner of action ${index + 1}: ${action.action}`}
                  value={action.owners.join(', ')}
                  maxLength={200}
                  onChange={(event) =>
                    updateAnswers(assessmentId, action.questionIds, { owner: event.target.value })
                  }
                />
              </td>
              <td data-label="Due">
                <input
                  type="date"
                  aria-label={`Due date of action ${index + 1}: ${action.action}`}
                  value={action.due ?? ''}
                  onChange={(event) =>
                    updateAnswers(assessmentId, action.questionIds, { due: event.target.value })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {actions.length > shown.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all {actions.length} actions
        </button>
      )}
    </div>
  );
}
