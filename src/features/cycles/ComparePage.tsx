import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { BandBadge } from '../../components/BandBadge.tsx';
import { NavigatorLayerDownloads } from '../../components/NavigatorLayerDownloads.tsx';
import { isolated, UserTextList } from '../../components/UserText.tsx';
import { questionSetById, setTitle } from '../../content/questionSets.ts';
import {
  answerChanges,
  changeGroups,
  effectExplanation,
  type AnswerChange,
} from '../../core/comparison/answerChanges.ts';
import { pointsMove, riskDirection, type Direction } from '../../core/comparison/direction.ts';
import {
  actionProgress,
  compareResults,
  planProgressSummary,
  type ActionState,
} from '../../core/comparison/compare.ts';
import { compareCycles } from '../../core/cycles/cycleLabel.ts';
import { unconfirmedOrigins } from '../../core/cycles/cycles.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { setIndex } from '../../core/questionSet/setIndex.ts';
import { progressOf } from '../../core/scoring/progress.ts';
import { formatDate, formatRisk } from '../../core/format.ts';
import { plan } from '../../core/planning/plan.ts';
import { phaseStateLabel } from '../../core/reporting/statements.ts';
import { score } from '../../core/scoring/score.ts';
import { signed } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments, type StoredAssessment } from '../../store/index.ts';
import './cycles.css';

const stateLabel: Record<ActionState, string> = {
  done: 'Done',
  improved: 'Improved',
  overdue: 'Overdue',
  open: 'Open',
};
/**
 * The cycle first, so that a narrow picker still shows which cycle it holds. An <option> holds no
 * <bdi>: organisation and scope are isolated in the text instead.
 */
const describe = ({ assessment }: StoredAssessment) =>
  [
    assessment.cycle,
    ...[assessment.organisation, assessment.scope].filter(Boolean).map(isolated),
  ].join(' · ');

/** More controls in place is better. */
const countDirection = (change: number): Direction =>
  change > 0 ? 'better' : change < 0 ? 'worse' : 'same';

/** A control, its answer before and now, and what that did to the risk. */
function ChangeItem({ title, change }: { title: string | undefined; change: AnswerChange }) {
  return (
    <li>
      <span className="question-id">{change.questionId}</span> {title}:{' '}
      <span className="answer-move">
        {change.from} → {change.to}
      </span>{' '}
      <span className={`delta ${riskDirection(change.effect)}`}>
        {pointsMove(change.effect)} points
      </span>
    </li>
  );
}

function ChangeList({
  set,
  changes,
  empty,
}: {
  set: QuestionSet;
  changes: readonly AnswerChange[];
  empty: string;
}) {
  if (changes.length === 0) return <p className="muted">{empty}</p>;
  const titles = setIndex(set).question;
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <ChangeItem
          key={change.questionId}
          title={titles.get(change.questionId)?.title}
          change={change}
        />
      ))}
    </ul>
  );
}

/** A table that may scroll sideways: a named region the keyboard can reach and scroll. */
function ScrollingTable({
  title,
  summary,
  children,
}: {
  title: string;
  summary?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <>
      <h2 id={headingId}>{title}</h2>
      {summary}
      <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        {children}
      </div>
    </>
  );
}

interface DeltaRow {
  key: string;
  label: string;
  previous: string;
  current: string;
  change: string;
  /** Null when there is nothing to compare. */
  direction: Direction | null;
}

function DeltaTable(props: {
  title: string;
  rowHeader: string;
  before: string;
  after: string;
  rows: readonly DeltaRow[];
}) {
  return (
    <div className="panel">
      <ScrollingTable title={props.title}>
        <table className="compact-table">
          <thead>
            <tr>
              <th scope="col">{props.rowHeader}</th>
              <th scope="col" className="cycle-label">
                {props.before}
              </th>
              <th scope="col" className="cycle-label">
                {props.after}
              </th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.previous}</td>
                <td>{row.current}</td>
                <td className={row.direction ? `delta ${row.direction}` : ''}>{row.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </div>
  );
}

