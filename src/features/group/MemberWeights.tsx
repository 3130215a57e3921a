import { useEffect, useRef, useState, type FormEvent } from 'react';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import { UserTextList } from '../../components/UserText.tsx';
import { subjectIdentity } from '../../core/assessment/identity.ts';
import type { Group, GroupMember } from '../../core/group/model.ts';
import {
  applyWeights,
  maxWeightsFileCharacters,
  parseWeightsCsv,
  weightOf,
} from '../../core/group/weights.ts';
import type { Problem } from '../../core/result.ts';
import { plural } from '../../core/text.ts';
import { useGroups } from '../../store/index.ts';
import { MemberName } from './MemberName.tsx';
import './group.css';

/** A member as its controls name it: "Aurora Mobile AS · Mobile core and IT". */
const memberName = (member: GroupMember) =>
  member.scope ? `${member.organisation} · ${member.scope}` : member.organisation;

/**
 * A typed weight: undefined when left empty (the member counts 1), the number when it is one
 * greater than 0, or why it is not, by the weights file's rules. A decimal comma is read as a
 * point, as a spreadsheet may copy it; "1,000" is refused as a weights file refuses it.
 */
export function typedWeight(typed: string): number | undefined | { problem: string } {
  const written = typed.trim();
  if (written === '') return undefined;
  const weight = weightOf(written, 'either');
  if (typeof weight === 'number') return weight;
  return {
    problem: `${weight.charAt(0).toUpperCase()}${weight.slice(1)}.`,
  };
}

/** "Line 3: the weight is empty…": a weights file's problem, with the line it is on. */
const weightsProblemText = ({ path, message }: Problem) =>
  path ? `${path.charAt(0).toUpperCase()}${path.slice(1)}: ${message}` : message;

/** The members with their weights as typed, or every field's problem by member. */
function weighted(
  members: readonly GroupMember[],
  drafts: Readonly<Record<string, string>>,
): { members: GroupMember[] } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const next = members.map((member): GroupMember => {
    const key = subjectIdentity(member);
    const draft = drafts[key];
    if (draft === undefined) return member;
    const weight = typedWeight(draft);
    if (typeof weight === 'object') {
      problems[key] = weight.problem;
      return member;
    }
    const { organisation, scope } = member;
    return weight === undefined ? { organisation, scope } : { organisation, scope, weight };
  });
  return Object.keys(problems).length > 0 ? { problems } : { members: next };
}

