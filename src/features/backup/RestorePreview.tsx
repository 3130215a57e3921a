import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { AssessmentName } from '../../components/UserText.tsx';
import type { BackupEntry, BackupQuestionnaire, ParsedBackup } from '../../core/backup/format.ts';
import { applyRestore, planRestore, type RestorePlan } from '../../core/backup/restore.ts';
import { questionnaireProgress } from '../../core/delegation/respondent.ts';
import { formatDateTime } from '../../core/format.ts';
import type { Problem } from '../../core/result.ts';
import { listJoin, plural } from '../../core/text.ts';
import { useAssessments, useGroups, useQuestionnaires } from '../../store/index.ts';
import { RestoreProblems } from './RestoreProblems.tsx';

interface RestorePreviewProps {
  backup: ParsedBackup;
  onRestored: (message: string) => void;
}

// To the minute: the backup's and this device's versions of one assessment often differ by hours.
const lastChanged = (entry: BackupEntry) =>
  `${plural(Object.keys(entry.assessment.answers).length, 'answer')}, last changed ${formatDateTime(entry.assessment.updatedAt)}`;

/** "3 of 8 questions answered, last changed …; response file created …". */
const questionnaireState = (entry: BackupQuestionnaire) => {
  const { answered, total } = questionnaireProgress(entry);
  const responded = entry.respondedAt
    ? `; response file created ${formatDateTime(entry.respondedAt)}`
    : '';
  return `${answered} of ${plural(total, 'question')} answered, last changed ${formatDateTime(entry.updatedAt)}${responded}`;
};

/** "Questions from J. Smith · Example Networks · Mobile core · 2026-Q4", each name isolated. */
const QuestionnaireName = ({
  questionnaire,
}: {
  questionnaire: {
    from: { name: string };
    assessment: { organisation: string; scope: string; cycle: string };
    round: number;
  };
}) => (
  <>
    Questions from <bdi>{questionnaire.from.name}</bdi> ·{' '}
    <AssessmentName assessment={questionnaire.assessment} />
    {questionnaire.round > 1 && ` · round ${questionnaire.round}`}
  </>
);

/** "a, b and c", as listJoin writes it, of names that are elements. */
const NodeList = ({ items }: { items: readonly ReactNode[] }) => (
  <>
    {items.map((item, index) => (
      // The list never reorders: the position is the identity.
      <Fragment key={index}>
        {index === 0 ? '' : index === items.length - 1 ? ' and ' : ', '}
        {item}
      </Fragment>
    ))}
  </>
);

/** Changed here after the backup was made: restoring loses those changes. */
const NewerHere = () => (
  <strong className="restore-newer">
    {' '}
    Changed here after the backup was made: those changes will be lost.
  </strong>
);

/** How many entries a restore adds, replaces and leaves as they are. */
function RestoreCounts({
  label,
  plan,
}: {
  label: string;
  plan: { added: readonly unknown[]; replaced: readonly unknown[]; unchanged: readonly unknown[] };
}) {
  return (
    <ul className="restore-counts" aria-label={label}>
      <li>
        <strong>{plan.added.length}</strong> to add
      </li>
      <li>
        <strong>{plan.replaced.length}</strong> to replace
      </li>
      <li>
        <strong>{plan.unchanged.length}</strong> unchanged
      </li>
    </ul>
  );
}

