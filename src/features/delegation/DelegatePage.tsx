import { useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DelegationTable } from '../../components/DelegationTable.tsx';
import { AssessmentName } from '../../components/UserText.tsx';
import { questionSetById } from '../../content/questionSets.ts';
import type { Assessment } from '../../core/assessment/model.ts';
import { leadOf } from '../../core/delegation/attribution.ts';
import { questionnaireEmail } from '../../core/delegation/questionnaire.ts';
import { assignedQuestions } from '../../core/delegation/questionnaireBuild.ts';
import type { Assignee } from '../../core/delegation/schema.ts';
import {
  assigneeStage,
  delegationByDomain,
  hasWaitingResponse,
  stageLabel,
  unsentQuestions,
} from '../../core/delegation/status.ts';
import { formatDate } from '../../core/format.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { listJoin, plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';
import { AssigneeForm } from './AssigneeForm.tsx';
import { QuestionnaireDownload } from './QuestionnaireDownload.tsx';
import './delegation.css';

/** "Round 2 sent 12 Mar 2026; returned 14 Mar 2026, merged 14 Mar 2026" */
function roundSummary(assignee: Assignee): string {
  const round = assignee.rounds.at(-1);
  if (!round) return 'No questionnaire made yet.';
  const response = round.responses.at(-1);
  const parts = [`Round ${round.round} sent ${formatDate(round.sentAt)}`];
  if (response) parts.push(`returned ${formatDate(response.importedAt)}`);
  if (response?.mergedAt) parts.push(`merged ${formatDate(response.mergedAt)}`);
  return `${parts.join('; ')}.`;
}

function whatTheyHave(assignee: Assignee, set: QuestionSet): string {
  const domains = set.domains.filter((d) => assignee.domains.includes(d.id)).map((d) => d.title);
  const questions = assignee.questions;
  return listJoin([
    ...domains,
    ...(questions.length > 0
      ? [`${plural(questions.length, 'single question')} (${questions.join(', ')})`]
      : []),
  ]);
}

/** The app's own address, for the email that tells an assignee where to open their file. */
const appAddress = () => `${window.location.origin}${window.location.pathname}`;