/** The weights file: every member weighted from it, or nothing changed and the reasons listed. */
function WeightsFile({ group, onApplied }: { group: Group; onApplied: () => void }) {
  const [outcome, setOutcome] = useState<{
    ok: boolean;
    lead: string;
    lines: string[];
  } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const load = async (file: File | undefined) => {
    setOutcome(null);
    if (!file) return;
    const refuse = (lines: string[]) =>
      setOutcome({
        ok: false,
        lead: `The weights in “${file.name}” were not used; no weight was changed.`,
        lines,
      });
    // Roughly four bytes per character at most: a file far larger is not read at all.
    if (file.size > maxWeightsFileCharacters * 4) {
      refuse([
        `The file is ${(file.size / 1e6).toFixed(1)} MB; a weights file needs one short line per member.`,
      ]);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(['The browser could not read the file.']);
      return;
    }
    const rows = parseWeightsCsv(text);
    if (!rows.ok) {
      refuse(rows.problems.map(weightsProblemText));
      return;
    }
    const applied = applyWeights(group.members, rows.value);
    if (!applied.ok) {
      refuse(applied.problems.map(weightsProblemText));
      return;
    }
    useGroups.getState().updateGroup(group.id, { members: applied.value.members });
    onApplied();
    if (input.current) input.current.value = '';
    setOutcome({
      ok: true,
      lead: `Weights of ${plural(applied.value.members.length, 'member')} taken from “${file.name}”.`,
      lines: applied.value.warnings.map(
        (warning) => warning.charAt(0).toUpperCase() + warning.slice(1),
      ),
    });
  };
  return (
    <div className="field">
      <label htmlFor="weights-file">Weights file (CSV)</label>
      <input
        ref={input}
        id="weights-file"
        type="file"
        accept=".csv,text/csv"
        aria-describedby="weights-file-hint"
        onChange={(event) => void load(event.target.files?.[0])}
      />
      <p id="weights-file-hint" className="hint">
        A spreadsheet saved as CSV with the columns organisation, scope (optional) and weight, one
        row per member, such as subscribers in millions. Every member needs a row.
      </p>
      {outcome && (
        <div
          className={outcome.ok ? 'notice' : 'notice warning'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          <p>{outcome.lead}</p>
          {outcome.lines.length > 0 && (
            <ul>
              {outcome.lines.map((line, index) => (
                // The lines never reorder and two may read alike: the position is the identity.
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The group's members with their weights, each editable (empty: the member counts 1) and saved
 * together, or taken from a weights file; each member can be removed from the group (its
 * assessments stay on this device).
 */
export function MemberWeights({ group }: { group: Group }) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The latest member removed, which Undo puts back where it was. */
  const [removal, setRemoval] = useState<{ member: GroupMember; index: number } | null>(null);
  const unweighted = group.members.filter((member) => member.weight === undefined);
  const anyWeight = unweighted.length < group.members.length;
  // After Undo the keyboard resumes at the list's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  // A removed member's button is gone with its row: the keyboard resumes at Undo, in view.
  useEffect(() => {
    if (removal) undoButton.current?.focus();
  }, [removal]);

  const forgetDrafts = () => {
    setDrafts({});
    setProblems({});
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = weighted(group.members, drafts);
    if ('problems' in result) {
      setProblems(result.problems);
      setOutcome(null);
      const first = group.members.findIndex((member) => result.problems[subjectIdentity(member)]);
      document.getElementById(`weight-${first}`)?.focus();
      return;
    }
    useGroups.getState().updateGroup(group.id, { members: result.members });
    forgetDrafts();
    setRemoval(null);
    setOutcome({ ok: true, message: 'The weights are saved.' });
  };

  const remove = (member: GroupMember, index: number) => {
    useGroups.getState().removeMember(group.id, subjectIdentity(member));
    setOutcome(null);
    setRemoval({ member, index });
  };

  // Back where it was, weight included, unless it has become a member again meanwhile.
  const putBack = (member: GroupMember, index: number) => {
    const current = useGroups.getState().groups[group.id];
    const key = subjectIdentity(member);
    if (!current || current.members.some((m) => subjectIdentity(m) === key)) return;
    const members = [...current.members];
    members.splice(Math.min(index, members.length), 0, member);
    useGroups.getState().updateGroup(group.id, { members });
    setRemoval(null);
    heading.current?.focus();
    setOutcome({
      ok: true,
      message: (
        <>
          <bdi>{memberName(member)}</bdi> is a member again.
        </>
      ),
    });
  };

  const equalWeights = () => {
    useGroups.getState().updateGroup(group.id, {
      members: group.members.map(({ organisation, scope }) => ({ organisation, scope })),
    });
    forgetDrafts();
    setRemoval(null);
    setOutcome({ ok: true, message: 'Every member now counts equally.' });
  };

  return (
    <div className="stacked-form">
      <h3 id="weights-title" ref={heading} tabIndex={-1}>
        Members and their weights
      </h3>
      <p className="hint">
        A weight (subscribers, revenue…) sets how much a member counts in the group risk; a member
        without one counts 1. Removing a member keeps its assessments on this device.
      </p>
      {group.members.length === 0 ? (
        <p className="muted">
          No member yet: import the subsidiaries’ files or add assessments already on this device.
        </p>
      ) : (
        <form onSubmit={save} noValidate aria-labelledby="weights-title">
          <div
            className="table-scroll"
            role="region"
            aria-labelledby="weights-caption"
            tabIndex={0}
          >
            <table className="group-table">
              <caption id="weights-caption" className="visually-hidden">
                Members of the group with their weights
              </caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Weight (optional)</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((member, index) => {
                  const key = subjectIdentity(member);
                  const problem = problems[key];
                  const name = memberName(member);
                  return (
                    <tr key={key}>
                      <th scope="row">
                        <MemberName member={member} />
                      </th>
                      <td>
                        <label htmlFor={`weight-${index}`} className="visually-hidden">
                          Weight of {name}
                        </label>
                        <input
                          id={`weight-${index}`}
                          className="weight-input"
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          value={
                            drafts[key] ??
                            (member.weight === undefined ? '' : String(member.weight))
                          }
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? `weight-${index}-error` : undefined}
                          onChange={(event) => setDrafts({ ...drafts, [key]: event.target.value })}
                        />
                        {problem && (
                          <p id={`weight-${index}-error`} className="field-error">
                            {problem}
                          </p>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button danger-outline"
                          aria-label={`Remove ${name} from the group`}
                          onClick={() => remove(member, index)}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {anyWeight && unweighted.length > 0 && (
            <p className="notice warning">
              {plural(unweighted.length, 'member has', 'members have')} no weight and{' '}
              {unweighted.length === 1 ? 'counts' : 'count'} 1 beside the others&apos; weights:{' '}
              <UserTextList items={unweighted.map(memberName)} />. Give every member a weight in the
              same unit, or count every member equally.
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button primary">
              Save the weights
            </button>
            {anyWeight && (
              <button type="button" className="button" onClick={equalWeights}>
                Count every member equally
              </button>
            )}
          </div>
        </form>
      )}
      {removal && (
        <p className="notice" role="status">
          <span id="removal-message">
            <bdi>{memberName(removal.member)}</bdi> is no longer a member; its assessments stay on
            this device.
          </span>{' '}
          {/* Focus lands here as the sentence appears: the button reads it out with its name. */}
          <button
            ref={undoButton}
            type="button"
            aria-describedby="removal-message"
            className="button"
            onClick={() => putBack(removal.member, removal.index)}
          >
            Undo
          </button>
        </p>
      )}
      <OutcomeNotice outcome={outcome} />
      {group.members.length > 0 && <WeightsFile group={group} onApplied={forgetDrafts} />}
    </div>
  );
}
