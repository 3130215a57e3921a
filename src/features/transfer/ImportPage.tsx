import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PassphrasePrompt } from '../../components/PassphrasePrompt.tsx';
import { ProblemList } from '../../components/ProblemList.tsx';
import { useProtectedFile } from '../../components/useProtectedFile.ts';
import { questionSets } from '../../content/questionSets.ts';
import { sameAssessment } from '../../core/assessment/details.ts';
import { fileSizeProblem } from '../../core/assessment/parseFile.ts';
import { importAssessmentFile } from '../../core/assessment/transfer.ts';
import { formatDateTime } from '../../core/format.ts';
import type { Result } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';
import './ImportPage.css';

const openAssessmentFile = (text: string, passphrase?: string) =>
  importAssessmentFile(text, questionSets, passphrase);

/**
 * Import of an exported file. Nothing in this browser changes until the user picks "import" or,
 * when this browser already has the assessment (one per organisation, scope, set and cycle),
 * confirms "replace"; any problem is listed in plain words. Cancel drops the picked file.
 */
export function ImportPage() {
  const file = useProtectedFile({ open: openAssessmentFile, sizeProblem: fileSizeProblem });
  const { stage } = file;
  const [confirmReplace, setConfirmReplace] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const assessments = useAssessments((state) => state.assessments);
  const { add, replace } = useAssessments.getState();

  const finish = (kept: Result<string>) => {
    if (kept.ok) navigate(hrefs.results(kept.value));
    else file.showProblems(kept.problems);
  };
  // Back to the start of the page, as before the pick: the Cancel button is gone, so is its focus.
  const cancel = () => {
    file.discard();
    const input = fileInput.current;
    if (!input) return;
    input.value = '';
    input.focus();
  };
  const opened = stage.kind === 'opened' ? stage.value : undefined;
  const existing = opened && sameAssessment(Object.values(assessments), opened.assessment);

  return (
    <section className="narrow" aria-labelledby="import-title">
      <p>
        <a href={hrefs.home()}>Back to all assessments</a>
      </p>
      <h1 id="import-title">Import an assessment file</h1>
      <p className="lead">
        Open a file exported from Cellguard in this or another browser. It is checked completely
        before anything is kept.
      </p>
      <div className="stacked-form import-file-card">
        <div className="field">
          <label htmlFor="import-file">Assessment file</label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={(event) => void file.onFile(event.target.files?.[0])}
          />
        </div>
        <PassphrasePrompt
          file={file}
          id="import-passphrase"
          label="Passphrase of the encrypted file"
          submitLabel="Open the file"
          onCancel={cancel}
        />
      </div>
      {stage.kind === 'problems' && (
        <ProblemList
          problems={stage.problems}
          lead="This file cannot be imported. Nothing was changed in this browser."
        />
      )}
      {opened && (
        <div className="panel" role="status">
          <h2>
            {opened.assessment.organisation}
            {opened.assessment.scope ? ` · ${opened.assessment.scope}` : ''} ·{' '}
            {opened.assessment.cycle}
          </h2>
          <p>
            {Object.keys(opened.assessment.answers).length} answers, last changed{' '}
            {formatDateTime(opened.assessment.updatedAt)}.{' '}
            {opened.integrity === 'verified'
              ? 'The file matches its SHA-256 digest: nothing in it was damaged, or edited without the digest being recomputed.'
              : 'The file has no digest, so Cellguard cannot tell whether it was edited after export.'}
          </p>
          {opened.migrated.length > 0 && (
            <>
              <p>
                It was answered under an earlier version of the questions; these changes were made:
              </p>
              <ul>
                {opened.migrated.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            </>
          )}
          {existing && (
            <p className="notice warning">
              This browser already has this assessment, last changed{' '}
              {formatDateTime(existing.assessment.updatedAt)}: one assessment is kept per
              organisation, scope, question set and cycle. Replace it with the file&apos;s, or, to
              keep both, first <a href={hrefs.details(existing.id)}>correct the cycle or scope</a>{' '}
              of the one here.
            </p>
          )}
          <div className="button-row">
            {existing ? (
              <button
                type="button"
                className="button danger-outline"
                onClick={() => setConfirmReplace(true)}
              >
                Replace the one already in this browser
              </button>
            ) : (
              <button
                type="button"
                className="button primary"
                onClick={() => finish(add(opened.assessment, { view: 'results' }))}
              >
                Import the assessment
              </button>
            )}
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </div>
          {existing && confirmReplace && (
            <ConfirmDialog
              title="Replace the assessment in this browser?"
              body={`The answers of ${existing.assessment.organisation}, ${existing.assessment.cycle} kept in this browser (last changed ${formatDateTime(existing.assessment.updatedAt)}) will be replaced by the file's. Export them first if you may need them.`}
              confirmLabel="Replace"
              onCancel={() => setConfirmReplace(false)}
              onConfirm={() => finish(replace(existing.id, opened.assessment))}
            />
          )}
        </div>
      )}
    </section>
  );
}