/** A warning when the two sides cannot show progress: one cycle twice, or the later one first. */
function OrderWarning({ before, after }: { before: StoredAssessment; after: StoredAssessment }) {
  const order = compareCycles(before.assessment.cycle, after.assessment.cycle);
  if (order === 0)
    return (
      <p className="notice warning" role="alert">
        Both sides are {before.assessment.cycle}: pick an earlier cycle to see what changed.
      </p>
    );
  if (order < 0) return null;
  return (
    <p className="notice warning" role="alert">
      {before.assessment.cycle} comes after {after.assessment.cycle}: every change below reads
      backwards. <a href={hrefs.compare(after.id, before.id)}>Swap the two cycles</a>
    </p>
  );
}

/**
 * Which side rests partly on carried-over answers nobody confirmed: its score, and so the change,
 * is partly the cycle before's.
 */
function UnconfirmedNotice({
  set,
  sides,
}: {
  set: QuestionSet;
  sides: readonly StoredAssessment[];
}) {
  const drafts = sides
    .map((stored) => ({
      stored,
      unconfirmed: progressOf(set, stored.assessment.answers).unconfirmed,
    }))
    .filter(({ unconfirmed }) => unconfirmed > 0);
  if (drafts.length === 0) return null;
  return (
    <p className="notice warning">
      {drafts.map(({ stored, unconfirmed }) => (
        <span key={stored.id}>
          {stored.assessment.cycle} is a draft: {unconfirmed} of its answers were{' '}
          {unconfirmedOrigins(stored.assessment, setTitle)} and not confirmed, so its score rests
          partly on those earlier answers.{' '}
        </span>
      ))}
    </p>
  );
}

