import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PassphrasePrompt } from '../../components/PassphrasePrompt.tsx';
import { ProblemList } from '../../components/ProblemList.tsx';
import { AssessmentName } from '../../components/UserText.tsx';
import { useProtectedFile } from '../../components/useProtectedFile.ts';
import { questionSets } from '../../content/questionSets.ts';
import { sameAssessment } from '../../core/assessment/details.ts';
import { fileSizeProblem, type ParsedAssessment } from '../../core/assessment/parseFile.ts';
import { importAnyFile } from '../../core/delegation/files.ts';
import type { Received } from '../../core/delegation/merge.ts';
import type { Questionnaire } from '../../core/delegation/questionnaire.ts';
import type { ResponseFile } from '../../core/delegation/response.ts';
import { formatDate, formatDateTime } from '../../core/format.ts';
import { succeed, type Result } from '../../core/result.ts';
import { listJoin, plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments, useQuestionnaires } from '../../store/index.ts';
import { questionnaireProgress } from '../../core/delegation/respondent.ts';
import './ImportPage.css';

/** What a picked file turned out to be, once opened (and, for a response, received). */
type OpenedFile =
  | { kind: 'assessment'; parsed: ParsedAssessment }
  | { kind: 'questionnaire'; questionnaire: Questionnaire }
  | {
      kind: 'response';
      response: ResponseFile;
      received: Omit<Received, 'assessment'> & { id: string };
    };

/**
 * Opens a file of any kind. A response is received at once, after every check, into the
 * assessment it names (kept for the lead to review and merge; nothing is merged yet); a refusal is
 * one of the file's problems.
 */
async function openAnyFile(text: string, passphrase?: string): Promise<Result<OpenedFile>> {
  // The questionnaires kept here must be known to tell a new questionnaire from one already here.
  await useQuestionnaires.ready;
  const opened = await importAnyFile(text, questionSets, passphrase);
  if (!opened.ok) return opened;
  const file = opened.value;
  if (file.kind === 'assessment') return succeed({ kind: 'assessment', parsed: file.parsed });
  if (file.kind === 'questionnaire')
    return succeed({ kind: 'questionnaire', questionnaire: file.questionnaire });
  const received = useAssessments.getState().receiveResponse(file.response, file.digest);
  if (!received.ok) return received;
  const { assessment: _kept, ...receipt } = received.value;
  return succeed({ kind: 'response', response: file.response, received: receipt });
}

