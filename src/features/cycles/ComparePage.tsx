import { useMemo } from 'react';
import { BandBadge } from '../../components/BandBadge.tsx';
import { questionSet } from '../../content/questionSet.ts';
import { actionProgress, compareResults, type ActionState } from '../../core/comparison/compare.ts';
import { formatCoverage, formatRisk } from '../../core/format.ts';
import { assessmentTitle } from '../../core/text.ts';
import { plan } from '../../core/planning/plan.ts';
import { phaseStateLabel } from '../../core/reporting/statements.ts';
import { signed } from '../../core/text.ts';
import { score } from '../../core/scoring/score.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments, type StoredAssessment } from '../../store/index.ts';
import './cycles.css';

const questionText = new Map(questionSet.questions.map((q) => [q.id, q.text]));
const stateLabel: Record<ActionState, string> = {
  done: 'Done',
  improved: 'Improved',
  overdue: 'Overdue',
  open: 'Open',
};
const describe = (stored: StoredAssessment) => assessmentTitle(stored.assessment);

function QuestionList({ ids, empty }: { ids: readonly string[]; empty: string }) {
  if (ids.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {ids.map((id) => (
        <li key={id}>
          <span className="question-id">{id}</span> {questionText.get(id)}
        </li>
      ))}
    </ul>
  );
}

interface DeltaRow {
  key: string;
  label: string;
  previous: string;
  current: string;
  change: string;
  /** Whether the change is an improvement; null when there is nothing to compare. */
  better: boolean | null;
}

function DeltaTable(props: {
  title: string;
  rowHeader: string;
  before: string;
  after: string;
  rows: readonly DeltaRow[];
}) {
  return (
    <div className="panel table-scroll">
      <h2>{props.title}</h2>
      <table className="compact-table">
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            <th scope="col">{props.before}</th>
            <th scope="col">{props.after}</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.previous}</td>
              <td>{row.current}</td>
              <td
                className={row.better === null ? '' : row.better ? 'delta better' : 'delta worse'}
              >
                {row.change}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Any two cycles side by side: what moved, what was fixed, what slipped, and how the plan went. */
export function ComparePage({ from, to }: { from: string; to: string }) {
  const assessments = useAssessments((state) => state.assessments);
  const before = assessments[from];
  const after = assessments[to];
  const options = useMemo(
    () =>
      Object.values(assessments).sort((a, b) =>
        a.assessment.createdAt.localeCompare(b.assessment.createdAt),
      ),
    [assessments],
  );
  const view = useMemo(() => {
    if (!before || !after) return undefined;
    const previousResult = score(questionSet, before.assessment);
    const currentResult = score(questionSet, after.assessment);
    return {
      comparison: compareResults(
        { assessment: before.assessment, result: previousResult },
        { assessment: after.assessment, result: currentResult },
      ),
      progress: actionProgress(
        plan(questionSet, before.assessment, previousResult),
        previousResult,
        currentResult,
        new Date().toISOString().slice(0, 10),
      ),
    };
  }, [before, after]);

  const picker = (label: string, value: string, onChange: (next: string) => void) => (
    <div className="field">
      <label htmlFor={`compare-${label}`}>{label}</label>
      <select
        id={`compare-${label}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((stored) => (
          <option key={stored.id} value={stored.id}>
            {describe(stored)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="compare-title">
      <h1 id="compare-title">Compare two cycles</h1>
      <div className="field-row">
        {picker('Earlier cycle', from, (next) => navigate(hrefs.compare(next, to)))}
        {picker('Later cycle', to, (next) => navigate(hrefs.compare(from, next)))}
      </div>
      {!view || !before || !after ? (
        <p>Choose two assessments kept in this browser.</p>
      ) : (
        <>
          <div className="panel">
            <h2>Risk</h2>
            <p className="compare-score">
              {formatRisk(view.comparison.previous.risk)}{' '}
              <BandBadge band={view.comparison.previous.band} /> →{' '}
              {formatRisk(view.comparison.current.risk)}{' '}
              <BandBadge band={view.comparison.current.band} />{' '}
              <strong className={view.comparison.riskDelta <= 0 ? 'delta better' : 'delta worse'}>
                {signed(view.comparison.riskDelta, formatRisk)} points
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
                change: d.delta === null ? '—' : signed(d.delta, formatRisk),
                better: d.delta === null ? null : d.delta <= 0,
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
                better: p.currentInPlace >= p.previousInPlace,
              }))}
            />
          </div>
          <div className="results-grid">
            <div className="panel">
              <h2>Gaps closed ({view.comparison.closedGaps.length})</h2>
              <QuestionList ids={view.comparison.closedGaps} empty="No gap was closed." />
            </div>
            <div className="panel">
              <h2>New gaps ({view.comparison.newGaps.length})</h2>
              <QuestionList ids={view.comparison.newGaps} empty="No new gap." />
            </div>
          </div>
          <div className="panel">
            <h2>Regressions ({view.comparison.regressions.length})</h2>
            {view.comparison.regressions.length === 0 ? (
              <p className="muted">No control got worse.</p>
            ) : (
              <ul>
                {view.comparison.regressions.map((move) => (
                  <li key={move.questionId}>
                    <span className="question-id">{move.questionId}</span>{' '}
                    {questionText.get(move.questionId)}: coverage {formatCoverage(move.from)} →{' '}
                    {formatCoverage(move.to)}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="panel table-scroll">
            <h2>The {before.assessment.cycle} plan</h2>
            <p className="muted">
              {view.progress.filter((p) => p.state === 'done').length} of {view.progress.length}{' '}
              actions done, {view.progress.filter((p) => p.state === 'overdue').length} overdue.
            </p>
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
                    <td>{action.owners.join(', ') || '—'}</td>
                    <td>{action.due ?? '—'}</td>
                    <td>
                      <span className={`status status-${state}`}>{stateLabel[state]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
