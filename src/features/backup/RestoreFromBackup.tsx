import { useEffect, useRef, useState } from 'react';
import { questionSet } from '../../content/questionSet.ts';
import { backupLimits, type ParsedBackup } from '../../core/backup/format.ts';
import { backupSizeProblem, importBackupFile } from '../../core/backup/parse.ts';
import type { Problem } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { RestorePreview } from './RestorePreview.tsx';
import { RestoreProblems } from './RestoreProblems.tsx';

type Stage =
  | { kind: 'choose' }
  | { kind: 'passphrase'; text: string; problem?: string }
  | { kind: 'problems'; problems: Problem[] }
  | { kind: 'preview'; backup: ParsedBackup }
  | { kind: 'restored'; message: string };

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
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [passphrase, setPassphrase] = useState('');
  const [opening, setOpening] = useState(false);
  // Only the last file picked may set the stage, however long an earlier one takes to open.
  const latestRead = useRef(0);

  const read = async (text: string, secret?: string) => {
    const readNumber = (latestRead.current += 1);
    setOpening(true);
    const result = await importBackupFile(text, questionSet, secret);
    if (readNumber !== latestRead.current) return;
    setOpening(false);
    if (result.ok) setStage({ kind: 'preview', backup: result.value });
    else if (result.problems.some((p) => p.code === 'needs-passphrase'))
      setStage({ kind: 'passphrase', text });
    else if (result.problems.some((p) => p.code === 'wrong-passphrase'))
      setStage({
        kind: 'passphrase',
        text,
        problem: result.problems.map((p) => p.message).join(' '),
      });
    else setStage({ kind: 'problems', problems: result.problems });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = backupSizeProblem(file.size);
    if (tooLarge) {
      setStage({ kind: 'problems', problems: [tooLarge] });
      return;
    }
    try {
      await read(await file.text());
    } catch {
      setOpening(false);
      setStage({
        kind: 'problems',
        problems: [{ path: '', message: 'The file could not be read by the browser.' }],
      });
    }
  };

  return (
    <section className="panel" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore from a backup</h2>
      <p>
        Pick a backup made with &ldquo;Back up everything&rdquo;, here or in another browser. It is
        checked completely and shown to you before anything changes: assessments it has that this
        browser lacks are added, and those this browser has in another version are replaced.
      </p>
      <div className="field">
        <label htmlFor="backup-file">Backup file</label>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="backup-file-hint"
          onChange={(event) => {
            setPassphrase('');
            void onFile(event.target.files?.[0]);
          }}
        />
        <p id="backup-file-hint" className="hint">
          A Cellguard backup file, up to {backupLimits.maxBytes / 1e6} MB.
        </p>
      </div>
      {stage.kind === 'passphrase' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void read(stage.text, passphrase);
          }}
        >
          <div className="field">
            <label htmlFor="backup-open-passphrase">Passphrase of the backup</label>
            <input
              id="backup-open-passphrase"
              type="password"
              autoComplete="off"
              value={passphrase}
              aria-invalid={stage.problem ? true : undefined}
              aria-describedby={stage.problem ? 'backup-open-passphrase-error' : undefined}
              onChange={(event) => setPassphrase(event.target.value)}
            />
            {stage.problem && (
              <p id="backup-open-passphrase-error" className="field-error" role="alert">
                {stage.problem}
              </p>
            )}
          </div>
          <button type="submit" className="button primary" disabled={opening}>
            {opening ? 'Opening the backup…' : 'Open the backup'}
          </button>
        </form>
      )}
      {opening && stage.kind !== 'passphrase' && (
        <p className="muted" role="status">
          Checking the backup…
        </p>
      )}
      {stage.kind === 'problems' && <RestoreProblems problems={stage.problems} />}
      {stage.kind === 'preview' && (
        <RestorePreview
          backup={stage.backup}
          onRestored={(message) => setStage({ kind: 'restored', message })}
        />
      )}
      {stage.kind === 'restored' && <Restored message={stage.message} />}
    </section>
  );
}
