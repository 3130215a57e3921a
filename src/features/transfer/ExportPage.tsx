import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import { PassphraseFields, type PassphraseValues } from '../../components/PassphraseFields.tsx';
import { downloadFile, fileSafe } from '../../components/download.ts';
import { exportAssessmentFile } from '../../core/assessment/transfer.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';

/** Export of one assessment as a portable file, optionally encrypted with a passphrase. */
export function ExportPage({ id }: { id: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<PassphraseValues>({ defaultValues: { passphrase: '', repeat: '' } });
  const {
    handleSubmit,
    formState: { isSubmitting },
  } = form;
  if (!stored) return <p>There is no such assessment in this browser.</p>;
  const { assessment } = stored;

  const onSubmit = handleSubmit(async ({ passphrase }) => {
    const file = await exportAssessmentFile(assessment, new Date(), passphrase || undefined);
    if (!file.ok) {
      setOutcome({ ok: false, message: file.problems.map((p) => p.message).join(' ') });
      return;
    }
    const base = `cellguard-${fileSafe(assessment.organisation, 'assessment')}-${fileSafe(assessment.cycle, 'cycle')}`;
    downloadFile(file.value, `${base}${passphrase ? '.encrypted' : ''}.json`, 'application/json');
    setOutcome({
      ok: true,
      message: passphrase
        ? 'The encrypted file has been downloaded. Without the passphrase nobody, including you, can open it.'
        : 'The file has been downloaded. It is not encrypted: store and send it as you would the network diagrams.',
    });
  });

  return (
    <section className="narrow" aria-labelledby="export-title">
      <h1 id="export-title">Export the assessment file</h1>
      <p className="lead">
        {assessment.organisation}
        {assessment.scope ? ` · ${assessment.scope}` : ''} · {assessment.cycle}. The file holds
        every answer, note, owner and due date, with a SHA-256 digest so that any later change to it
        is detected on import. Use it to continue in another browser or to keep a copy.
      </p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="stacked-form">
        <p className="hint">
          Optional: a passphrase encrypts the file (AES-256-GCM, key from PBKDF2 with 600,000
          iterations).
        </p>
        <PassphraseFields idPrefix="export" form={form} />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? 'Preparing…' : 'Download the file'}
          </button>
          <a className="button" href={hrefs.results(id)}>
            Back to the results
          </a>
        </div>
      </form>
      <OutcomeNotice outcome={outcome} />
    </section>
  );
}
