import { useMemo, useRef, useState, type FormEvent } from 'react';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import { subjectIdentity } from '../../core/assessment/identity.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { formatDateTime, formatRisk } from '../../core/format.ts';
import type { Assessment } from '../../core/assessment/model.ts';
import { membersOf } from '../../core/group/members.ts';
import type { Group } from '../../core/group/model.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { describeProblem } from '../../core/result.ts';
import { plural } from '../../core/text.ts';
import { useAssessments, useGroups } from '../../store/index.ts';
import {
  openSubsidiaryFile,
  openSubsidiaryText,
  previewOf,
  type PickedFile,
  type PreviewOutcome,
  type PreviewRow,
  type Standing,
} from './subsidiaryFiles.ts';
import './group.css';

const standingText = ({ risk, band }: Standing) => `${formatRisk(risk)} (${bandLabel[band]})`;

/** What a kept file does to the group: its organisation and scope join it, unless already in it. */
const membershipText = (member: boolean) =>
  member
    ? ' Its organisation and scope are already a member.'
    : ' It becomes a member of the group.';

/** What confirming would do with one file, in a sentence. */
function OutcomeText({ outcome, member }: { outcome: PreviewOutcome; member: boolean }) {
  switch (outcome.kind) {
    case 'add':
      return (
        <>
          <span className="preview-outcome add">Added</span>: new on this device, risk{' '}
          {standingText(outcome.after)}.{membershipText(member)}
        </>
      );
    case 'replace':
      return (
        <>
          <span className="preview-outcome replace">Replaces</span> the copy on this device (last
          changed {formatDateTime(outcome.existingUpdatedAt)}): risk {standingText(outcome.before)}{' '}
          → {standingText(outcome.after)}.{membershipText(member)}
        </>
      );
    case 'unchanged':
      return (
        <>
          <span className="preview-outcome unchanged">Already on this device</span>, unchanged:
          nothing to save.{membershipText(member)}
        </>
      );
    case 'other-set':
      return (
        <>
          <span className="preview-outcome other-set">Another question set</span> (
          {outcome.setTitle}): not imported here, as the group compares its members on one set.
          Import it with “Import a file” on the home page.
        </>
      );
    case 'refused':
      return (
        <>
          <span className="preview-outcome refused">Refused</span>: {outcome.reasons.join(' ')}
        </>
      );
    case 'locked':
      return (
        <>
          <span className="preview-outcome locked">Encrypted</span>:{' '}
          {outcome.problem ?? 'give its passphrase above to open it; otherwise it is left out.'}
        </>
      );
  }
}

/** Values typed by someone else (organisation, scope, cycle) in a cell of their own, or a dash. */
const typedCell = (assessment: Assessment | undefined, value: (a: Assessment) => string) =>
  assessment ? <bdi>{value(assessment) || '—'}</bdi> : <span className="muted">—</span>;

/**
 * One row per picked file, what happens to it first: on a phone the table scrolls sideways, and
 * the outcome is what must be in sight. Its title stays outside the scrolling box, whole.
 */
