import { useEffect, useMemo, useRef } from 'react';
import type { Answer } from '../../core/assessment/model.ts';
import { unconfirmedKind } from '../../core/cycles/cycles.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { progressOf } from '../../core/scoring/progress.ts';
import { stageLabel, type DomainDelegation } from '../../core/delegation/status.ts';
import { hrefs } from '../../routing/routes.ts';
import './wizard.css';

interface StepperProps {
  set: QuestionSet;
  assessmentId: string;
  answers: Readonly<Record<string, Answer>>;
  current: string | 'review' | 'results';
  /** Where each domain's delegated questions stand; empty when nothing is delegated. */
  delegation?: ReadonlyMap<string, DomainDelegation>;
}

/** Every domain with its progress; any step can be opened from here. */
export function Stepper({ set, assessmentId, answers, current, delegation }: StepperProps) {
  const progress = useMemo(() => progressOf(set, answers), [set, answers]);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // On narrow screens the steps scroll sideways; keep the current one in view.
    const element = list.current;
    const currentLink = element?.querySelector<HTMLElement>('[aria-current="step"]');
    if (element && currentLink && element.scrollWidth > element.clientWidth) {
      element.scrollLeft =
        currentLink.offsetLeft - element.clientWidth / 2 + currentLink.offsetWidth / 2;
    }
  }, [current]);
  return (
    <nav className="stepper" aria-label="Assessment steps">
      <p className="stepper-total">
        {progress.answered} of {progress.visible} answered
        {progress.unconfirmed > 0 && (
          <>
            <br />
            {/* The review lists each of them, with a link to its question. */}
            <a className="stepper-unconfirmed" href={hrefs.review(assessmentId)}>
              {progress.unconfirmed} {unconfirmedKind(answers)}, not confirmed
            </a>
          </>
        )}
      </p>
      <ol ref={list}>
        {set.domains.map((domain, index) => {
          const counts = progress.domains[index] ?? {
            answered: 0,
            visible: 0,
            unconfirmed: 0,
          };
          // A step is done when this cycle's assessor has answered or confirmed all of it.
          const done = counts.answered === counts.visible && counts.unconfirmed === 0;
          const delegated = delegation?.get(domain.id);
          return (
            <li key={domain.id} className={done ? 'done' : undefined}>
              <a
                href={hrefs.step(assessmentId, domain.id)}
                aria-current={current === domain.id ? 'step' : undefined}
              >
                <span className="step-title">
                  {domain.title}
                  {delegated && delegated.stage !== 'not-assigned' && (
                    <span className={`step-delegation tag stage-${delegated.stage}`}>
                      {stageLabel[delegated.stage]}
                    </span>
                  )}
                </span>
                <span className="step-count">
                  <span className="visually-hidden">
                    {counts.answered} of {counts.visible} answered
                    {counts.unconfirmed > 0 &&
                      `, ${counts.unconfirmed} of them carried over, not confirmed`}
                  </span>
                  <span aria-hidden="true">
                    {counts.answered}/{counts.visible}
                    {counts.unconfirmed > 0 && (
                      <>
                        {' '}
                        <span className="step-carried">{counts.unconfirmed} to confirm</span>
                      </>
                    )}
                  </span>
                </span>
              </a>
            </li>
          );
        })}
        <li>
          <a
            href={hrefs.review(assessmentId)}
            aria-current={current === 'review' ? 'step' : undefined}
          >
            <span className="step-title">Review</span>
          </a>
        </li>
        <li>
          <a
            href={hrefs.results(assessmentId)}
            aria-current={current === 'results' ? 'step' : undefined}
          >
            <span className="step-title">Results</span>
          </a>
        </li>
      </ol>
    </nav>
  );
}
