import { useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import type { BackupEntry, ParsedBackup } from '../../core/backup/format.ts';
import { applyRestore, planRestore } from '../../core/backup/restore.ts';
import { formatDateTime } from '../../core/format.ts';
import type { Problem } from '../../core/result.ts';
import { assessmentTitle, listJoin, plural } from '../../core/text.ts';
import { useAssessments } from '../../store/index.ts';
import { RestoreProblems } from './RestoreProblems.tsx';

interface RestorePreviewProps {
  backup: ParsedBackup;
  onRestored: (message: string) => void;
}

// To the minute: the backup's and this device's versions of one assessment often differ by hours.
const lastChanged = (entry: BackupEntry) =>
  `${plural(Object.keys(entry.assessment.answers).length, 'answer')}, last changed ${formatDateTime(entry.assessment.updatedAt)}`;

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
  const plan = useMemo(
    () => planRestore(Object.values(assessments), backup),
    [assessments, backup],
  );
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const settingsChange = backup.settings.staleEvidenceDays !== staleEvidenceDays;
  const nothingToDo = plan.added.length === 0 && plan.replaced.length === 0 && !settingsChange;
  const newer = plan.replaced.filter((replacement) => replacement.deviceIsNewer).length;
  const names = plan.replaced.map(({ existing }) => assessmentTitle(existing.assessment));
  // A dialog, not a list: a handful of names, then how many more (the table lists them all).
  const shownNames = 5;
  const replacedNames = listJoin(
    names.length > shownNames
      ? [...names.slice(0, shownNames), `${names.length - shownNames} more`]
      : names,
  );

  const restore = () => {
    setConfirmReplace(false);
    // Exactly what the preview shows. Should another tab have removed an assessment to replace
    // since, the store refuses it and applyRestore undoes the rest.
    const restored = applyRestore(plan, backup.settings, useAssessments.getState());
    if (!restored.ok) {
      setProblems(restored.problems);
      return;
    }
    const { added, replaced, unchanged } = restored.value;
    onRestored(
      `Restored from the backup: ${plural(added, 'assessment')} added, ${replaced} replaced, ${unchanged} already here unchanged. Evidence is flagged after ${plural(backup.settings.staleEvidenceDays, 'day')}, as in the backup.`,
    );
  };

  return (
    <section className="panel restore-preview" aria-labelledby="restore-preview-title">
      <h3 id="restore-preview-title" ref={heading} tabIndex={-1}>
        What the restore will do
      </h3>
      <p>
        Backup made {formatDateTime(backup.createdAt)}, with{' '}
        {plural(backup.entries.length, 'assessment')}. It matches its SHA-256 digest: nothing in it
        was damaged, or edited without the digest being recomputed. Nothing on this device is
        removed.
      </p>
      <ul className="restore-counts" aria-label="Summary">
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
                  <th scope="row">{assessmentTitle(entry.assessment)}</th>
                  <td>Added</td>
                  <td>
                    {lastChanged(entry)}.
                    <Migrated entry={entry} />
                  </td>
                </tr>
              ))}
              {plan.replaced.map(({ entry, existing, deviceIsNewer }, index) => (
                <tr key={`replaced-${index}`}>
                  <th scope="row">{assessmentTitle(entry.assessment)}</th>
                  <td>Replaces the one on this device</td>
                  <td>
                    Backup: {lastChanged(entry)}. This device: last changed{' '}
                    {formatDateTime(existing.assessment.updatedAt)}.
                    {deviceIsNewer && (
                      <strong className="restore-newer">
                        {' '}
                        Changed here after the backup was made: those changes will be lost.
                      </strong>
                    )}
                    <Migrated entry={entry} />
                  </td>
                </tr>
              ))}
              {plan.unchanged.map(({ entry }, index) => (
                <tr key={`unchanged-${index}`}>
                  <th scope="row">{assessmentTitle(entry.assessment)}</th>
                  <td>Already here, unchanged</td>
                  <td>{lastChanged(entry)}.</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {settingsChange
          ? `Evidence will be flagged after ${plural(backup.settings.staleEvidenceDays, 'day')}, as in the backup (now ${staleEvidenceDays}).`
          : 'The settings are the same as on this device.'}
      </p>
      <RestoreProblems problems={problems} />
      {nothingToDo ? (
        <p className="notice" role="status">
          Everything in this backup is already on this device.
        </p>
      ) : (
        <button
          type="button"
          className="button primary"
          onClick={() => (plan.replaced.length > 0 ? setConfirmReplace(true) : restore())}
        >
          Restore
        </button>
      )}
      {confirmReplace && (
        <ConfirmDialog
          title={`Replace ${plural(plan.replaced.length, 'assessment')} on this device?`}
          body={`The answers kept in this browser for ${replacedNames} will be replaced by the backup's${newer > 0 ? `; ${newer} of them ${newer === 1 ? 'was' : 'were'} changed here after the backup was made, and those changes will be lost` : ''}. Back up this device first if you may need them.`}
          confirmLabel="Replace and restore"
          onCancel={() => setConfirmReplace(false)}
          onConfirm={restore}
        />
      )}
    </section>
  );
}
