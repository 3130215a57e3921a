import { useEffect, useRef, useState } from 'react';
import { PassphrasePrompt } from '../../components/PassphrasePrompt.tsx';
import { useProtectedFile } from '../../components/useProtectedFile.ts';
import { questionSets } from '../../content/questionSets.ts';
import { backupLimits, type ParsedBackup } from '../../core/backup/format.ts';
import { backupSizeProblem, importBackupFile } from '../../core/backup/parse.ts';
import { hrefs } from '../../routing/routes.ts';
import { RestorePreview } from './RestorePreview.tsx';
import { RestoreProblems } from './RestoreProblems.tsx';

const openBackupFile = (text: string, passphrase?: string) =>
  importBackupFile(text, questionSets, passphrase);

function Restored({ message }: { message: string }) {
  const status = useRef<HTMLDivElement>(null);
  // The Restore button is gone: keyboard and screen-reader users continue from the outcome.
  useEffect(() => status.current?.focus(), []);
  return (
    <div className="notice" role="status" tabIndex={-1} ref={status}>
      <p>{message}</p>
      <a className="button primary" href={hrefs.home()}>
        See all assessments
      </a>
    </div>
  );
}

/**
 * Restore from a backup file: it is read and checked completely, shown as a preview against this
 * browser, and applied only when the user says so. A bad file changes nothing.
 */
export function RestoreFromBackup() {
  const file = useProtectedFile({ open: openBackupFile, sizeProblem: backupSizeProblem });
  const { stage, opening } = file;
  // The outcome of restoring the backup it was opened from: one opened later replaces it.
  const [restored, setRestored] = useState<{ backup: ParsedBackup; message: string }>();
  const restoredMessage =
    stage.kind === 'opened' && restored?.backup === stage.value ? restored.message : undefined;

  return (
    <section className="panel" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore from a backup</h2>
      <p>
        Pick a backup made with &ldquo;Back up everything&rdquo;, here or in another browser. It is
        checked completely and shown to you before anything changes: assessments and questionnaires
        it has that this browser lacks are added, and those this browser has in another version are
        replaced.
      </p>
      <div className="field">
        <label htmlFor="backup-file">Backup file</label>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="backup-file-hint"
          onChange={(event) => void file.onFile(event.target.files?.[0])}
        />
        <p id="backup-file-hint" className="hint">
          A Cellguard backup file, up to {backupLimits.maxBytes / 1e6} MB.
        </p>
      </div>
      <PassphrasePrompt
        file={file}
        id="backup-open-passphrase"
        label="Passphrase of the backup"
        submitLabel={opening ? 'Opening the backup…' : 'Open the backup'}
        disabled={opening}
      />
      {opening && stage.kind !== 'passphrase' && (
        <p className="muted" role="status">
          Checking the backup…
        </p>
      )}
      {stage.kind === 'problems' && <RestoreProblems problems={stage.problems} />}
      {stage.kind === 'opened' && restoredMessage === undefined && (
        <RestorePreview
          backup={stage.value}
          onRestored={(message) => setRestored({ backup: stage.value, message })}
        />
      )}
      {restoredMessage !== undefined && <Restored message={restoredMessage} />}
    </section>
  );
}