function EmailText({
  assessment,
  set,
  assignee,
  fileName,
}: {
  assessment: Assessment;
  set: QuestionSet;
  assignee: Assignee;
  fileName: string | undefined;
}) {
  const round = assignee.rounds.at(-1);
  if (!round) return null;
  const { subject, body } = questionnaireEmail({
    assessment: { ...assessment, questionSet: { title: set.title } },
    from: leadOf(assessment),
    to: assignee,
    note: assignee.note,
    questionCount: round.questionIds.length,
    fileName,
    appAddress: appAddress(),
  });
  const textId = `email-${assignee.id}`;
  return (
    <details className="email-text">
      <summary>Email to send with round {round.round}</summary>
      <p className="small">
        Cellguard sends nothing: attach the questionnaire file to your own email.{' '}
        {assignee.email && (
          <a
            href={`mailto:${encodeURIComponent(assignee.email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}
          >
            Write it in your mail program
          </a>
        )}
      </p>
      <label htmlFor={textId}>Subject and text, to copy</label>
      <textarea id={textId} readOnly rows={10} dir="auto" value={`${subject}\n\n${body}`} />
    </details>
  );
}

function AssigneeCard({
  id,
  assignee,
  set,
  holders,
}: {
  id: string;
  assignee: Assignee;
  set: QuestionSet;
  holders: ReadonlyMap<string, string[]>;
}) {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [fileName, setFileName] = useState<string>();
  const stored = useAssessments((state) => state.assessments[id]);
  const { changeAssignee, removeAssignee } = useAssessments.getState();
  if (!stored) return null;
  const { assessment } = stored;
  const stage = assigneeStage(assignee, set, assessment.answers);
  const count = assignedQuestions(assignee, set, assessment.answers).length;
  const unsent = unsentQuestions(assignee, set, assessment.answers);
  const waiting = hasWaitingResponse(assignee);
  const headingId = `assignee-${assignee.id}`;
  return (
    <li className="panel assignee-card" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        <bdi>{assignee.name}</bdi>
        {assignee.role && (
          <span className="muted">
            {' '}
            · <bdi>{assignee.role}</bdi>
          </span>
        )}
      </h3>
      <p>
        <span className={`tag stage-${stage}`}>{stageLabel[stage]}</span> {roundSummary(assignee)}
      </p>
      <p className="small">
        {plural(count, 'question')} to answer: {whatTheyHave(assignee, set)}.
      </p>
      {waiting && (
        <p className="notice">
          A response from <bdi>{assignee.name}</bdi> waits to be merged.{' '}
          <a className="button primary" href={hrefs.merge(id, assignee.id)}>
            {/* One span: in the flex .button, a bare <bdi> and the text beside it would each be
                a flex item, and the spaces between them would go. */}
            <span>
              Review and merge <bdi>{assignee.name}</bdi>’s answers
            </span>
          </a>
        </p>
      )}
      {assignee.rounds.length > 0 && unsent.length > 0 && (
        <p className="notice warning">
          {plural(unsent.length, 'question')} assigned since the last questionnaire (
          {listJoin(unsent)}
          ): create a new questionnaire for <bdi>{assignee.name}</bdi> to send them.
        </p>
      )}
      {editing ? (
        <AssigneeForm
          set={set}
          idPrefix={`edit-${assignee.id}`}
          assignee={assignee}
          holders={holders}
          submitLabel="Save the changes"
          onSubmit={(draft) => {
            const changed = changeAssignee(id, assignee.id, draft);
            if (!changed.ok) return changed.problems.map((p) => p.message).join(' ');
            setEditing(false);
            return undefined;
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {waiting && (
            <p className="small muted">
              A new questionnaire leaves the waiting response mergeable; a response to an earlier
              questionnaire arriving after it is refused.
            </p>
          )}
          <QuestionnaireDownload id={id} assignee={assignee} onWritten={setFileName} />
          <EmailText assessment={assessment} set={set} assignee={assignee} fileName={fileName} />
          <div className="button-row">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              <span>
                Change <bdi>{assignee.name}</bdi>’s questions
              </span>
            </button>
            <button
              type="button"
              className="button danger-outline"
              onClick={() => setRemoving(true)}
            >
              <span>
                Remove <bdi>{assignee.name}</bdi>
              </span>
            </button>
          </div>
        </>
      )}
      {removing && (
        <ConfirmDialog
          title={
            <>
              Remove <bdi>{assignee.name}</bdi>?
            </>
          }
          body={
            waiting ? (
              <>
                <bdi>{assignee.name}</bdi>’s response waits to be merged: removing{' '}
                <bdi>{assignee.name}</bdi> discards it. Merge it first to keep their answers.
                Answers already merged from them stay, with who gave them.
              </>
            ) : (
              <>
                Answers already merged from <bdi>{assignee.name}</bdi> stay, with who gave them. A
                response from them arriving later can no longer be merged.
              </>
            )
          }
          confirmLabel="Remove"
          onCancel={() => setRemoving(false)}
          onConfirm={() => {
            setRemoving(false);
            removeAssignee(id, assignee.id);
          }}
          fallbackFocus={() => document.getElementById('delegate-title')}
        />
      )}
    </li>
  );
}

/**
 * Delegation: the lead names the people who answer parts of the assessment, makes each a
 * questionnaire file with only their questions, and follows what came back. Cellguard sends
 * nothing: the files travel however the lead chooses.
 */
export function DelegatePage({ id }: { id: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  const assign = useAssessments((state) => state.assign);
  const [added, setAdded] = useState('');
  const [formKey, setFormKey] = useState(0);
  const set = stored ? questionSetById(stored.assessment.questionSet.id) : undefined;
  const byDomain = useMemo(
    () => (stored && set ? delegationByDomain(stored.assessment, set) : new Map()),
    [stored, set],
  );
  const holders = useMemo(
    () => new Map([...byDomain.values()].map((d) => [d.domainId, d.people] as const)),
    [byDomain],
  );
  if (!stored || !set) return <p>There is no such assessment in this browser.</p>;
  const { assessment } = stored;
  const assignees = assessment.delegation?.assignees ?? [];
  return (
    <section className="delegate-page" aria-labelledby="delegate-title">
      <p>
        <a href={hrefs.review(id)}>Back to the assessment</a>
      </p>
      <h1 id="delegate-title" tabIndex={-1}>
        Ask others to answer
      </h1>
      <p className="lead">
        <AssessmentName assessment={assessment} />. Give each person the domains or questions they
        know; each gets a file holding only their questions, the current answers to them and your
        note, with no score and nothing else of the assessment. They answer in their own browser and
        send back a response file, which you import on the{' '}
        <a href={hrefs.importFile()}>import page</a>. Nothing you had is overwritten without your
        choice.
      </p>
      {assignees.length > 0 && (
        <>
          <h2>Where each domain stands</h2>
          <DelegationTable set={set} byDomain={byDomain} />
          <h2>People</h2>
          <ul className="assignee-list">
            {assignees.map((assignee) => (
              <AssigneeCard
                key={assignee.id}
                id={id}
                assignee={assignee}
                set={set}
                holders={holders}
              />
            ))}
          </ul>
        </>
      )}
      <h2 id="add-person-title">Add a person</h2>
      <p role="status" className="visually-hidden">
        {added}
      </p>
      <AssigneeForm
        // A fresh form after each person: the long list of single questions folds up again.
        key={formKey}
        set={set}
        idPrefix="new-assignee"
        holders={holders}
        submitLabel="Add the person"
        onSubmit={(draft) => {
          const kept = assign(id, draft);
          if (!kept.ok) return kept.problems.map((p) => p.message).join(' ');
          setAdded(`${draft.name.trim()} added. Create their questionnaire file on their card.`);
          setFormKey((key) => key + 1);
          // Their card, where the questionnaire is made, once it is on the page.
          requestAnimationFrame(() => document.getElementById(`assignee-${kept.value}`)?.focus());
          return undefined;
        }}
      />
    </section>
  );
}