/** Any two cycles side by side: what moved, what was fixed, what slipped, and how the plan went. */
export function ComparePage({ from, to }: { from: string; to: string }) {
  const assessments = useAssessments((state) => state.assessments);
  const before = assessments[from];
  const after = assessments[to];
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from further down another page: start at the top, where the heading says where we are.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, []);
  // Two cycles of one set: the later side's set decides which assessments can be picked.
  const setId = (after ?? before)?.assessment.questionSet.id;
  const set = setId === undefined ? undefined : questionSetById(setId);
  const sameSet = before?.assessment.questionSet.id === after?.assessment.questionSet.id;
  // Both pickers list the later side's set, so that either can be set to a cycle that compares;
  // a side of another set (from a link) is listed too, so that it is shown as what it is.
  const cyclesOf = useMemo(() => {
    const sameSetCycles = Object.values(assessments)
      .filter((stored) => stored.assessment.questionSet.id === setId)
      .sort(
        (a, b) =>
          compareCycles(a.assessment.cycle, b.assessment.cycle) ||
          a.assessment.createdAt.localeCompare(b.assessment.createdAt),
      );
    return (side: StoredAssessment | undefined) =>
      side && side.assessment.questionSet.id !== setId ? [side, ...sameSetCycles] : sameSetCycles;
  }, [assessments, setId]);
  const view = useMemo(() => {
    if (!before || !after || !set || !sameSet) return undefined;
    const previous = {
      assessment: before.assessment,
      result: score(set, before.assessment),
    };
    const current = { assessment: after.assessment, result: score(set, after.assessment) };
    const comparison = compareResults(previous, current);
    return {
      set,
      comparison,
      changes: answerChanges(set, comparison, previous, current),
      progress: actionProgress(
        plan(set, before.assessment, previous.result),
        previous.result,
        current.result,
        new Date().toISOString().slice(0, 10),
      ),
    };
  }, [before, after, set, sameSet]);

  const picker = (
    label: string,
    side: StoredAssessment | undefined,
    value: string,
    onChange: (next: string) => void,
  ) => (
    <div className="field">
      <label htmlFor={`compare-${label}`}>{label}</label>
      <select
        id={`compare-${label}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {cyclesOf(side).map((stored) => (
          <option key={stored.id} value={stored.id}>
            {describe(stored)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="compare-page" aria-labelledby="compare-title">
      {after && (
        <p>
          <a href={hrefs.results(after.id)}>Back to the {after.assessment.cycle} results</a>
        </p>
      )}
      <h1 id="compare-title" ref={heading} tabIndex={-1}>
        Compare two cycles
      </h1>
      {set && sameSet && <p className="muted">{set.title}</p>}
      <div className="field-row">
        {picker('Earlier cycle', before, from, (next) => navigate(hrefs.compare(next, to)))}
        {picker('Later cycle', after, to, (next) => navigate(hrefs.compare(from, next)))}
      </div>
      {before && after && !sameSet ? (
        <p className="notice warning" role="alert">
          These two assessments answer different question sets (
          {setTitle(before.assessment.questionSet.id)}; {setTitle(after.assessment.questionSet.id)}
          ): a comparison needs two cycles of one set.
        </p>
      ) : !view || !before || !after ? (
        <p>Choose two assessments kept in this browser.</p>
      ) : (
        <>
          <OrderWarning before={before} after={after} />
          <UnconfirmedNotice
            set={view.set}
            sides={before.id === after.id ? [after] : [before, after]}
          />
          <NavigatorLayerDownloads
            set={view.set}
            current={after.assessment}
            previous={before.assessment}
            changeOnly
          />
          <div className="panel">
            <h2>Risk</h2>
            <p className="compare-score">
              {formatRisk(view.comparison.previous.risk)}{' '}
              <BandBadge band={view.comparison.previous.band} /> →{' '}
              {formatRisk(view.comparison.current.risk)}{' '}
              <BandBadge band={view.comparison.current.band} />{' '}
              <strong className={`delta ${riskDirection(view.comparison.riskDelta)}`}>
                {pointsMove(view.comparison.riskDelta)} points
              </strong>
            </p>
          </div>
          <div className="results-grid">
            <DeltaTable
              title="Per domain"
              rowHeader="Domain"
              before={before.assessment.cycle}
              after={after.assessment.cycle}
              rows={view.comparison.domains.map((d) => ({
                key: d.domainId,
                label: d.title,
                previous: d.previous === null ? 'n/a' : formatRisk(d.previous),
                current: d.current === null ? 'n/a' : formatRisk(d.current),
                change: d.delta === null ? '—' : pointsMove(d.delta),
                direction: d.delta === null ? null : riskDirection(d.delta),
              }))}
            />
            <DeltaTable
              title="Per attack phase (controls in place)"
              rowHeader="Phase"
              before={before.assessment.cycle}
              after={after.assessment.cycle}
              rows={view.comparison.phases.map((p) => ({
                key: p.phaseId,
                label: `${p.phaseId} ${p.title}`,
                previous: `${p.previousInPlace} · ${phaseStateLabel[p.previous]}`,
                current: `${p.currentInPlace} · ${phaseStateLabel[p.current]}`,
                change: signed(p.currentInPlace - p.previousInPlace, String),
                direction: countDirection(p.currentInPlace - p.previousInPlace),
              }))}
            />
          </div>
          <div className="results-grid">
            <div className="panel">
              <h2>Gaps closed ({view.changes.closedGaps.length})</h2>
              <ChangeList
                set={view.set}
                changes={view.changes.closedGaps}
                empty="No gap was closed."
              />
            </div>
            <div className="panel">
              <h2>New gaps ({view.changes.newGaps.length})</h2>
              <ChangeList set={view.set} changes={view.changes.newGaps} empty="No new gap." />
            </div>
          </div>
          <div className="panel">
            <h2>Every changed answer</h2>
            <p className="muted small">{effectExplanation}</p>
            {changeGroups(view.changes).map((group) => (
              <div key={group.title} className="change-group">
                <h3>
                  {group.title} ({group.changes.length})
                </h3>
                <ChangeList set={view.set} changes={group.changes} empty={group.empty} />
              </div>
            ))}
          </div>
          <div className="panel">
            <ScrollingTable
              title={`The ${before.assessment.cycle} plan`}
              summary={<p className="muted">{planProgressSummary(view.progress)}.</p>}
            >
              <table className="compact-table">
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {view.progress.map(({ action, state }) => (
                    <tr key={action.id}>
                      <td>{action.action}</td>
                      <td>
                        {action.owners.length > 0 ? <UserTextList items={action.owners} /> : '—'}
                      </td>
                      <td className="nowrap">{action.due ? formatDate(action.due) : '—'}</td>
                      <td>
                        <span className={`status status-${state}`}>{stateLabel[state]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollingTable>
          </div>
        </>
      )}
    </section>
  );
}
