import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProblemList } from '../../components/ProblemList.tsx';
import { questionSet } from '../../content/questionSet.ts';
import type { Assessment } from '../../core/assessment/model.ts';
import { fileSizeProblem } from '../../core/assessment/parseFile.ts';
import { importAssessmentFile } from '../../core/assessment/transfer.ts';
import type { Problem, Result } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';

type Stage =
  | { kind: 'choose' }
  | { kind: 'passphrase'; text: string; problem?: string }
  | { kind: 'problems'; problems: Problem[] }
  | { kind: 'ready'; assessment: Assessment; integrity: 'verified' | 'absent'; migrated: string[] };

const sameAssessment = (a: Assessment, b: Assessment) =>
  a.organisation.trim() === b.organisation.trim() &&
  a.scope.trim() === b.scope.trim() &&
  a.cycle.trim() === b.cycle.trim();

/**
 * Import of an exported file. Nothing in this browser changes until the user picks "import as new"
 * or confirms "replace"; any problem is listed in plain words.
 */
export function ImportPage() {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [passphrase, setPassphrase] = useState('');
  const [confirmReplace, setConfirmReplace] = useState(false);
  const assessments = useAssessments((state) => state.assessments);
  const { add, replace } = useAssessments.getState();

  const read = async (text: string, secret?: string) => {
    const result = await importAssessmentFile(text, questionSet, secret);
    if (result.ok) setStage({ kind: 'ready', ...result.value });
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
    // Refused by its size alone: a huge file is never read into memory, so it cannot freeze the tab.
    const tooLarge = fileSizeProblem(file.size);
    if (tooLarge) {
      setStage({ kind: 'problems', problems: [tooLarge] });
      return;
    }
    try {
      await read(await file.text());
    } catch {
      setStage({
        kind: 'problems',
        problems: [{ path: '', message: 'The file could not be read by the browser.' }],
      });
    }
  };
  const finish = (kept: Result<string>) => {
    if (kept.ok) navigate(hrefs.results(kept.value));
    else setStage({ kind: 'problems', problems: kept.problems });
  };
  const existing =
    stage.kind === 'ready'
      ? Object.values(assessments).find((s) => sameAssessment(s.assessment, stage.assessment))
      : undefined;

  return (
    <section className="narrow" aria-labelledby="import-title">
      <h1 id="import-title">Import an assessment file</h1>
      <p className="lead">
        Open a file exported from Cellguard in this or another browser. It is checked completely
        before anything is kept.
      </p>
      <div className="stacked-form">
        <div className="field">
          <label htmlFor="import-file">Assessment file</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              setPassphrase('');
              void onFile(event.target.files?.[0]);
            }}
          />
        </div>
        {stage.kind === 'passphrase' && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void read(stage.text, passphrase);
            }}
          >
            <div className="field">
              <label htmlFor="import-passphrase">Passphrase of the encrypted file</label>
              <input
                id="import-passphrase"
                type="password"
                autoComplete="off"
                value={passphrase}
                aria-invalid={stage.problem ? true : undefined}
                aria-describedby={stage.problem ? 'import-passphrase-error' : undefined}
                onChange={(event) => setPassphrase(event.target.value)}
              />
              {stage.problem && (
                <p id="import-passphrase-error" className="field-error" role="alert">
                  {stage.problem}
                </p>
              )}
            </div>
            <button type="submit" className="button primary">
              Open the file
            </button>
          </form>
        )}
      </div>
      {stage.kind === 'problems' && (
        <ProblemList
          problems={stage.problems}
          lead="This file cannot be imported. Nothing was changed in this browser."
        />
      )}
      {stage.kind === 'ready' && (
        <div className="panel" role="status">
          <h2>
            {stage.assessment.organisation}
            {stage.assessment.scope ? ` · ${stage.assessment.scope}` : ''} ·{' '}
            {stage.assessment.cycle}
          </h2>
          <p>
            {Object.keys(stage.assessment.answers).length} answers, last changed{' '}
            {stage.assessment.updatedAt.slice(0, 10)}.{' '}
            {stage.integrity === 'verified'
              ? 'The file matches its SHA-256 digest: it is exactly as exported.'
              : 'The file has no digest, so Cellguard cannot tell whether it was edited after export.'}
          </p>
          {stage.migrated.length > 0 && (
            <>
              <p>
                It was answered under an earlier version of the questions; these changes were made:
              </p>
              <ul>
                {stage.migrated.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            </>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              onClick={() => finish(add(stage.assessment, { view: 'results' }))}
            >
              Import as a new assessment
            </button>
            {existing && (
              <button
                type="button"
                className="button danger-outline"
                onClick={() => setConfirmReplace(true)}
              >
                Replace the one already in this browser
              </button>
            )}
          </div>
          {existing && confirmReplace && (
            <ConfirmDialog
              title="Replace the assessment in this browser?"
              body={`The answers of ${existing.assessment.organisation}, ${existing.assessment.cycle} kept in this browser (last changed ${existing.assessment.updatedAt.slice(0, 10)}) will be replaced by the file's. Export them first if you may need them.`}
              confirmLabel="Replace"
              onCancel={() => setConfirmReplace(false)}
              onConfirm={() => finish(replace(existing.id, stage.assessment))}
            />
          )}
        </div>
      )}
    </section>
  );
}