function PreviewTable({ rows, group }: { rows: readonly PreviewRow[]; group: Group }) {
  const members = new Set(group.members.map(subjectIdentity));
  return (
    <>
      <p id="preview-caption" className="preview-caption">
        What importing the picked files would do
      </p>
      <p className="muted small">
        A band can sit above the range its number falls in: a critical control not in place, or
        nothing in place that would raise an alert, raises it, as each member&apos;s results
        explain. Where the table is wider than the screen, it scrolls sideways.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="preview-caption" tabIndex={0}>
        <table className="group-table" aria-labelledby="preview-caption">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">What happens</th>
              <th scope="col">Organisation</th>
              <th scope="col">Scope</th>
              <th scope="col">Cycle</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // Two picked files may share a name (from two folders): the position is the identity.
              <tr key={index} data-outcome={row.outcome.kind}>
                <th scope="row">
                  <bdi>{row.name}</bdi>
                </th>
                <td>
                  <OutcomeText
                    outcome={row.outcome}
                    member={row.assessment ? members.has(subjectIdentity(row.assessment)) : false}
                  />
                </td>
                <td>{typedCell(row.assessment, (a) => a.organisation)}</td>
                <td>{typedCell(row.assessment, (a) => a.scope)}</td>
                <td className="member-cycle">{typedCell(row.assessment, (a) => a.cycle)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** "24 files: 20 to add, 2 to replace, 1 refused, 1 encrypted". */
function countsLine(rows: readonly PreviewRow[]): string {
  const count = (kind: PreviewOutcome['kind']) =>
    rows.filter((row) => row.outcome.kind === kind).length;
  const parts = [
    [count('add'), 'to add'],
    [count('replace'), 'to replace an assessment on this device'],
    [count('unchanged'), 'already on this device'],
    [count('other-set'), 'of another question set'],
    [count('refused'), 'refused'],
    [count('locked'), 'encrypted and not yet opened'],
  ] as const;
  return `${plural(rows.length, 'file')} picked: ${parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ')}.`;
}

/**
 * "Import subsidiaries' files": several files at once, each opened and checked as the import page
 * does, then a preview of what each would do (added, replacing the copy here with its risk before
 * and after, refused with the reason, of another set). Nothing is kept until "Import N files";
 * then the assessments are added or replaced through the store, as the import page does, and
 * their organisations and scopes become members of the group.
 */
export function ImportSubsidiaries({ group, set }: { group: Group; set: QuestionSet }) {
  const assessments = useAssessments((state) => state.assessments);
  const [files, setFiles] = useState<PickedFile[] | null>(null);
  const [opening, setOpening] = useState<{ done: number; total: number } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseProblem, setPassphraseProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Only the latest pick may show its files, however long an earlier one takes to open.
  const latestPick = useRef(0);

  const rows = useMemo(
    () => (files ? previewOf(files, set, Object.values(assessments)) : null),
    [files, set, assessments],
  );
  const locked = files?.filter((file) => file.opened.kind === 'locked') ?? [];
  const toSave = rows?.filter(
    (row) => row.outcome.kind === 'add' || row.outcome.kind === 'replace',
  );
  const unchanged = rows?.filter((row) => row.outcome.kind === 'unchanged') ?? [];

  const reset = () => {
    latestPick.current += 1;
    setFiles(null);
    setOpening(null);
    setPassphrase('');
    setPassphraseProblem(null);
  };
  // The preview and its buttons are gone: the keyboard resumes at the file field, emptied, as
  // before a pick.
  const backToStart = () => {
    reset();
    if (input.current) input.current.value = '';
    input.current?.focus();
  };

  const pick = async (picked: FileList | null) => {
    const list = [...(picked ?? [])];
    // The field keeps naming the picked files while their preview is shown.
    reset();
    setOutcome(null);
    if (list.length === 0) return;
    const pickNumber = latestPick.current;
    const opened: PickedFile[] = [];
    setOpening({ done: 0, total: list.length });
    // One after another: each file is decrypted or checked in turn, and the count moves.
    for (const file of list) {
      opened.push(await openSubsidiaryFile(file));
      if (pickNumber !== latestPick.current) return;
      setOpening({ done: opened.length, total: list.length });
    }
    setOpening(null);
    setFiles(opened);
  };

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (!files) return;
    if (passphrase === '') {
      setPassphraseProblem('Enter the passphrase the files were encrypted with.');
      return;
    }
    const pickNumber = latestPick.current;
    const next = [...files];
    const waiting = next.flatMap((file, index) => (file.opened.kind === 'locked' ? [index] : []));
    setOpening({ done: 0, total: waiting.length });
    for (const [done, index] of waiting.entries()) {
      const file = next[index];
      if (!file) continue;
      next[index] = { ...file, opened: await openSubsidiaryText(file.text, passphrase) };
      if (pickNumber !== latestPick.current) return;
      setOpening({ done: done + 1, total: waiting.length });
    }
    setOpening(null);
    const stillLocked = next.filter((file) => file.opened.kind === 'locked').length;
    setPassphraseProblem(
      stillLocked === 0
        ? null
        : `The passphrase did not open ${plural(stillLocked, 'file')}: give ${stillLocked === 1 ? 'its' : 'theirs'}, or import without ${stillLocked === 1 ? 'it' : 'them'}.`,
    );
    setPassphrase('');
    setFiles(next);
  };

  const confirm = () => {
    if (!rows) return;
    const { add, replace } = useAssessments.getState();
    const kept: Assessment[] = [];
    const failures: string[] = [];
    let added = 0;
    let replaced = 0;
    for (const row of rows) {
      const { assessment, outcome: planned } = row;
      if (!assessment) continue;
      if (planned.kind === 'unchanged') kept.push(assessment);
      if (planned.kind !== 'add' && planned.kind !== 'replace') continue;
      const saved =
        planned.kind === 'add'
          ? add(assessment, { view: 'results' })
          : replace(planned.existingId, assessment);
      if (saved.ok) {
        kept.push(assessment);
        if (planned.kind === 'add') added += 1;
        else replaced += 1;
      } else
        failures.push(`${row.name}: ${saved.problems.slice(0, 2).map(describeProblem).join(' ')}`);
    }
    const members = useGroups.getState().addMembers(group.id, membersOf(kept));
    backToStart();
    setOutcome({
      ok: failures.length === 0,
      message: (
        <>
          {added + replaced > 0
            ? `Imported ${plural(added + replaced, 'file')}: ${added} added, ${replaced} replaced. `
            : ''}
          {members.added > 0
            ? `${plural(members.added, 'member')} added to the group`
            : 'No new member'}
          {members.already > 0 ? ` (${members.already} already in it).` : '.'}
          {failures.length > 0 && (
            <>
              {' '}
              {plural(failures.length, 'file was', 'files were')} not kept: {failures.join(' ')}
            </>
          )}
        </>
      ),
    });
  };

  const canImport = (toSave?.length ?? 0) + unchanged.length > 0;
  const importLabel =
    toSave && toSave.length > 0
      ? `Import ${plural(toSave.length, 'file')}`
      : canImport
        ? 'Add their members to the group'
        : 'Nothing to import';

  return (
    <div className="stacked-form" aria-labelledby="import-subsidiaries-title" role="group">
      <h3 id="import-subsidiaries-title">Import subsidiaries&apos; files</h3>
      <div className="field">
        <label htmlFor="subsidiary-files">Subsidiaries&apos; assessment files</label>
        <input
          ref={input}
          id="subsidiary-files"
          type="file"
          multiple
          accept=".json,application/json"
          aria-describedby="subsidiary-files-hint"
          onChange={(event) => void pick(event.target.files)}
        />
        <p id="subsidiary-files-hint" className="hint">
          Pick every file at once. Each is checked completely, as “Import a file” checks it, and you
          see what it would change before anything is kept.
        </p>
      </div>
      <div role="status" aria-live="polite">
        {opening && (
          <p className="muted small">
            Opening and checking the files: {opening.done} of {opening.total}…
          </p>
        )}
        {rows && !opening && (
          <p>
            {countsLine(rows)}
            {canImport ? ' Nothing is kept until you confirm.' : ''}
          </p>
        )}
      </div>
      {locked.length > 0 && !opening && (
        <form onSubmit={(event) => void unlock(event)} noValidate>
          <div className="field">
            <label htmlFor="subsidiary-passphrase">Passphrase of the encrypted files</label>
            <input
              id="subsidiary-passphrase"
              type="password"
              autoComplete="off"
              value={passphrase}
              aria-invalid={passphraseProblem ? true : undefined}
              aria-describedby={`subsidiary-passphrase-hint${passphraseProblem ? ' subsidiary-passphrase-error' : ''}`}
              onChange={(event) => setPassphrase(event.target.value)}
            />
            <p id="subsidiary-passphrase-hint" className="hint">
              {plural(locked.length, 'picked file is', 'picked files are')} encrypted. The
              passphrase is tried on each of them; files with another passphrase wait for theirs.
            </p>
            {passphraseProblem && (
              <p id="subsidiary-passphrase-error" className="field-error" role="alert">
                {passphraseProblem}
              </p>
            )}
          </div>
          <button type="submit" className="button">
            Open the encrypted files
          </button>
        </form>
      )}
      {rows && !opening && (
        <div className="import-preview">
          <PreviewTable rows={rows} group={group} />
          {!canImport && (
            <p id="nothing-to-import" className="field-error">
              None of these files can be kept here: each is refused, of another question set, or
              still encrypted. Pick other files
              {locked.length > 0 ? ', or give the passphrase of the encrypted ones above.' : '.'}
            </p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={!canImport}
              aria-describedby={canImport ? undefined : 'nothing-to-import'}
              onClick={confirm}
            >
              {importLabel}
            </button>
            <button type="button" className="button" onClick={backToStart}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <OutcomeNotice outcome={outcome} />
    </div>
  );
}
