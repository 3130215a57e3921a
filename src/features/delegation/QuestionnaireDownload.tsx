import { useRef, useState } from 'react';
import { OutcomeNotice } from '../../components/OutcomeNotice.tsx';
import { PassphraseFields } from '../../components/PassphraseFields.tsx';
import { fileSafe } from '../../components/download.ts';
import { useProtectedDownload } from '../../components/useProtectedDownload.ts';
import { sealText } from '../../core/crypto/passphrase.ts';
import {
  questionnaireEmail,
  serializeQuestionnaire,
  type Questionnaire,
} from '../../core/delegation/questionnaire.ts';
import type { Assignee } from '../../core/delegation/schema.ts';
import { succeed } from '../../core/result.ts';
import { useAssessments } from '../../store/index.ts';

/** "cellguard-questionnaire-example-mobile-2026-Q4-ana-ruiz-r2.json" */
export function questionnaireFileName(
  questionnaire: Pick<Questionnaire, 'assessment' | 'to' | 'round'>,
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

interface Sent {
  questionnaire: Omit<Questionnaire, 'integrity'>;
  fileName: string;
}

/**
 * "Create questionnaire file" for one person: their next round, optionally encrypted, recorded as
 * sent once the file is written; then the text of an email for the user's own mail program.
 */
export function QuestionnaireDownload({ id, assignee }: { id: string; assignee: Assignee }) {
  const [sent, setSent] = useState<Sent | null>(null);
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
      madeName.current = questionnaireFileName(questionnaire, passphrase !== undefined);
      setSent({ questionnaire, fileName: madeName.current });
      return file;
    },
    // Named in make, which knows the round; the download follows it at once.
    fileName: () => madeName.current,
    done: (encrypted) =>
      encrypted
        ? `The encrypted questionnaire for ${assignee.name} has been downloaded. Give them the passphrase another way than the file.`
        : `The questionnaire for ${assignee.name} has been downloaded. It is not encrypted: it holds the current answers to their questions.`,
  });
  const email = sent ? questionnaireEmail(sent.questionnaire, sent.fileName) : undefined;
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
            Create questionnaire file for {assignee.name}
          </button>
        </div>
      </form>
      <OutcomeNotice outcome={outcome} />
      {email && (
        <p className="small">
          {assignee.email ? (
            <a
              href={`mailto:${encodeURIComponent(assignee.email)}?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body)}`}
            >
              Write the email in your mail program
            </a>
          ) : (
            'Send the file to them with a short note; it says how to answer.'
          )}{' '}
          (attach <bdi>{sent?.fileName}</bdi> yourself; Cellguard sends nothing).
        </p>
      )}
    </div>
  );
}
