import { OutcomeNotice } from '../../components/OutcomeNotice.tsx';
import { PassphraseFields } from '../../components/PassphraseFields.tsx';
import { useProtectedDownload } from '../../components/useProtectedDownload.ts';
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
  const { form, outcome, onSubmit } = useProtectedDownload({
    make: (passphrase) => {
      const { assessments, settings } = useAssessments.getState();
      return exportBackupFile({ assessments, settings }, new Date(), passphrase);
    },
    fileName: (encrypted) =>
      `cellguard-backup-${localDay(new Date())}${encrypted ? '.encrypted' : ''}.json`,
    done: (encrypted) => {
      const held = `${plural(Object.keys(useAssessments.getState().assessments).length, 'assessment')} and the settings`;
      return encrypted
        ? `The encrypted backup (${held}) has been downloaded. Without the passphrase nobody, including you, can restore it.`
        : `The backup (${held}) has been downloaded. It is not encrypted: keep it as you would the network diagrams.`;
    },
  });
  const { errors, isSubmitting } = form.formState;

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
            digest over the whole file shows, at restore, any damage or careless edit. It is not a
            signature: against deliberate change, give the backup a passphrase, whose encryption
            also authenticates it.
          </p>
          <form onSubmit={onSubmit} noValidate>
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
