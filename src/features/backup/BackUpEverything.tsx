import { useEffect } from 'react';
import { OutcomeNotice } from '../../components/OutcomeNotice.tsx';
import { PassphraseFields } from '../../components/PassphraseFields.tsx';
import { useProtectedDownload } from '../../components/useProtectedDownload.ts';
import { exportBackupFile } from '../../core/backup/serialize.ts';
import { plural } from '../../core/text.ts';
import { useAssessments, useGroups, useQuestionnaires } from '../../store/index.ts';

/** "2026-11-26": the user's own calendar day, as the file name shows it. */
const localDay = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');

/** "2 assessments, 1 questionnaire, 3 groups and the settings": what a backup of these holds. */
const holding = (assessments: number, questionnaires: number, groups: number) =>
  `${[
    plural(assessments, 'assessment'),
    ...(questionnaires > 0 ? [plural(questionnaires, 'questionnaire')] : []),
    ...(groups > 0 ? [plural(groups, 'group')] : []),
  ].join(', ')} and the settings`;

/**
 * Downloads every assessment, every questionnaire to answer, every group and the settings as one
 * backup file, optionally encrypted.
 */
export function BackUpEverything() {
  const count = useAssessments((state) => Object.keys(state.assessments).length);
  const questionnaireCount = useQuestionnaires((state) => Object.keys(state.questionnaires).length);
  const groupCount = useGroups((state) => Object.keys(state.groups).length);
  // The groups are read only when a page asks: this one counts them.
  useEffect(() => void useGroups.getState().load(), []);
  const { form, outcome, onSubmit } = useProtectedDownload({
    make: async (passphrase) => {
      // Every questionnaire and group this browser keeps, not only those read so far.
      await Promise.all([useQuestionnaires.ready, useGroups.getState().load()]);
      const { assessments, settings } = useAssessments.getState();
      const { questionnaires } = useQuestionnaires.getState();
      const { groups } = useGroups.getState();
      return exportBackupFile(
        { assessments, questionnaires, groups, settings },
        new Date(),
        passphrase,
      );
    },
    fileName: (encrypted) =>
      `cellguard-backup-${localDay(new Date())}${encrypted ? '.encrypted' : ''}.json`,
    done: (encrypted) => {
      const held = holding(
        Object.keys(useAssessments.getState().assessments).length,
        Object.keys(useQuestionnaires.getState().questionnaires).length,
        Object.keys(useGroups.getState().groups).length,
      );
      return encrypted
        ? `The encrypted backup (${held}) has been downloaded. Without the passphrase nobody, including you, can restore it.`
        : `The backup (${held}) has been downloaded. It is not encrypted: keep it as you would the network diagrams.`;
    },
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <section className="panel" aria-labelledby="backup-save-title">
      <h2 id="backup-save-title">Back up everything</h2>
      {count === 0 && questionnaireCount === 0 && groupCount === 0 ? (
        <p>
          There is nothing to back up yet: no assessment or questionnaire is saved in this browser.
        </p>
      ) : (
        <>
          <p>
            One file with every assessment in this browser ({plural(count, 'assessment')}, every
            cycle of each), with every answer, note, owner and due date,
            {questionnaireCount > 0 && (
              <>
                {' '}
                every questionnaire you were sent to answer (
                {plural(questionnaireCount, 'questionnaire')}), with your answers so far,
              </>
            )}
            {groupCount > 0 && (
              <> every group of operating companies ({plural(groupCount, 'group')}),</>
            )}{' '}
            and the settings. A SHA-256 digest over the whole file shows, at restore, any damage or
            careless edit. It is not a signature: against deliberate change, give the backup a
            passphrase, whose encryption also authenticates it.
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
