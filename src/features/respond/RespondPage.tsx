import { useCallback, useMemo } from 'react';
import { OutcomeNotice } from '../../components/OutcomeNotice.tsx';
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';
import { PassphraseFields } from '../../components/PassphraseFields.tsx';
import { AssessmentName } from '../../components/UserText.tsx';
import { fileSafe } from '../../components/download.ts';
import { useProtectedDownload } from '../../components/useProtectedDownload.ts';
import { sealText } from '../../core/crypto/passphrase.ts';
import type { QuestionnaireQuestion } from '../../core/delegation/questionnaire.ts';
import { buildResponse, serializeResponse } from '../../core/delegation/response.ts';
import { formatDate, formatDateTime } from '../../core/format.ts';
import { fail, succeed } from '../../core/result.ts';
import { listJoin, plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import {
  useQuestionnaires,
  type AnswerChange,
  type StoredQuestionnaire,
} from '../../store/index.ts';
import {
  answersToSend,
  questionnaireProgress,
  visibleQuestions,
  laterRound,
} from '../../core/delegation/respondent.ts';
import { RespondentQuestion } from './RespondentQuestion.tsx';
import './respond.css';

/** "cellguard-response-<organisation>-<cycle>-<name>.json": one file per person and cycle. */
export function responseFileName(
  questionnaire: StoredQuestionnaire['questionnaire'],
  encrypted: boolean,
): string {
  const { assessment, to } = questionnaire;
  return [
    'cellguard-response',
    fileSafe(assessment.organisation, 'assessment'),
    fileSafe(assessment.cycle, 'cycle'),
    fileSafe(to.name, 'response'),
    `r${questionnaire.round}`,
  ]
    .join('-')
    .concat(encrypted ? '.encrypted.json' : '.json');
}

interface DomainGroup {
  id: string;
  title: string;
  questions: QuestionnaireQuestion[];
}

/** The questions shown, by domain, in the questionnaire's order. */
function byDomain(questions: readonly QuestionnaireQuestion[]): DomainGroup[] {
  const groups = new Map<string, DomainGroup>();
  for (const question of questions) {
    const group = groups.get(question.domain.id) ?? {
      id: question.domain.id,
      title: question.domain.title,
      questions: [],
    };
    group.questions.push(question);
    groups.set(question.domain.id, group);
  }
  return [...groups.values()];
}

/** Puts the cursor in a question's "Not applicable" reason. */
const focusReason = (questionId: string) =>
  document.getElementById(`${questionId}-na-reason`)?.focus();

function CreateResponse({ id, entry }: { id: string; entry: StoredQuestionnaire }) {
  const { questionnaire } = entry;
  const lead = questionnaire.from.name;
  const markResponded = useQuestionnaires((state) => state.markResponded);
  const progress = questionnaireProgress(entry);
  const remaining = progress.total - progress.answered;
  const { form, outcome, onSubmit } = useProtectedDownload({
    make: async (passphrase) => {
      // Read now, not from the render: the last keystroke may be newer than this form.
      const current = useQuestionnaires.getState().questionnaires[id];
      if (!current)
        return fail({ path: '', message: 'This questionnaire is no longer in this browser.' });
      const missing = questionnaireProgress(current).naWithoutReason;
      if (missing.length > 0)
        return fail({
          path: '',
          message: `Give a reason for each "Not applicable" answer first (${listJoin(missing)}), or choose another answer. No file was created.`,
        });
      const at = new Date();
      const text = serializeResponse(
        buildResponse(current.questionnaire, answersToSend(current), at),
        at,
      );
      const file = passphrase ? await sealText(text, passphrase) : succeed(text);
      if (file.ok) markResponded(id, at.toISOString());
      return file;
    },
    fileName: (encrypted) => responseFileName(questionnaire, encrypted),
    done: (encrypted) => (
      <>
        The response file <bdi>{responseFileName(questionnaire, encrypted)}</bdi> has been
        downloaded. Send it to <bdi>{lead}</bdi>, who imports it in Cellguard with{' '}
        {'"Import a file".'}{' '}
        {encrypted ? (
          <>
            It is encrypted: tell <bdi>{lead}</bdi> the passphrase another way, such as by phone,
            never in the same message as the file.
          </>
        ) : (
          'It is not encrypted: send it as you would other internal documents.'
        )}{' '}
        Your answers stay in this browser, so you can change them and create a new file if needed.
      </>
    ),
  });
  const { isSubmitting } = form.formState;
  const changedSince =
    entry.respondedAt !== undefined && Date.parse(entry.updatedAt) > Date.parse(entry.respondedAt);
  return (
    <section className="respond-send" aria-labelledby="respond-send-title">
      <h2 id="respond-send-title" tabIndex={-1}>
        Create the response file
      </h2>
      <p>
        The file holds your answers, notes and evidence for <bdi>{lead}</bdi>, with a SHA-256 digest
        that shows any damage on the way. Nothing else of this browser goes into it.
      </p>
      {remaining > 0 ? (
        <p className="notice warning" id="respond-remaining">
          {remaining === 1
            ? `1 of ${progress.total} questions is not answered yet.`
            : `${remaining} of ${progress.total} questions are not answered yet.`}{' '}
          You can create the file now and send another one later; <bdi>{lead}</bdi> sees which
          questions you left open.
        </p>
      ) : (
        <p className="notice" id="respond-remaining">
          All {plural(progress.total, 'question')} are answered.
        </p>
      )}
      {progress.naWithoutReason.length > 0 && (
        <div className="notice warning">
          <p>
            &ldquo;Not applicable&rdquo; needs a reason. Give one for:{' '}
            {progress.naWithoutReason.map((questionId, index) => (
              <span key={questionId}>
                {index > 0 ? ', ' : ''}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${questionId}: give the reason`}
                  onClick={() => focusReason(questionId)}
                >
                  {questionId}
                </button>
              </span>
            ))}
          </p>
        </div>
      )}
      {entry.respondedAt && (
        <p className="muted">
          You created a response file on {formatDateTime(entry.respondedAt)}.
          {changedSince && (
            <>
              {' '}
              You changed answers since: create a new file and send it to <bdi>{lead}</bdi>; it
              replaces the earlier one.
            </>
          )}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="stacked-form">
        <p className="hint">
          Optional: a passphrase encrypts the file (AES-256-GCM, key from PBKDF2 with 600,000
          iterations). <bdi>{lead}</bdi> then needs the passphrase to open it.
        </p>
        <PassphraseFields idPrefix="response" form={form} />
        <div className="button-row">
          <button
            type="submit"
            className="button primary"
            disabled={isSubmitting}
            aria-describedby="respond-remaining"
          >
            {isSubmitting ? 'Preparing…' : 'Create response file'}
          </button>
        </div>
      </form>
      <OutcomeNotice outcome={outcome} />
    </section>
  );
}

function Respond({ id, entry }: { id: string; entry: StoredQuestionnaire }) {
  const { questionnaire, answers } = entry;
  const all = useQuestionnaires((state) => state.questionnaires);
  const replacement = laterRound(entry, Object.values(all));
  const { assessment, from, to } = questionnaire;
  const answer = useQuestionnaires((state) => state.answer);
  const saveProblem = useQuestionnaires((state) => state.saveProblem);
  const onAnswer = useCallback(
    (questionId: string, change: AnswerChange) => answer(id, questionId, change),
    [answer, id],
  );
  const shown = useMemo(() => visibleQuestions(questionnaire, answers), [questionnaire, answers]);
  const groups = useMemo(() => byDomain(shown), [shown]);
  const progress = questionnaireProgress(entry);
  const hidden = questionnaire.questions.length - shown.length;
  return (
    <section className="respond" aria-labelledby="respond-title">
      <h1 id="respond-title">
        Questions from <bdi>{from.name}</bdi> · <AssessmentName assessment={assessment} />
      </h1>
      <p className="lead">
        For <bdi>{to.name}</bdi>
        {to.role ? (
          <>
            , <bdi>{to.role}</bdi>
          </>
        ) : null}
        : questions of the {assessment.questionSet.title}
        {questionnaire.round > 1 ? `, round ${questionnaire.round}` : ''}, sent on{' '}
        {formatDate(questionnaire.createdAt)}. Your answers are saved in this browser as you give
        them and leave it only in the response file you create at the end.
      </p>
      {replacement && (
        <p className="notice warning" role="status">
          <bdi>{from.name}</bdi> sent a later questionnaire (round {replacement.questionnaire.round}
          ) on {formatDate(replacement.questionnaire.createdAt)}: a response to this one will be
          refused.{' '}
          <a href={hrefs.respond(replacement.questionnaire.questionnaireId)}>
            Answer round {replacement.questionnaire.round}
          </a>
        </p>
      )}
      <p className="small">
        {/* Not a link: the part after # is the app's route. */}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const heading = document.getElementById('respond-send-title');
            heading?.scrollIntoView();
            heading?.focus();
          }}
        >
          Go to “Create the response file”
        </button>
      </p>
      {questionnaire.note && (
        <div className="notice lead-note">
          <p>
            <strong>
              Note from <bdi>{from.name}</bdi>
            </strong>
          </p>
          <p dir="auto">{questionnaire.note}</p>
        </div>
      )}
      <div className="respond-progress">
        <progress
          max={Math.max(progress.total, 1)}
          value={progress.answered}
          aria-labelledby="respond-progress-text"
        />
        <span id="respond-progress-text">
          {progress.answered} of {progress.total} answered
        </span>
      </div>
      {hidden > 0 && (
        <p className="muted small">
          {hidden === 1
            ? '1 question does not apply after the scoping answers and is left out.'
            : `${hidden} questions do not apply after the scoping answers and are left out.`}
        </p>
      )}
      {saveProblem ? (
        <p className="notice warning" role="alert">
          {saveProblem}
        </p>
      ) : (
        <p className="muted small">Saved in this browser as you answer.</p>
      )}
      {groups.map((group) => (
        <section
          key={group.id}
          className="respond-domain"
          aria-labelledby={`respond-domain-${group.id}`}
        >
          <h2 id={`respond-domain-${group.id}`}>{group.title}</h2>
          {group.questions.map((question) => (
            <RespondentQuestion
              key={question.id}
              question={question}
              answer={answers[question.id]}
              onAnswer={onAnswer}
            />
          ))}
        </section>
      ))}
      <CreateResponse id={id} entry={entry} />
    </section>
  );
}

/**
 * The respondent's view of one questionnaire: only the questions sent to them, their progress and
 * the response file; no score, and nothing of the assessments kept in this browser.
 */
export function RespondPage({ questionnaireId }: { questionnaireId: string }) {
  const loaded = useQuestionnaires((state) => state.loaded);
  const entry = useQuestionnaires((state) => state.questionnaires[questionnaireId]);
  if (!loaded) return <PagePlaceholder message="Opening your questionnaire…" />;
  if (!entry)
    return (
      <section className="narrow" aria-labelledby="respond-title">
        <h1 id="respond-title">This questionnaire is not in this browser</h1>
        <p>
          Open the questionnaire file you were sent with &ldquo;Import a file&rdquo;: your answers
          are kept in the browser where you give them.
        </p>
        <a className="button primary" href={hrefs.importFile()}>
          Import a file
        </a>
      </section>
    );
  return <Respond id={questionnaireId} entry={entry} />;
}
