import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { referenceTitles } from '../../core/frameworks/catalog.ts';
import { effortLabel, formatDate, formatPoints, horizonLabel } from '../../core/format.ts';
import { textLimits } from '../../core/assessment/limits.ts';
import type { PlanAction } from '../../core/planning/plan.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { setIndex } from '../../core/questionSet/setIndex.ts';
import {
  actionTags,
  criticalGapTag,
  lateDueTag,
  overdueTag,
  recommendationRef,
  unverifiedNote,
} from '../../core/reporting/labels.ts';
import { useAssessments } from '../../store/index.ts';
import './results.css';

const initialRows = 15;
function References({ set, action }: { set: QuestionSet; action: PlanAction }) {
  const recommendations = setIndex(set).recommendation;
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
        const technique = set.techniques[id];
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
      // Owners are typed in any script: an Arabic or Hebrew name runs right to left.
      dir="auto"
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

const tagClass: Readonly<Record<string, string>> = {
  [criticalGapTag]: 'tag critical warning-tag',
  [lateDueTag]: 'tag warning-tag',
  [overdueTag]: 'tag critical warning-tag',
};

/**
 * The actions whose due date is later than their horizon, listed above the plan: most of the plan
 * is folded away at first, and a late action there would otherwise go unseen.
 */
function LateActions({ actions }: { actions: readonly PlanAction[] }) {
  const late = actions.flatMap((action, index) =>
    action.dueAfterHorizon && action.due ? [{ action, rank: index + 1, due: action.due }] : [],
  );
  if (late.length === 0) return null;
  return (
    <div className="notice warning plan-late">
      <p>
        {late.length === 1
          ? 'One action is due later than its horizon allows:'
          : `${late.length} actions are due later than their horizon allows:`}
      </p>
      <ul aria-label="Actions due later than their horizon">
        {late.map(({ action, rank, due }) => (
          <li key={action.id}>
            #{rank} {action.action}: due {formatDate(`${due}T00:00:00`)}, later than the{' '}
            {horizonLabel[action.horizon]} horizon
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The remediation plan in order; owner and due date are edited here and saved at once. */
export function PlanTable({
  set,
  actions,
  assessmentId,
}: {
  set: QuestionSet;
  actions: readonly PlanAction[];
  assessmentId: string;
}) {
  const updateAnswers = useAssessments((state) => state.updateAnswers);
  const [showAll, setShowAll] = useState(false);
  // On a phone each action is one line; these are the ones opened to show their details.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const firstRevealed = useRef<HTMLElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const shown = showAll ? actions : actions.slice(0, initialRows);
  // The day the plan is looked at: an action due before it is overdue.
  const today = new Date().toISOString().slice(0, 10);
  const titleOf = new Map(actions.map((a) => [a.id, a.action]));
  if (actions.length === 0)
    return <p>Nothing to do: every applicable control is fully in place and verified.</p>;

  const toggleOpened = (id: string) =>
    setOpened((before) => {
      const after = new Set(before);
      if (!after.delete(id)) after.add(id);
      return after;
    });
  // Showing more moves focus to the first action revealed, so that reading goes on from there;
  // showing fewer keeps focus on the button, which moves up, and brings it into view.
  const toggleShowAll = () => {
    flushSync(() => setShowAll(!showAll));
    if (showAll) showButton.current?.scrollIntoView?.({ block: 'center' });
    else firstRevealed.current?.focus();
  };

  return (
    <>
      <LateActions actions={actions} />
      <div className="table-scroll">
        <table className="plan-table action-plan">
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
            {shown.map((action, index) => {
              const isOpen = opened.has(action.id);
              return (
                <tr
                  key={action.id}
                  className={[
                    action.critical
                      ? 'critical-row'
                      : action.kind === 'containment'
                        ? 'stopgap-row'
                        : '',
                    isOpen ? 'opened' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <td data-label="#" className="plan-rank">
                    {index + 1}
                    <button
                      type="button"
                      className="plan-toggle"
                      aria-expanded={isOpen}
                      aria-label={`Details of action ${index + 1}: ${action.action}`}
                      onClick={() => toggleOpened(action.id)}
                    />
                  </td>
                  <td data-label="Action" className="plan-action">
                    <strong
                      className="plan-title"
                      ref={index === initialRows ? firstRevealed : undefined}
                      tabIndex={index === initialRows ? -1 : undefined}
                    >
                      {action.action}
                    </strong>
                    <span className="plan-tags">
                      {actionTags(action, today).map((tag) => (
                        <span key={tag} className={tagClass[tag] ?? 'tag'}>
                          {tag}
                        </span>
                      ))}
                    </span>
                    <span className="action-links">
                      {action.kind === 'containment' ? 'Stops the worst of' : 'Closes'}{' '}
                      {action.questionIds.join(', ')}
                      {action.programme &&
                        ` · ${setIndex(set).programmeTitle.get(action.programme) ?? action.programme}`}
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
                      <References set={set} action={action} />
                    </details>
                  </td>
                  <td data-label="Horizon" className="plan-more">
                    {horizonLabel[action.horizon]}
                  </td>
                  <td data-label="Risk reduction" className="plan-risk">
                    {action.kind === 'containment'
                      ? 'stop-gap'
                      : `−${formatPoints(action.riskReduction)}`}
                  </td>
                  <td data-label="Effort" className="plan-more">
                    {effortLabel[action.effort]}
                  </td>
                  <td data-label="Owner" className="plan-more">
                    <OwnerInput
                      action={action}
                      assessmentId={assessmentId}
                      label={`Owner of action ${index + 1}: ${action.action}`}
                    />
                  </td>
                  <td data-label="Due" className="plan-more">
                    <input
                      type="date"
                      aria-label={`Due date of action ${index + 1}: ${action.action}`}
                      aria-describedby={
                        action.dueAfterHorizon ? `${action.id}-due-late` : undefined
                      }
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
              );
            })}
          </tbody>
        </table>
        {actions.length > initialRows && (
          <button ref={showButton} type="button" className="button" onClick={toggleShowAll}>
            {showAll
              ? `Show the first ${initialRows} actions only`
              : `Show all ${actions.length} actions`}
          </button>
        )}
      </div>
    </>
  );
}
