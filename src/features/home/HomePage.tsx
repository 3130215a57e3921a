import { useMemo, useRef, useState } from 'react';
import { BandBadge } from '../../components/BandBadge.tsx';
import { AssessmentName } from '../../components/UserText.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProgressMeter } from '../../components/ProgressMeter.tsx';
import { questionSetTitles, setTitle } from '../../content/setTitles.ts';
import { cycleSeries, unconfirmedOrigins } from '../../core/cycles/cycles.ts';
import { sameAssessment } from '../../core/assessment/details.ts';
import { formatDate, formatDateTime, formatRisk } from '../../core/format.ts';
import { assessmentTitle } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import {
  useAssessments,
  useGroups,
  useQuestionnaires,
  type StoredAssessment,
  type StoredQuestionnaire,
} from '../../store/index.ts';
import { laterRound, questionnaireProgress } from '../../core/delegation/respondent.ts';
import { CisoAssistantExports } from './CisoAssistantExports.tsx';
import { StorageUsePanel } from './StorageUsePanel.tsx';
import './home.css';

interface RowProps {
  stored: StoredAssessment;
  cyclesInSeries: number;
  /** Another assessment on this device with the same organisation, scope, set and cycle. */
  twin: StoredAssessment | undefined;
  /** The set's title, in the buttons' names, when the device holds assessments of several sets. */
  setName: string | undefined;
  onDelete: () => void;
}

/**
 * Answers carried over and not yet confirmed: from the summary, or counted from the answers when
 * the summary was cached by a version that did not count them.
 */
const unconfirmedOf = ({ summary, assessment }: StoredAssessment): number =>
  summary?.unconfirmed ??
  Object.values(assessment.answers).filter((answer) => answer.carriedOver).length;

