import { useRef } from 'react';
import { OutcomeNotice } from '../../components/OutcomeNotice.tsx';
import { PassphraseFields } from '../../components/PassphraseFields.tsx';
import { fileSafe } from '../../components/download.ts';
import { useProtectedDownload } from '../../components/useProtectedDownload.ts';
import { sealText } from '../../core/crypto/passphrase.ts';
import { serializeQuestionnaire, type Questionnaire } from '../../core/delegation/questionnaire.ts';
import type { Assignee } from '../../core/delegation/schema.ts';
import { succeed } from '../../core/result.ts';
import { useAssessments } from '../../store/index.ts';

/** "cellguard-questionnaire-example-mobile-2026-Q4-ana-ruiz-r2.json" */
export function questionnaireFileName(
  questionnaire: {
    assessment: { organisation: string; cycle: string };
    to: { name: string };
    round: number;
  },
  encrypted: boolean,
): string {
  const { assessment, to, round } = questionnaire;
  return `${[
    'cellguard-questionnaire',
    fileSafe(assessment.organisation, 'assessment'),
    fileSafe(assessment.cycle, 'cycle'),
    fileSafe(to.name, 'person'),
    `r${round}`,
  ].join('-')}${encrypted ? '.encrypted' : ''}.json`;
}

/**
 * "Create questionnaire file" for one person: their next round, optionally encrypted, recorded as
 * sent once the file is written. `onWritten` hears the file's name, for the email that goes with it.
 */
export function QuestionnaireDownload({
  id,
  assignee,
  onWritten,
}: {
  id: string;
  assignee: Assignee;
  onWritten: (fileName: string) => void;
}) {
  const madeName = useRef('');
  const { form, outcome, onSubmit } = useProtectedDownload({
    make: async (passphrase) => {
      const store = useAssessments.getState();
      const prepared = store.prepareQuestionnaire(id, assignee.id);
      if (!prepared.ok) return prepared;
      const { questionnaire, round } = prepared.value;
      const text = serializeQuestionnaire(questionnaire, new Date());
      const file = passphrase ? await sealText(text, passphrase) : succeed(text);
      if (!file.ok) return file;
      store.recordSent(id, assignee.id, round);
      madeName.current = questionnaireFileName(
        questionnaire satisfies Omit<Questionnaire, 'integrity'>,
        passphrase !== undefined,
      );
      onWritten(madeName.current);
      return file;
    },
    // Named in make, which knows the round; the download follows it at once.
    fileName: () => madeName.current,
    done: (encrypted) =>
      encrypted ? (
        <>
          The encrypted questionnaire for <bdi>{assignee.name}</bdi> has been downloaded. Give them
          the passphrase another way than the file.
        </>
      ) : (
        <>
          The questionnaire for <bdi>{assignee.name}</bdi> has been downloaded. It is not encrypted:
          it holds the current answers to their questions.
        </>
      ),
  });
  const idPrefix = `questionnaire-${assignee.id}`;
  return (
    <div className="questionnaire-download">
      <form onSubmit={onSubmit} noValidate className="stacked-form compact">
        <details>
          <summary>Encrypt the questionnaire (optional)</summary>
          <PassphraseFields idPrefix={idPrefix} form={form} />
        </details>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
            {/* One span: in the flex .button, a bare <bdi> and the text beside it would each be
                a flex item, and the spaces between them would go. */}
            <span>
              Create questionnaire file for <bdi>{assignee.name}</bdi>
            </span>
          </button>
        </div>
      </form>
      <OutcomeNotice outcome={outcome} />
    </div>
  );
}
