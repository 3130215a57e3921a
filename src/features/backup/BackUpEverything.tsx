import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import { PassphraseFields, type PassphraseValues } from '../../components/PassphraseFields.tsx';
import { downloadFile } from '../../components/download.ts';
import { exportBackupFile } from '../../core/backup/serialize.ts';
import { plural } from '../../core/text.ts';
import { useAssessments } from '../../store/index.ts';

/** "2026-11-26": the user's own calendar day, as the file name shows it. */
const localDay = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');

/** Downloads every assessment and the settings as one backup file, optionally encrypted. */
export function BackUpEverything() {
  const count = useAssessments((state) => Object.keys(state.assessments).length);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<PassphraseValues>({ defaultValues: { passphrase: '', repeat: '' } });
  const {
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async ({ passphrase }) => {
    const now = new Date();
    const { assessments, settings } = useAssessments.getState();
    const file = await exportBackupFile({ assessments, settings }, now, passphrase || undefined);
    if (!file.ok) {
      setOutcome({ ok: false, message: file.problems.map((p) => p.message).join(' ') });
      return;
    }
    const name = `cellguard-backup-${localDay(now)}${passphrase ? '.encrypted' : ''}.json`;
    downloadFile(file.value, name, 'application/json');
    const held = `${plural(Object.keys(assessments).length, 'assessment')} and the settings`;
    setOutcome({
      ok: true,
      message: passphrase
        ? `The encrypted backup (${held}) has been downloaded. Without the passphrase nobody, including you, can restore it.`
        : `The backup (${held}) has been downloaded. It is not encrypted: keep it as you would the network diagrams.`,
    });
  });

  return (
    <section className="panel" aria-labelledby="backup-save-title">
      <h2 id="backup-save-title">Back up everything</h2>
      {count === 0 ? (
        <p>There is nothing to back up yet: no assessment is saved in this browser.</p>
      ) : (
        <>
          <p>
            One file with every assessment in this browser ({plural(count, 'assessment')}, every
            cycle of each), with every answer, note, owner and due date, and the settings. A SHA-256
            digest over the whole file means any later change to it is detected when it is restored.
          </p>
          <form onSubmit={(event) => void onSubmit(event)} noValidate>
            <p className="hint">
              Optional: a passphrase encrypts the backup (AES-256-GCM, key from PBKDF2 with 600,000
              iterations), as for the export of one assessment.
            </p>
            <PassphraseFields idPrefix="backup" form={form} />
            {(errors.passphrase || errors.repeat) && (
              <p className="field-error" role="alert">
                No backup was made: correct the passphrase, or leave both fields empty.
              </p>
            )}
            <button type="submit" className="button primary" disabled={isSubmitting}>
              {isSubmitting ? 'Preparing the backup…' : 'Download the backup'}
            </button>
          </form>
        </>
      )}
      <OutcomeNotice outcome={outcome} />
    </section>
  );
}
