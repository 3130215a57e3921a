import { useState } from 'react';
import { AssessmentDetailsForm } from '../../components/AssessmentDetailsForm.tsx';
import {
  firstStepOf,
  questionSetById,
  questionSets,
  withAnswersFromOtherSets,
} from '../../content/questionSets.ts';
import { newAssessment } from '../../core/assessment/create.ts';
import { detailsProblems } from '../../core/assessment/details.ts';
import { cycleOfDate, cycleText } from '../../core/cycles/cycleLabel.ts';
import { fail } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';
import './wizard.css';

/** The sets to choose from, each with what it is derived from. */
function SetChoice({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  return (
    <fieldset className="set-choice">
      <legend>Question set</legend>
      {questionSets.map((set) => (
        <div key={set.id} className="set-option">
          <input
            type="radio"
            id={`new-set-${set.id}`}
            name="questionSet"
            value={set.id}
            checked={value === set.id}
            onChange={() => onChange(set.id)}
            aria-describedby={`new-set-${set.id}-source`}
          />
          <label htmlFor={`new-set-${set.id}`}>{set.title}</label>
          <p id={`new-set-${set.id}-source`} className="muted small">
            {set.questions.length} questions from {set.source.publisher}, &ldquo;
            {set.source.report}&rdquo; ({set.source.date.slice(0, 4)}).
          </p>
        </div>
      ))}
    </fieldset>
  );
}

export function NewAssessmentPage() {
  const add = useAssessments((state) => state.add);
  const [setId, setSetId] = useState(questionSets[0]?.id ?? '');
  const today = new Date();
  return (
    <section aria-labelledby="new-title" className="narrow">
      <h1 id="new-title">Start a new assessment</h1>
      <p className="lead">
        One assessment covers one organisation and scope, with one question set, for one cycle.
        Repeat it every cycle to show progress. Where another set&apos;s assessment of the same
        organisation and scope has already answered a fact both sets ask, its answer is taken and
        marked until you confirm it.
      </p>
      <AssessmentDetailsForm
        idPrefix="new"
        defaults={{ organisation: '', scope: '', cycle: cycleText(cycleOfDate(today, 'quarter')) }}
        suggestCycle={(cadence) => cycleText(cycleOfDate(today, cadence))}
        submitLabel="Start"
        cancelHref={hrefs.home()}
        leading={
          questionSets.length > 1 ? <SetChoice value={setId} onChange={setSetId} /> : undefined
        }
        keep={(details) => {
          const problems = detailsProblems(details);
          if (problems.length > 0) return fail(...problems);
          const set = questionSetById(setId);
          const others = Object.values(useAssessments.getState().assessments);
          const started = withAnswersFromOtherSets(
            newAssessment(set, details, new Date()),
            others.map((stored) => stored.assessment),
          );
          return add(started, { view: 'step', domainId: firstStepOf(set) });
        }}
        onKept={(id) => navigate(hrefs.step(id, firstStepOf(questionSetById(setId))))}
      />
    </section>
  );
}