/** Every questionnaire of the backup: added, replacing the one with its id, or already here. */
function QuestionnairesPreview({ plan }: { plan: RestorePlan['questionnaires'] }) {
  return (
    <>
      <h4>Questionnaires you were sent to answer</h4>
      <RestoreCounts label="Questionnaires summary" plan={plan} />
      <div className="table-scroll">
        <table className="restore-table">
          <caption>Every questionnaire in the backup</caption>
          <thead>
            <tr>
              <th scope="col">Questionnaire</th>
              <th scope="col">On restore</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {plan.added.map((entry) => (
              <tr key={`added-${entry.questionnaire.questionnaireId}`}>
                <th scope="row">
                  <QuestionnaireName questionnaire={entry.questionnaire} />
                </th>
                <td>Added</td>
                <td>{questionnaireState(entry)}.</td>
              </tr>
            ))}
            {plan.replaced.map(({ entry, existing, deviceIsNewer }) => (
              <tr key={`replaced-${entry.questionnaire.questionnaireId}`}>
                <th scope="row">
                  <QuestionnaireName questionnaire={entry.questionnaire} />
                </th>
                <td>Replaces the one on this device</td>
                <td>
                  Backup: {questionnaireState(entry)}. This device: {questionnaireState(existing)}.
                  {deviceIsNewer && <NewerHere />}
                </td>
              </tr>
            ))}
            {plan.unchanged.map((entry) => (
              <tr key={`unchanged-${entry.questionnaire.questionnaireId}`}>
                <th scope="row">
                  <QuestionnaireName questionnaire={entry.questionnaire} />
                </th>
                <td>Already here, unchanged</td>
                <td>{questionnaireState(entry)}.</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Migrated({ entry }: { entry: BackupEntry }) {
  if (entry.migrated.length === 0) return null;
  return (
    <details>
      <summary>
        {plural(entry.migrated.length, 'change')} from an earlier version of the questions
      </summary>
      <ul>
        {entry.migrated.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * What a restore would add, replace and leave alone, against what this browser holds now, and the
 * button that does it. Replacing asks for confirmation first, as a single import does.
 */
export function RestorePreview({ backup, onRestored }: RestorePreviewProps) {
  const assessments = useAssessments((state) => state.assessments);
  const staleEvidenceDays = useAssessments((state) => state.settings.staleEvidenceDays);
  const questionnaires = useQuestionnaires((state) => state.questionnaires);
  const questionnairesLoaded = useQuestionnaires((state) => state.loaded);
  const groups = useGroups((state) => state.groups);
  const groupsLoaded = useGroups((state) => state.loaded);
  const plan = useMemo(
    () =>
      planRestore(
        Object.values(assessments),
        backup,
        Object.values(questionnaires),
        Object.values(groups),
      ),
    [assessments, questionnaires, groups, backup],
  );
  const { questionnaires: questionnairePlan, groups: groupPlan } = plan;
  const hasQuestionnaires = backup.questionnaires.length > 0;
  const hasGroups = backup.groups.length > 0;
  // The groups are read only when a page asks: this one compares them.
  useEffect(() => {
    if (hasGroups) void useGroups.getState().load();
  }, [hasGroups]);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const settingsChange = backup.settings.staleEvidenceDays !== staleEvidenceDays;
  const nothingToDo =
    plan.added.length === 0 &&
    plan.replaced.length === 0 &&
    questionnairePlan.added.length === 0 &&
    questionnairePlan.replaced.length === 0 &&
    groupPlan.added.length === 0 &&
    groupPlan.replaced.length === 0 &&
    !settingsChange;
  const replacements = [...plan.replaced, ...questionnairePlan.replaced];
  const newer = replacements.filter((replacement) => replacement.deviceIsNewer).length;
  const newerGroups = groupPlan.replaced.filter((replacement) => replacement.deviceIsNewer).length;
  const groupsReplaced =
    groupPlan.replaced.length > 0
      ? ` (by the backup's name, members and weights${newerGroups > 0 ? `; ${newerGroups} changed here after the backup was made, and those changes will be lost` : ''})`
      : '';
  const groupsPreview = `Groups of operating companies: ${plural(backup.groups.length, 'group')} in the backup; ${groupPlan.added.length} to add, ${groupPlan.replaced.length} to replace${groupsReplaced}, ${groupPlan.unchanged.length} already here unchanged.`;
  const names = [
    ...plan.replaced.map(({ existing }) => <AssessmentName assessment={existing.assessment} />),
    ...questionnairePlan.replaced.map(({ existing }) => (
      <QuestionnaireName questionnaire={existing.questionnaire} />
    )),
  ];
  const replacedKinds = listJoin(
    [
      plan.replaced.length > 0 ? plural(plan.replaced.length, 'assessment') : '',
      questionnairePlan.replaced.length > 0
        ? plural(questionnairePlan.replaced.length, 'questionnaire')
        : '',
    ].filter(Boolean),
  );
  // A dialog, not a list: a handful of names, then how many more (the table lists them all).
  const shownNames = 5;
  const replacedNames = (
    <NodeList
      items={
        names.length > shownNames
          ? [...names.slice(0, shownNames), `${names.length - shownNames} more`]
          : names
      }
    />
  );

  const restore = () => {
    setConfirmReplace(false);
    // Exactly what the preview shows. Should another tab have removed an assessment to replace
    // since, the store refuses it and applyRestore undoes the rest.
    const restored = applyRestore(plan, backup.settings, {
      ...useAssessments.getState(),
      restoreQuestionnaires: useQuestionnaires.getState().restore,
      // Checked by applyRestore already; written as soon as the groups kept here are read.
      restoreGroups: (restoredGroups) => void useGroups.getState().restore(restoredGroups),
    });
    if (!restored.ok) {
      setProblems(restored.problems);
      return;
    }
    // Written at once rather than a moment later: a restore is a moment to be sure of.
    void useQuestionnaires.persistence.flush();
    const { added, replaced, unchanged, questionnaires: kept, groups: keptGroups } = restored.value;
    const questionnairesDone = hasQuestionnaires
      ? ` Questionnaires you were sent to answer: ${kept.added} added, ${kept.replaced} replaced, ${kept.unchanged} already here unchanged.`
      : '';
    const groupsDone = hasGroups
      ? ` Groups of operating companies: ${keptGroups.added} added, ${keptGroups.replaced} replaced, ${keptGroups.unchanged} already here unchanged.`
      : '';
    onRestored(
      `Restored from the backup: ${plural(added, 'assessment')} added, ${replaced} replaced, ${unchanged} already here unchanged.${questionnairesDone}${groupsDone} Evidence is flagged after ${plural(backup.settings.staleEvidenceDays, 'day')}, as in the backup.`,
    );
  };
  // What is kept here is still being read: comparing now would miss it.
  const waiting =
    hasQuestionnaires && !questionnairesLoaded
      ? 'questionnaires'
      : hasGroups && !groupsLoaded
        ? 'groups'
        : undefined;

  return (
    <section className="panel restore-preview" aria-labelledby="restore-preview-title">
      <h3 id="restore-preview-title" ref={heading} tabIndex={-1}>
        What the restore will do
      </h3>
      <p>
        Backup made {formatDateTime(backup.createdAt)}, with{' '}
        {plural(backup.entries.length, 'assessment')}
        {hasQuestionnaires &&
          ` and ${plural(backup.questionnaires.length, 'questionnaire')} you were sent to answer`}
        . It matches its SHA-256 digest: nothing in it was damaged, or edited without the digest
        being recomputed. Nothing on this device is removed.
      </p>
      {hasQuestionnaires && <h4>Assessments</h4>}
      <RestoreCounts label="Summary" plan={plan} />
      {backup.entries.length > 0 && (
        <div className="table-scroll">
          <table className="restore-table">
            <caption>Every assessment in the backup</caption>
            <thead>
              <tr>
                <th scope="col">Assessment</th>
                <th scope="col">On restore</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {plan.added.map((entry, index) => (
                <tr key={`added-${index}`}>
                  <th scope="row">
                    <AssessmentName assessment={entry.assessment} />
                  </th>
                  <td>Added</td>
                  <td>
                    {lastChanged(entry)}.
                    <Migrated entry={entry} />
                  </td>
                </tr>
              ))}
              {plan.replaced.map(({ entry, existing, deviceIsNewer }, index) => (
                <tr key={`replaced-${index}`}>
                  <th scope="row">
                    <AssessmentName assessment={entry.assessment} />
                  </th>
                  <td>Replaces the one on this device</td>
                  <td>
                    Backup: {lastChanged(entry)}. This device: last changed{' '}
                    {formatDateTime(existing.assessment.updatedAt)}.{deviceIsNewer && <NewerHere />}
                    <Migrated entry={entry} />
                  </td>
                </tr>
              ))}
              {plan.unchanged.map(({ entry }, index) => (
                <tr key={`unchanged-${index}`}>
                  <th scope="row">
                    <AssessmentName assessment={entry.assessment} />
                  </th>
                  <td>Already here, unchanged</td>
                  <td>{lastChanged(entry)}.</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasQuestionnaires && <QuestionnairesPreview plan={questionnairePlan} />}
      {hasGroups && <p>{groupsPreview}</p>}
      <p>
        {settingsChange
          ? `Evidence will be flagged after ${plural(backup.settings.staleEvidenceDays, 'day')}, as in the backup (now ${staleEvidenceDays}).`
          : 'The settings are the same as on this device.'}
      </p>
      <RestoreProblems problems={problems} />
      {waiting ? (
        <p className="muted" role="status">
          Reading the {waiting} kept in this browser…
        </p>
      ) : nothingToDo ? (
        <p className="notice" role="status">
          Everything in this backup is already on this device.
        </p>
      ) : (
        <button
          type="button"
          className="button primary"
          onClick={() => (replacements.length > 0 ? setConfirmReplace(true) : restore())}
        >
          Restore
        </button>
      )}
      {confirmReplace && (
        <ConfirmDialog
          title={`Replace ${replacedKinds} on this device?`}
          body={
            <>
              The answers kept in this browser for {replacedNames} will be replaced by the
              backup&apos;s
              {newer > 0 &&
                `; ${newer} of them ${newer === 1 ? 'was' : 'were'} changed here after the backup was made, and those changes will be lost`}
              . Back up this device first if you may need them.
            </>
          }
          confirmLabel="Replace and restore"
          onCancel={() => setConfirmReplace(false)}
          onConfirm={restore}
        />
      )}
    </section>
  );
}
