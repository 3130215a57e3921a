import { useState } from 'react';
import { questionSet } from '../../content/questionSet.ts';
import { referenceTitles } from '../../core/frameworks/catalog.ts';
import { effortLabel, formatPoints, horizonLabel } from '../../core/format.ts';
import { textLimits } from '../../core/assessment/limits.ts';
import type { PlanAction } from '../../core/planning/plan.ts';
import { actionTags, recommendationRef, unverifiedNote } from '../../core/reporting/labels.ts';
import { useAssessments } from '../../store/index.ts';
import './results.css';

const initialRows = 15;
const recommendations = new Map(questionSet.recommendations.map((r) => [r.id, r]));

function References({ action }: { action: PlanAction }) {
  const titled = (ids: readonly string[]) =>
    ids.map((id) => `${id} ${referenceTitles[id] ?? ''}`.trim());
  const groups: [string, string[]][] = [
    [
      'Recommendations',
      action.recommendations.map((id) => {
        const recommendation = recommendations.get(id);
        return recommendation ? `${recommendationRef(recommendation)} ${recommendation.title}` : id;
      }),
    ],
    [
      'ATT&CK',
      action.attack.map((id) => {
        const technique = questionSet.techniques[id];
        return `${id} ${technique?.name ?? ''}${technique?.ownMapping ? ' (our own mapping)' : ''}`;
      }),
    ],
    ['NIST CSF 2.0', titled(action.nistCsf)],
    ['CIS Controls v8', action.cisV8.length > 0 ? titled(action.cisV8) : ['no safeguard fits']],
  ];
  return (
    <>
      <dl className="references">
        {groups
          .filter(([, items]) => items.length > 0)
          .map(([title, items]) => (
            <div key={title}>
              <dt>{title}</dt>
              {items.map((item) => (
                <dd key={item}>{item}</dd>
              ))}
            </div>
          ))}
      </dl>
      {action.recommendations.some((id) => recommendations.get(id)?.unverified) && (
        <p className="muted small">* {unverifiedNote}</p>
      )}
    </>
  );
}

function OwnerInput({
  action,
  label,
  assessmentId,
}: {
  action: PlanAction;
  label: string;
  assessmentId: string;
}) {
  const updateAnswers = useAssessments((state) => state.updateAnswers);
  const shown = action.owners.join(', ');
  // Typing edits a draft; the owner is saved when the field is left, so that what the planner
  // derives from the saved value (trimmed, one entry per owner) never rewrites what is being typed.
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft !== null && draft !== shown)
      updateAnswers(assessmentId, action.questionIds, { owner: draft.trim() });
    setDraft(null);
  };
  return (
    <input
      aria-label={label}
      value={draft ?? shown}
      maxLength={textLimits.owner}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
      }}
    />
  );
}

/** The remediation plan in order; owner and due date are edited here and saved at once. */
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
  const titleOf = new Map(actions.map((a) => [a.id, a.action]));
  if (actions.length === 0)
    return <p>Nothing to do: every applicable control is fully in place and verified.</p>;
  return (
    <div className="table-scroll">
      <table className="plan-table">
        <caption className="visually-hidden">Remediation plan in order</caption>
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
            <tr
              key={action.id}
              className={
                action.critical
                  ? 'critical-row'
                  : action.kind === 'containment'
                    ? 'stopgap-row'
                    : undefined
              }
            >
              <td data-label="#">{index + 1}</td>
              <td data-label="Action">
                <strong>{action.action}</strong>
                {actionTags(action).map((tag) => (
                  <span key={tag} className={tag === 'Critical gap' ? 'tag critical' : 'tag'}>
                    {tag}
                  </span>
                ))}
                <span className="action-links">
                  {action.kind === 'containment' ? 'Stops the worst of' : 'Closes'}{' '}
                  {action.questionIds.join(', ')}
                  {action.programme &&
                    ` · ${questionSet.programmes.find((p) => p.id === action.programme)?.title ?? action.programme}`}
                </span>
                {action.after.map(({ actionId, why }) => (
                  <span key={actionId} className="action-links">
                    After &ldquo;{titleOf.get(actionId)}&rdquo;: {why}
                  </span>
                ))}
                {action.related && (
                  <span className="action-links">
                    {action.kind === 'containment'
                      ? `Until done: “${titleOf.get(action.related)}”`
                      : `Stop-gap first: “${titleOf.get(action.related)}”`}
                  </span>
                )}
                <details className="action-details">
                  <summary>How to do it and references</summary>
                  <p>{action.detail}</p>
                  <References action={action} />
                </details>
              </td>
              <td data-label="Horizon">{horizonLabel[action.horizon]}</td>
              <td data-label="Risk reduction">
                {action.kind === 'containment'
                  ? 'stop-gap'
                  : `−${formatPoints(action.riskReduction)}`}
              </td>
              <td data-label="Effort">{effortLabel[action.effort]}</td>
              <td data-label="Owner">
                <OwnerInput
                  action={action}
                  assessmentId={assessmentId}
                  label={`Owner of action ${index + 1}: ${action.action}`}
                />
              </td>
              <td data-label="Due">
                <input
                  type="date"
                  aria-label={`Due date of action ${index + 1}: ${action.action}`}
                  aria-describedby={action.dueAfterHorizon ? `${action.id}-due-late` : undefined}
                  value={action.due ?? ''}
                  onChange={(event) =>
                    updateAnswers(assessmentId, action.questionIds, { due: event.target.value })
                  }
                />
                {action.dueAfterHorizon && (
                  <span id={`${action.id}-due-late`} className="field-error">
                    Later than the {horizonLabel[action.horizon]} horizon
                  </span>
                )}
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
