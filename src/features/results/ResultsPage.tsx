import { useEffect, useMemo, useRef } from 'react';
import { assessmentFileName, downloadFile } from '../../components/download.ts';
import { NavigatorLayerDownloads } from '../../components/NavigatorLayerDownloads.tsx';
import { questionSets, setTitle } from '../../content/questionSets.ts';
import type { Assessment } from '../../core/assessment/model.ts';
import { previousCycle, unconfirmedOrigins } from '../../core/cycles/cycles.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { planCsv } from '../../core/export/planCsv.ts';
import { plan } from '../../core/planning/plan.ts';
import { resultStatements } from '../../core/reporting/statements.ts';
import { progressOf } from '../../core/scoring/progress.ts';
import { score } from '../../core/scoring/score.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';
import { AttackChain } from './AttackChain.tsx';
import { Contributions } from './Contributions.tsx';
import { DomainBars } from './DomainBars.tsx';
import { PlanTable } from './PlanTable.tsx';
import { Programmes } from './Programmes.tsx';
import { ReportButton } from './ReportButton.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import './results.css';

export function ResultsPage({
  set,
  assessmentId,
  assessment,
}: {
  set: QuestionSet;
  assessmentId: string;
  assessment: Assessment;
}) {
  const result = useMemo(() => score(set, assessment), [set, assessment]);
  const remediation = useMemo(() => plan(set, assessment, result), [set, assessment, result]);
  const { actions } = remediation;
  const statements = resultStatements(set, result, remediation);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const previous = useAssessments((state) =>
    previousCycle(Object.values(state.assessments), assessment),
  );
  const progress = useMemo(() => progressOf(set, assessment.answers), [set, assessment.answers]);
  const carried = progress.unconfirmed;
  // Counted as the stepper and the review count them (scoping questions included).
  const gaps = progress.visible - progress.answered;
  const downloadCsv = () =>
    downloadFile(
      planCsv(remediation),
      assessmentFileName(assessment, '.csv', 'plan'),
      'text/csv;charset=utf-8',
    );

  return (
    <section className="results" aria-labelledby="results-title">
      <h2 id="results-title" ref={heading} tabIndex={-1}>
        Results
      </h2>
      {carried > 0 && (
        <p className="notice warning" id="unconfirmed-notice">
          {carried} answer{carried === 1 ? ' was' : 's were'}{' '}
          <bdi>{unconfirmedOrigins(assessment, setTitle)}</bdi> and not yet confirmed: the score
          rests on those earlier answers for {carried === 1 ? 'it' : 'them'}, and the PDF is marked
          DRAFT until they are confirmed or you issue it as it is.{' '}
          <a href={hrefs.review(assessmentId)}>Review them</a>.
        </p>
      )}
      <ScoreSummary result={result} statements={statements} />
      <div className="results-toolbar">
        <ReportButton
          unconfirmed={carried}
          request={() => ({
            set,
            assessment,
            setTitles: Object.fromEntries(questionSets.map((s) => [s.id, s.title])),
            result,
            plan: remediation,
            ...(previous
              ? {
                  previous: {
                    assessment: previous.assessment,
                    result: score(set, previous.assessment),
                  },
                }
              : {}),
          })}
        />
        <button type="button" className="button" onClick={downloadCsv}>
          Download plan as CSV
        </button>
        <NavigatorLayerDownloads set={set} current={assessment} previous={previous?.assessment} />
        <a className="button" href={hrefs.exportFile(assessmentId)}>
          Export assessment file
        </a>
        {previous && (
          <>
            <a className="button" href={hrefs.compare(previous.id, assessmentId)}>
              Compare with {previous.assessment.cycle}
            </a>
            <a className="button" href={hrefs.history(assessmentId)}>
              History
            </a>
          </>
        )}
      </div>
      {(gaps > 0 || result.unverified.length > 0) && (
        <p className="notice">
          {gaps > 0 &&
            `${gaps} question${gaps === 1 ? ' is' : 's are'} not answered (or N/A without a reason). `}
          {result.unverified.length > 0 &&
            `${result.unverified.length} answer${result.unverified.length === 1 ? ' is' : 's are'} "Don't know". `}
          They count as not in place, so the score is as bad as it can be for them.{' '}
          <a href={hrefs.review(assessmentId)}>Review them</a>.
        </p>
      )}
      {result.uncompensated.length > 0 && (
        <p className="notice warning">
          {result.uncompensated.join(', ')}:{' '}
          {result.uncompensated.length === 1 ? 'a critical control is' : 'critical controls are'}{' '}
          marked not applicable without a compensating control and the name of whoever accepted the
          risk, so {result.uncompensated.length === 1 ? 'it counts' : 'they count'} as a gap.{' '}
          <a href={hrefs.review(assessmentId)}>Review them</a>.
        </p>
      )}
      <section aria-labelledby="chain-title" className="panel">
        <h3 id="chain-title">Attack chain</h3>
        <AttackChain result={result} statements={statements} />
      </section>
      <div className="results-grid">
        <section aria-labelledby="domains-title" className="panel">
          <h3 id="domains-title">Risk per domain</h3>
          <DomainBars result={result} />
        </section>
        <section aria-labelledby="contrib-title" className="panel">
          <h3 id="contrib-title">Largest contributions to the risk</h3>
          <Contributions set={set} result={result} assessmentId={assessmentId} />
        </section>
      </div>
      <section aria-labelledby="programmes-title" className="panel">
        <h3 id="programmes-title">Programmes</h3>
        <p className="muted">
          The plan rolled up for management: what each programme cuts from the risk once all its
          actions are done.
        </p>
        <Programmes programmes={remediation.programmes} />
      </section>
      <section aria-labelledby="plan-title" className="panel">
        <h3 id="plan-title">Remediation plan</h3>
        {statements.assumeBreach && <p className="notice warning">{statements.assumeBreach}</p>}
        <p className="muted">
          In order: stop-gaps for critical gaps first, then each action by the horizon its effort
          allows, critical gaps and the most risk reduction per week of effort first; an action
          never comes before what it requires. The due date is saved at once, the owner when you
          leave the field.
        </p>
        <PlanTable set={set} actions={actions} assessmentId={assessmentId} />
      </section>
    </section>
  );
}
