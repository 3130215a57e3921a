import { OutcomeNotice } from '../../components/OutcomeNotice.tsx';
import { PassphraseFields } from '../../components/PassphraseFields.tsx';
import { AssessmentName } from '../../components/UserText.tsx';
import { assessmentFileName } from '../../components/download.ts';
import { useProtectedDownload } from '../../components/useProtectedDownload.ts';
import { exportAssessmentFile } from '../../core/assessment/transfer.ts';
import { fail } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';

/** Export of one assessment as a portable file, optionally encrypted with a passphrase. */
export function ExportPage({ id }: { id: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  const { form, outcome, onSubmit } = useProtectedDownload({
    make: (passphrase) =>
      stored
        ? exportAssessmentFile(stored.assessment, new Date(), passphrase)
        : Promise.resolve(fail({ path: '', message: 'There is no such assessment here.' })),
    fileName: (encrypted) =>
      assessmentFileName(
        stored?.assessment ?? { questionSet: { id: '' }, organisation: '', cycle: '' },
        `${encrypted ? '.encrypted' : ''}.json`,
      ),
    done: (encrypted) =>
      encrypted
        ? 'The encrypted file has been downloaded. Without the passphrase nobody, including you, can open it.'
        : 'The file has been downloaded. It is not encrypted: store and send it as you would the network diagrams.',
  });
  const { isSubmitting } = form.formState;
  if (!stored) return <p>There is no such assessment in this browser.</p>;
  const { assessment } = stored;

  return (
    <section className="narrow" aria-labelledby="export-title">
      <h1 id="export-title">Export the assessment file</h1>
      <p className="lead">
        <AssessmentName assessment={assessment} />. The file holds every answer, note, owner and due
        date, with a SHA-256 digest that shows, on import, any damage or careless edit (not a
        signature: against deliberate change, give the file a passphrase, whose encryption also
        authenticates it). Use it to continue in another browser or to keep a copy.
      </p>
      <form onSubmit={onSubmit} noValidate className="stacked-form">
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
