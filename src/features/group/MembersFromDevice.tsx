import { useMemo, useState, type FormEvent } from 'react';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import { subjectIdentity } from '../../core/assessment/identity.ts';
import { latestCycle } from '../../core/cycles/cycles.ts';
import { membersOf } from '../../core/group/members.ts';
import type { Group, GroupMember } from '../../core/group/model.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { plural } from '../../core/text.ts';
import { useAssessments, useGroups } from '../../store/index.ts';
import './group.css';

/**
 * Members from assessments already on this device: one checkbox per organisation and scope with
 * an assessment of the group's set that is not yet a member, with its latest cycle beside it.
 */
export function MembersFromDevice({ group, set }: { group: Group; set: QuestionSet }) {
  const assessments = useAssessments((state) => state.assessments);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inGroup = useMemo(() => new Set(group.members.map(subjectIdentity)), [group.members]);
  const candidates = useMemo(() => {
    const ofSet = Object.values(assessments).filter(
      (stored) => stored.assessment.questionSet.id === set.id,
    );
    return membersOf(ofSet.map((stored) => stored.assessment))
      .filter((member) => !inGroup.has(subjectIdentity(member)))
      .map((member, index) => {
        const own = ofSet.find(
          (stored) => subjectIdentity(stored.assessment) === subjectIdentity(member),
        );
        return {
          member,
          key: subjectIdentity(member),
          id: `device-member-${index}`,
          latest: own ? latestCycle(ofSet, own.assessment)?.assessment.cycle : undefined,
        };
      })
      .sort((a, b) => a.member.organisation.localeCompare(b.member.organisation));
  }, [assessments, set.id, inGroup]);

  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const members: GroupMember[] = candidates
      .filter((candidate) => chosen.has(candidate.key))
      .map((candidate) => candidate.member);
    if (members.length === 0) {
      setOutcome({ ok: false, message: 'Tick at least one organisation and scope to add.' });
      return;
    }
    const { added } = useGroups.getState().addMembers(group.id, members);
    setChosen(new Set());
    setOutcome({ ok: true, message: `${plural(added, 'member')} added to the group.` });
  };

  return (
    <form className="stacked-form" onSubmit={submit} noValidate aria-labelledby="device-title">
      <h3 id="device-title">Add assessments already on this device</h3>
      {candidates.length === 0 ? (
        <p className="muted">
          {Object.values(assessments).some((s) => s.assessment.questionSet.id === set.id)
            ? 'Every organisation and scope with an assessment of this question set on this device is a member already.'
            : 'This device holds no assessment of this question set yet: import the subsidiaries’ files.'}
        </p>
      ) : (
        <>
          <fieldset className="member-checkboxes">
            <legend>Organisations and scopes with an assessment of this set</legend>
            {candidates.map((candidate) => (
              <div className="checkbox-field" key={candidate.key}>
                <input
                  type="checkbox"
                  id={candidate.id}
                  checked={chosen.has(candidate.key)}
                  onChange={(event) => toggle(candidate.key, event.target.checked)}
                />
                <label htmlFor={candidate.id}>
                  <bdi>{candidate.member.organisation}</bdi>
                  {candidate.member.scope && (
                    <>
                      {' · '}
                      <bdi>{candidate.member.scope}</bdi>
                    </>
                  )}
                  {candidate.latest && (
                    <span className="muted">
                      {' '}
                      (latest cycle <bdi>{candidate.latest}</bdi>)
                    </span>
                  )}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            Add the ticked to the group
          </button>
        </>
      )}
      <OutcomeNotice outcome={outcome} />
    </form>
  );
}