function AssessmentPreview({
  opened,
  onCancel,
  onProblems,
}: {
  opened: ParsedAssessment;
  onCancel: () => void;
  onProblems: (kept: Result<string>) => void;
}) {
  const [confirmReplace, setConfirmReplace] = useState(false);
  const assessments = useAssessments((state) => state.assessments);
  const { add, replace } = useAssessments.getState();
  const existing = sameAssessment(Object.values(assessments), opened.assessment);
  return (
    <div className="panel" role="status">
      <h2>
        <AssessmentName assessment={opened.assessment} />
      </h2>
      <p>
        {Object.keys(opened.assessment.answers).length} answers, last changed{' '}
        {formatDateTime(opened.assessment.updatedAt)}.{' '}
        {opened.integrity === 'verified'
          ? 'The file matches its SHA-256 digest: nothing in it was damaged, or edited without the digest being recomputed.'
          : 'The file has no digest, so Cellguard cannot tell whether it was edited after export.'}
      </p>
      {opened.migrated.length > 0 && (
        <>
          <p>It was answered under an earlier version of the questions; these changes were made:</p>
          <ul>
            {opened.migrated.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </>
      )}
      {existing && (
        <p className="notice warning">
          This browser already has this assessment, last changed{' '}
          {formatDateTime(existing.assessment.updatedAt)}: one assessment is kept per organisation,
          scope, question set and cycle. Replace it with the file&apos;s, or, to keep both, first{' '}
          <a href={hrefs.details(existing.id)}>correct the cycle or scope</a> of the one here.
        </p>
      )}
      <div className="button-row">
        {existing ? (
          <button
            type="button"
            className="button danger-outline"
            onClick={() => setConfirmReplace(true)}
          >
            Replace the one already in this browser
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() => onProblems(add(opened.assessment, { view: 'results' }))}
          >
            Import the assessment
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {existing && confirmReplace && (
        <ConfirmDialog
          title="Replace the assessment in this browser?"
          body={
            <>
              The answers of <bdi>{existing.assessment.organisation}</bdi>,{' '}
              <bdi>{existing.assessment.cycle}</bdi> kept in this browser (last changed{' '}
              {formatDateTime(existing.assessment.updatedAt)}) will be replaced by the file&apos;s.
              Export them first if you may need them.
            </>
          }
          confirmLabel="Replace"
          onCancel={() => setConfirmReplace(false)}
          onConfirm={() => onProblems(replace(existing.id, opened.assessment))}
        />
      )}
    </div>
  );
}

function QuestionnairePreview({
  questionnaire,
  onCancel,
}: {
  questionnaire: Questionnaire;
  onCancel: () => void;
}) {
  const id = questionnaire.questionnaireId;
  const kept = useQuestionnaires((state) => state.questionnaires[id]);
  const all = useQuestionnaires((state) => state.questionnaires);
  const { assessment, from, to } = questionnaire;
  // Other rounds for the same person and assessment stay apart, each with its own answers.
  const otherRounds = Object.values(all)
    .filter(
      (entry) =>
        entry.questionnaire.questionnaireId !== id &&
        entry.questionnaire.assessment.key === assessment.key &&
        entry.questionnaire.to.id === to.id,
    )
    .map((entry) => entry.questionnaire.round)
    .sort((a, b) => a - b);
  const answered = kept ? questionnaireProgress(kept).answered : 0;
  const openIt = () => {
    const opened = useQuestionnaires.getState().open(questionnaire);
    navigate(hrefs.respond(opened.id));
  };
  return (
    <div className="panel" role="status">
      <h2>
        Questionnaire from <bdi>{from.name}</bdi>
      </h2>
      <p>
        For <bdi>{to.name}</bdi>: {plural(questionnaire.questions.length, 'question')} of the{' '}
        {assessment.questionSet.title} for <AssessmentName assessment={assessment} />
        {questionnaire.round > 1 ? ` (round ${questionnaire.round})` : ''}, sent on{' '}
        {formatDate(questionnaire.createdAt)}.
      </p>
      <p>
        The file matches its SHA-256 digest: nothing in it was damaged, or edited without the digest
        being recomputed.
      </p>
      {questionnaire.note && (
        <p>
          Note from <bdi>{from.name}</bdi>: <span dir="auto">{questionnaire.note}</span>
        </p>
      )}
      {kept ? (
        <p className="notice">
          You opened this questionnaire in this browser on {formatDateTime(kept.openedAt)}. Your
          answers so far ({answered} of {questionnaireProgress(kept).total}) are kept.
        </p>
      ) : (
        <p>
          Your answers are kept in this browser only, until you create the response file for{' '}
          <bdi>{from.name}</bdi>.
        </p>
      )}
      {otherRounds.length > 0 && (
        <p className="muted">
          This browser also holds{' '}
          {otherRounds.length === 1
            ? `round ${otherRounds[0]}`
            : `rounds ${listJoin(otherRounds.map(String))}`}{' '}
          of the questions <bdi>{from.name}</bdi> sent you for this assessment; this questionnaire
          is kept apart, with its own answers.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button primary" onClick={openIt}>
          Open the questionnaire
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ResponseReceived({
  response,
  received,
  onDone,
}: {
  response: ResponseFile;
  received: Extract<OpenedFile, { kind: 'response' }>['received'];
  onDone: () => void;
}) {
  const { assignee, outcome, notAssigned, round } = received;
  const name = assignee.name;
  const taken = Object.keys(response.answers).length - notAssigned.length;
  const review = (
    <a className="button primary" href={hrefs.merge(received.id, assignee.id)}>
      Review and merge
    </a>
  );
  return (
    <div className="panel" role="status">
      <h2>
        Response from <bdi>{name}</bdi>
      </h2>
      {outcome === 'received' ? (
        <>
          <p>
            {plural(taken, 'answer')} to round {round} of the questions sent for{' '}
            <AssessmentName assessment={response.assessment} />, written on{' '}
            {formatDateTime(response.respondedAt)}. The file matches its SHA-256 digest.
          </p>
          {notAssigned.length > 0 && (
            <p className="notice warning">
              The response also answers {listJoin(notAssigned)}, which{' '}
              {notAssigned.length === 1 ? 'was' : 'were'} not sent to <bdi>{name}</bdi>;{' '}
              {notAssigned.length === 1 ? 'it was' : 'they were'} not taken.
            </p>
          )}
          <p>
            The response is kept with the assessment. Nothing in its answers changes until you
            review it and decide.
          </p>
        </>
      ) : outcome === 'already-received' ? (
        <p>
          This response file was imported before and is waiting to be merged. Nothing was changed.
        </p>
      ) : (
        <p>This response file was imported and merged before. Nothing was changed.</p>
      )}
      <div className="button-row">
        {outcome !== 'already-merged' && review}
        <button type="button" className="button" onClick={onDone}>
          Import another file
        </button>
      </div>
    </div>
  );
}

/**
 * Import of any file Cellguard writes. An assessment is kept only when the user picks "import"
 * or, when this browser already has it (one per organisation, scope, set and cycle), confirms
 * "replace"; a questionnaire only when the user opens it; a response is received at once for the
 * lead to review, and merged only from the merge page. Any problem is listed in plain words.
 * Cancel drops the picked file.
 */
export function ImportPage() {
  const file = useProtectedFile({ open: openAnyFile, sizeProblem: fileSizeProblem });
  const { stage } = file;
  const fileInput = useRef<HTMLInputElement>(null);

  const finish = (kept: Result<string>) => {
    if (kept.ok) navigate(hrefs.results(kept.value));
    else file.showProblems(kept.problems);
  };
  // Back to the start of the page, as before the pick: the Cancel button is gone, so is its focus.
  const cancel = () => {
    file.discard();
    const input = fileInput.current;
    if (!input) return;
    input.value = '';
    input.focus();
  };
  const opened = stage.kind === 'opened' ? stage.value : undefined;

  return (
    <section className="narrow" aria-labelledby="import-title">
      <p>
        <a href={hrefs.home()}>Back to all assessments</a>
      </p>
      <h1 id="import-title">Import a file</h1>
      <p className="lead">
        Open a file made by Cellguard: an assessment exported from this or another browser, a
        questionnaire someone sent you to answer, or the response to a questionnaire you sent. It is
        checked completely before anything is kept.
      </p>
      <div className="stacked-form import-file-card">
        <div className="field">
          <label htmlFor="import-file">Assessment, questionnaire or response file</label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={(event) => void file.onFile(event.target.files?.[0])}
          />
        </div>
        <PassphrasePrompt
          file={file}
          id="import-passphrase"
          label="Passphrase of the encrypted file"
          submitLabel="Open the file"
          onCancel={cancel}
        />
      </div>
      {stage.kind === 'problems' && (
        <ProblemList
          problems={stage.problems}
          lead="This file cannot be imported. Nothing was changed in this browser."
        />
      )}
      {opened?.kind === 'assessment' && (
        <AssessmentPreview opened={opened.parsed} onCancel={cancel} onProblems={finish} />
      )}
      {opened?.kind === 'questionnaire' && (
        <QuestionnairePreview questionnaire={opened.questionnaire} onCancel={cancel} />
      )}
      {opened?.kind === 'response' && (
        <ResponseReceived response={opened.response} received={opened.received} onDone={cancel} />
      )}
    </section>
  );
}
