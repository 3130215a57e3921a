import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import type { Group } from '../../core/group/model.ts';
import { plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useGroups } from '../../store/index.ts';
import {
  focusFirstRefused,
  groupFieldErrors,
  GroupNameField,
  StaleDaysField,
  type GroupFieldErrors,
} from './GroupFields.tsx';
import './group.css';

/** The group's name and when a member counts as stale; and deleting the group. */
export function GroupSettings({ group }: { group: Group }) {
  const [name, setName] = useState(group.name);
  const [staleDays, setStaleDays] = useState(String(group.staleAfterDays));
  const [errors, setErrors] = useState<GroupFieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const found = groupFieldErrors(name, staleDays);
    setErrors(found);
    setOutcome(null);
    if (focusFirstRefused(found, 'group')) return;
    useGroups.getState().updateGroup(group.id, { name, staleAfterDays: Number(staleDays) });
    setOutcome({ ok: true, message: 'The settings are saved.' });
  };

  return (
    <form className="stacked-form" onSubmit={save} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">Settings of the group</h2>
      <GroupNameField idPrefix="group" value={name} onChange={setName} error={errors.name} />
      <StaleDaysField
        idPrefix="group"
        value={staleDays}
        onChange={setStaleDays}
        error={errors.staleDays}
        hint="A member whose latest cycle was last changed longer ago than this is flagged as stale; it still counts in the group risk."
      />
      <div className="button-row">
        <button type="submit" className="button primary">
          Save the settings
        </button>
        <button
          type="button"
          className="button danger-outline"
          onClick={() => setConfirmDelete(true)}
        >
          Delete the group
        </button>
      </div>
      <OutcomeNotice outcome={outcome} />
      {confirmDelete && (
        <ConfirmDialog
          title={
            <>
              Delete the group <bdi>{group.name}</bdi>?
            </>
          }
          body={`The group and its ${plural(group.members.length, 'member')} and weights are removed from this browser. The members' assessments stay on this device.`}
          confirmLabel="Delete the group"
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            useGroups.getState().removeGroup(group.id);
            setConfirmDelete(false);
            navigate(hrefs.groups());
          }}
        />
      )}
    </form>
  );
}
