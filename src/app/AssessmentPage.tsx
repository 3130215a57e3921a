import { useEffect, useState } from 'react';
import { BackToGroup } from './BackToGroup.tsx';
import { questionSetById } from '../content/questionSets.ts';
import { detailsProblems } from '../core/assessment/details.ts';
import { delegationByDomain, hasWaitingResponse } from '../core/delegation/status.ts';
import { ResultsPage } from '../features/results/index.ts';
import { DomainStep, ReviewPage, SharedAnswersOffer, Stepper } from '../features/wizard/index.ts';
import { hrefs, type Route } from '../routing/routes.ts';
import { navigate } from '../routing/useRoute.ts';
import { useAssessments, type Position } from '../store/index.ts';

type AssessmentRoute = Extract<Route, { page: 'assessment' | 'step' | 'review' | 'results' }>;

function hrefOf(id: string, position: Position): string {
  if (position.view === 'review') return hrefs.review(id);
  if (position.view === 'results') return hrefs.results(id);
  return hrefs.step(id, position.domainId);
}

/**
 * One assessment: the stepper beside the current step, review or results; remembers where the user
 * is. The store has already migrated and checked the assessment (see lazyPages.ts).
 */
export function AssessmentPage({ route }: { route: AssessmentRoute }) {
  const stored = useAssessments((state) => state.assessments[route.id]);
  const setPosition = useAssessments((state) => state.setPosition);
  const dismissNotice = useAssessments((state) => state.dismissNotice);
  // Answers taken from another set while a step is open: the step's form reads them again.
  const [takenCount, setTakenCount] = useState(0);
  const exists = stored !== undefined;
  // The store admits only assessments of a shipped set (see assessmentRules.ts).
  const set = stored ? questionSetById(stored.assessment.questionSet.id) : undefined;
  const domainKnown =
    route.page !== 'step' || (set?.domains.some((d) => d.id === route.domainId) ?? false);
  const view = route.page === 'step' ? route.domainId : route.page;
  const storedHref = stored ? hrefOf(route.id, stored.position) : '';

  useEffect(() => {
    if (!exists) return;
    if (route.page === 'assessment') navigate(storedHref, { replace: true });
    else if (route.page === 'step' && domainKnown)
      setPosition(route.id, { view: 'step', domainId: view });
    else if (route.page === 'review' || route.page === 'results')
      setPosition(route.id, { view: route.page });
  }, [exists, route.page, route.id, view, domainKnown, storedHref, setPosition]);

  if (!stored || !set) {
    return (
      <section className="narrow">
        <h1>Assessment not found</h1>
        <p>
          There is no such assessment in this browser. It may have been deleted, or saved in another
          browser.
        </p>
        <a className="button primary" href={hrefs.home()}>
          All assessments
        </a>
      </section>
    );
  }
  const { assessment } = stored;
  const delegation = delegationByDomain(assessment, set);
  const toMerge = (assessment.delegation?.assignees ?? []).filter(hasWaitingResponse);
  // Labels an older version let through stay readable, but are asked to be corrected.
  const detailsIssue = detailsProblems(assessment).map((problem) => problem.message)[0];
  return (
    <div className="assessment-layout">
      {stored.notice && stored.notice.length > 0 && (
        <div className="notice assessment-migration" role="status">
          <p>
            The questions were updated to {set.id} {set.version} since this assessment was last
            opened:
          </p>
          <ul>
            {stored.notice.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => dismissNotice(route.id)}>
            Dismiss
          </button>
        </div>
      )}
      <header className="assessment-header">
        {route.page === 'results' && (
          <BackToGroup assessmentId={route.id} fromGroup={route.fromGroup} />
        )}
        <h1>
          <bdi>{assessment.organisation}</bdi>
          <span className="assessment-subtitle">
            {' · '}
            <bdi>{assessment.scope || 'no scope'}</bdi> · <bdi>{assessment.cycle}</bdi>
          </span>
        </h1>
        <p className="assessment-set small muted">{set.title}</p>
        <p className="small assessment-links">
          <a href={hrefs.details(route.id)}>Edit the details</a>
          {' · '}
          <a href={hrefs.delegate(route.id)}>Ask others to answer</a>
        </p>
        {detailsIssue && (
          <p className="notice warning small" role="status">
            {detailsIssue} <a href={hrefs.details(route.id)}>Correct it</a>.
          </p>
        )}
        {toMerge.map((assignee) => (
          <p key={assignee.id} className="notice small" role="status">
            A response from <bdi>{assignee.name}</bdi> waits to be merged.{' '}
            <a href={hrefs.merge(route.id, assignee.id)}>Review and merge it</a>
          </p>
        ))}
      </header>
      <Stepper
        set={set}
        assessmentId={route.id}
        answers={assessment.answers}
        current={view}
        delegation={delegation}
      />
      <div className="assessment-content">
        <SharedAnswersOffer
          set={set}
          assessmentId={route.id}
          assessment={assessment}
          onTaken={() => setTakenCount((count) => count + 1)}
        />
        {route.page === 'step' && domainKnown && (
          <DomainStep
            key={`${route.id}:${route.domainId}:${takenCount}`}
            set={set}
            assessmentId={route.id}
            domainId={route.domainId}
            answers={assessment.answers}
            {...(assessment.carriedFrom ? { carriedFrom: assessment.carriedFrom } : {})}
            focusQuestionId={route.questionId}
          />
        )}
        {route.page === 'step' && !domainKnown && (
          <p>This step does not exist in the question set.</p>
        )}
        {route.page === 'review' && (
          <ReviewPage
            set={set}
            assessmentId={route.id}
            answers={assessment.answers}
            delegation={delegation}
          />
        )}
        {route.page === 'results' && (
          <ResultsPage set={set} assessmentId={route.id} assessment={assessment} />
        )}
      </div>
    </div>
  );
}