function AssessmentRow({ stored, cyclesInSeries, twin, setName, onDelete }: RowProps) {
  const { assessment, summary } = stored;
  const name = `${assessment.organisation}, ${assessment.cycle}${setName ? ` (${setName})` : ''}`;
  const unconfirmed = unconfirmedOf(stored);
  const hasAnswers = Object.keys(assessment.answers).length > 0;
  return (
    <li className="assessment-card">
      <div className="assessment-card-main">
        <h3>
          <a href={hrefs.assessment(stored.id)}>
            <bdi>{assessment.organisation}</bdi>
          </a>
        </h3>
        <p className="muted">
          <bdi>{assessment.scope || 'No scope given'}</bdi> · <bdi>{assessment.cycle}</bdi>
          {assessment.assessor && (
            <>
              {' '}
              · <bdi>{assessment.assessor}</bdi>
            </>
          )}
        </p>
        <p className="muted small">Last edited {formatDateTime(assessment.updatedAt)}</p>
        {twin && (
          <p className="notice warning small">
            <a href={hrefs.assessment(twin.id)}>Another assessment</a> on this device has the same
            organisation, scope, question set and cycle.{' '}
            <a href={hrefs.details(stored.id)}>Edit the details</a> of one of them so that History
            and Compare tell them apart.
          </p>
        )}
      </div>
      <div className="assessment-card-status">
        {summary ? (
          <ProgressMeter
            answered={summary.answered}
            total={summary.visible}
            label={`Questions answered in ${name}`}
          />
        ) : (
          <p className="muted small">Not started</p>
        )}
        {unconfirmed > 0 && (
          <p className="carried-line">
            {unconfirmed} <bdi>{unconfirmedOrigins(assessment, setTitle)}</bdi>, not confirmed
          </p>
        )}
        {summary?.risk !== undefined && summary.band ? (
          <p className="risk-line">
            Risk <strong>{formatRisk(summary.risk)}</strong> <BandBadge band={summary.band} />
            {unconfirmed > 0 && <span className="draft-tag">Draft</span>}
          </p>
        ) : (
          <p className="muted small">In progress</p>
        )}
      </div>
      <div className="button-row">
        <a
          className="button primary"
          href={hrefs.assessment(stored.id)}
          aria-label={`Open ${name}`}
        >
          Open
        </a>
        {hasAnswers && (
          <a
            className="button"
            href={hrefs.nextCycle(stored.id)}
            aria-label={`Start the next cycle after ${name}`}
          >
            Next cycle
          </a>
        )}
        {cyclesInSeries > 1 && (
          <a className="button" href={hrefs.history(stored.id)} aria-label={`History of ${name}`}>
            History ({cyclesInSeries})
          </a>
        )}
        <a
          className="button"
          href={hrefs.exportFile(stored.id)}
          aria-label={`Export ${name} as a file`}
        >
          Export
        </a>
        <a
          className="button"
          href={hrefs.details(stored.id)}
          aria-label={`Edit the details of ${name}`}
        >
          Edit details
        </a>
        <a className="button" href={hrefs.copy(stored.id)} aria-label={`Copy ${name}`}>
          Copy
        </a>
        <button
          type="button"
          className="button danger-outline"
          aria-label={`Delete ${name}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

/** "questions from Ana Ruiz, Example Mobile · Core · 2026-Q4": a questionnaire as its buttons name it. */
const questionnaireName = ({ questionnaire }: StoredQuestionnaire): string =>
  `questions from ${questionnaire.from.name}, ${assessmentTitle(questionnaire.assessment)}${questionnaire.round > 1 ? `, round ${questionnaire.round}` : ''}`;

function QuestionnaireRow({
  entry,
  replacement,
  onRemove,
}: {
  entry: StoredQuestionnaire;
  /** A later round for the same person and assessment, which this one gave way to. */
  replacement: StoredQuestionnaire | undefined;
  onRemove: () => void;
}) {
  const { questionnaire } = entry;
  const { answered, total } = questionnaireProgress(entry);
  const name = questionnaireName(entry);
  return (
    <li className="assessment-card">
      <div className="assessment-card-main">
        <h3>
          <a href={hrefs.respond(questionnaire.questionnaireId)}>
            Questions from <bdi>{questionnaire.from.name}</bdi>
          </a>
        </h3>
        <p className="muted">
          <AssessmentName assessment={questionnaire.assessment} /> ·{' '}
          {questionnaire.assessment.questionSet.title}
          {questionnaire.round > 1 ? ` · round ${questionnaire.round}` : ''}
        </p>
        <p className="muted small">
          For <bdi>{questionnaire.to.name}</bdi>, sent on {formatDate(questionnaire.createdAt)}
          {entry.respondedAt
            ? `; response file created on ${formatDateTime(entry.respondedAt)}`
            : ''}
        </p>
      </div>
      <div className="assessment-card-status">
        <ProgressMeter answered={answered} total={total} label={`Questions answered: ${name}`} />
      </div>
      {replacement && (
        <p className="notice warning small">
          Replaced by round {replacement.questionnaire.round}: a response to this one would be
          refused. Answer round {replacement.questionnaire.round} instead.
        </p>
      )}
      <div className="button-row">
        {!replacement && (
          <a
            className="button primary"
            href={hrefs.respond(questionnaire.questionnaireId)}
            aria-label={`Continue ${name}`}
          >
            Continue
          </a>
        )}
        <button
          type="button"
          className="button danger-outline"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

/** The questionnaires this browser's user was sent, newest first; nothing when there are none. */
function QuestionnairesToAnswer({ onGone }: { onGone: () => HTMLElement | null }) {
  const questionnaires = useQuestionnaires((state) => state.questionnaires);
  const remove = useQuestionnaires((state) => state.remove);
  const [pendingRemove, setPendingRemove] = useState<StoredQuestionnaire | null>(null);
  const list = useMemo(
    () =>
      Object.values(questionnaires).sort((a, b) =>
        b.questionnaire.createdAt.localeCompare(a.questionnaire.createdAt),
      ),
    [questionnaires],
  );
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="questionnaires-title" className="set-group">
      <h2 id="questionnaires-title">Questionnaires to answer</h2>
      <ul className="assessment-list" aria-label="Questionnaires to answer">
        {list.map((entry) => (
          <QuestionnaireRow
            key={entry.questionnaire.questionnaireId}
            entry={entry}
            replacement={laterRound(entry, list)}
            onRemove={() => setPendingRemove(entry)}
          />
        ))}
      </ul>
      {pendingRemove && (
        <ConfirmDialog
          title="Remove this questionnaire?"
          body={
            <>
              The questions from <bdi>{pendingRemove.questionnaire.from.name}</bdi>,{' '}
              <AssessmentName assessment={pendingRemove.questionnaire.assessment} />
              {pendingRemove.questionnaire.round > 1
                ? `, round ${pendingRemove.questionnaire.round}`
                : ''}{' '}
              and your {questionnaireProgress(pendingRemove).answered} answers will be removed from
              this browser. Create the response file first if you have not sent it. This cannot be
              undone.
            </>
          }
          confirmLabel="Remove questionnaire"
          onCancel={() => setPendingRemove(null)}
          onConfirm={() => {
            remove(pendingRemove.questionnaire.questionnaireId);
            setPendingRemove(null);
          }}
          fallbackFocus={onGone}
        />
      )}
    </section>
  );
}

export function HomePage() {
  const assessments = useAssessments((state) => state.assessments);
  const remove = useAssessments((state) => state.remove);
  const staleEvidenceDays = useAssessments((state) => state.settings.staleEvidenceDays);
  const eraseAll = useAssessments((state) => state.eraseAll);
  const eraseQuestionnaires = useQuestionnaires((state) => state.eraseAll);
  const questionnaireCount = useQuestionnaires((state) => Object.keys(state.questionnaires).length);
  const eraseGroups = useGroups((state) => state.eraseAll);
  const groupCount = useGroups((state) => Object.keys(state.groups).length);
  const [confirmErase, setConfirmErase] = useState(false);
  const setStaleEvidenceDays = useAssessments((state) => state.setStaleEvidenceDays);
  const [pendingDelete, setPendingDelete] = useState<StoredAssessment | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const sorted = useMemo(
    () =>
      Object.values(assessments).sort((a, b) =>
        b.assessment.updatedAt.localeCompare(a.assessment.updatedAt),
      ),
    [assessments],
  );
  // One list per question set, in the app's order of sets; a set this version lacks comes last.
  const bySet = useMemo(() => {
    const ids = [
      ...new Set([
        ...questionSetTitles.map((set) => set.id),
        ...sorted.map((s) => s.assessment.questionSet.id),
      ]),
    ];
    return ids
      .map((id) => ({
        id,
        title: setTitle(id),
        list: sorted.filter((s) => s.assessment.questionSet.id === id),
      }))
      .filter((group) => group.list.length > 0);
  }, [sorted]);

  return (
    <section aria-labelledby="home-title">
      <div className="page-heading">
        <h1 id="home-title" ref={heading} tabIndex={-1}>
          Assessments on this device
        </h1>
        <div className="button-row">
          <a className="button primary" href={hrefs.newAssessment()}>
            Start a new assessment
          </a>
          <a className="button" href={hrefs.importFile()}>
            Import a file
          </a>
          <a className="button" href={hrefs.groups()}>
            Groups of operating companies
          </a>
        </div>
      </div>
      <p className="lead">
        How far could an intrusion into a telecom operator get in your network? Each question set
        (the IT side after Operation Soft Cell; the network side after the December 2024
        communications-infrastructure guidance) gives a risk score, the weak points of the attack
        chain and a prioritised plan, and a fact both sets ask is answered once. Answers are saved
        in this browser as you type and never leave it.
      </p>
      <QuestionnairesToAnswer onGone={() => heading.current} />
      {sorted.length === 0 ? (
        questionnaireCount > 0 ? null : (
          <div className="empty-state">
            <h2>No assessment yet</h2>
            <p>
              Start one for your organisation and scope. You can stop at any point and carry on
              later from this page.
            </p>
          </div>
        )
      ) : (
        bySet.map((group) => (
          <section key={group.id} aria-labelledby={`set-${group.id}`} className="set-group">
            <h2 id={`set-${group.id}`}>{group.title}</h2>
            <ul className="assessment-list" aria-label={`Saved assessments: ${group.title}`}>
              {group.list.map((stored) => (
                <AssessmentRow
                  key={stored.id}
                  stored={stored}
                  cyclesInSeries={cycleSeries(sorted, stored.assessment).length}
                  twin={sameAssessment(sorted, stored.assessment, stored.id)}
                  setName={bySet.length > 1 ? group.title : undefined}
                  onDelete={() => setPendingDelete(stored)}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      <CisoAssistantExports />
      <details className="settings">
        <summary>Settings</summary>
        <div className="field">
          <label htmlFor="stale-days">Flag evidence older than (days)</label>
          <input
            id="stale-days"
            type="number"
            min={1}
            max={3650}
            value={staleEvidenceDays}
            onChange={(event) => {
              const days = Math.round(Number(event.target.value));
              if (days >= 1 && days <= 3650) setStaleEvidenceDays(days);
            }}
          />
          <p className="hint">
            Evidence older than this, or carried over without a date, is marked for re-checking.
          </p>
        </div>
        <h2>Storage on this device</h2>
        <StorageUsePanel />
        <p>
          <a className="button" href={hrefs.backup()}>
            Back up or restore everything
          </a>
        </p>
      </details>
      <section className="privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">Privacy</h2>
        <p>
          Everything you enter stays in this browser&apos;s storage on this device. Cellguard sends
          nothing over the network, has no account and no analytics; files leave only when you
          export them.
        </p>
        <button
          type="button"
          className="button danger-outline"
          onClick={() => {
            // The groups are read only when a page asks: the confirmation counts them.
            void useGroups.getState().load();
            setConfirmErase(true);
          }}
        >
          Erase all data on this device
        </button>
      </section>
      {confirmErase && (
        <ConfirmDialog
          title="Erase all Cellguard data from this browser?"
          body={`${sorted.length} assessment${sorted.length === 1 ? '' : 's'}${questionnaireCount > 0 ? `, ${questionnaireCount} questionnaire${questionnaireCount === 1 ? '' : 's'} to answer with your answers` : ''}${groupCount > 0 ? `, ${groupCount} group${groupCount === 1 ? '' : 's'} of operating companies` : ''}, the settings and any kept copies will be removed from this browser. Export what you need first. This cannot be undone.`}
          confirmLabel="Erase everything"
          onCancel={() => setConfirmErase(false)}
          onConfirm={() => {
            void eraseQuestionnaires();
            void eraseGroups();
            void eraseAll();
            setConfirmErase(false);
          }}
        />
      )}
      {pendingDelete && (
        <ConfirmDialog
          title="Delete this assessment?"
          body={
            <>
              <bdi>{pendingDelete.assessment.organisation}</bdi>,{' '}
              <bdi>{pendingDelete.assessment.cycle}</bdi> and all its answers will be removed from
              this browser. This cannot be undone.
            </>
          }
          confirmLabel="Delete assessment"
          onCancel={() => setPendingDelete(null)}
          onConfirm={() => {
            remove(pendingDelete.id);
            setPendingDelete(null);
          }}
          // Its card and Delete button are gone: the keyboard resumes at the page's heading.
          fallbackFocus={() => heading.current}
        />
      )}
    </section>
  );
}
