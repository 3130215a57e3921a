import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import { groupLimits } from '../../core/group/limits.ts';
import type { Group } from '../../core/group/model.ts';
import { plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useGroups } from '../../store/index.ts';
import { staleDaysProblem } from './staleDays.ts';
import './group.css';

/** The group's name and when a member counts as stale; and deleting the group. */
export function GroupSettings({ group }: { group: Group }) {
  const [name, setName] = useState(group.name);
  const [staleDays, setStaleDays] = useState(String(group.staleAfterDays));
  const [errors, setErrors] = useState<{
    name?: string | undefined;
    staleDays?: string | undefined;
  }>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      name: name.trim() === '' ? 'Name the group, such as “Northwind Group”.' : undefined,
      staleDays: staleDaysProblem(staleDays),
    };
    setErrors(found);
    setOutcome(null);
    if (found.name || found.staleDays) {
      document.getElementById(found.name ? 'group-name' : 'group-stale')?.focus();
      return;
    }
    useGroups.getState().updateGroup(group.id, { name, staleAfterDays: Number(staleDays) });
    setOutcome({ ok: true, message: 'The settings are saved.' });
  };

  return (
    <form className="stacked-form" onSubmit={save} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">Settings of the group</h2>
      <div className="field">
        <label htmlFor="group-name">Name of the group</label>
        <input
          id="group-name"
          type="text"
          dir="auto"
          autoComplete="off"
          maxLength={groupLimits.name}
          value={name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'group-name-error' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {errors.name && (
          <p id="group-name-error" className="field-error">
            {errors.name}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="group-stale">A member is stale after (days)</label>
        <input
          id="group-stale"
          type="number"
          inputMode="numeric"
          className="weight-input"
          min={groupLimits.staleAfterDays.min}
          max={groupLimits.staleAfterDays.max}
          value={staleDays}
          aria-invalid={errors.staleDays ? true : undefined}
          aria-describedby={`group-stale-hint${errors.staleDays ? ' group-stale-error' : ''}`}
          onChange={(event) => setStaleDays(event.target.value)}
        />
        <p id="group-stale-hint" className="hint">
          A member whose latest cycle was last changed longer ago than this is flagged as stale; it
          still counts in the group risk.
        </p>
        {errors.staleDays && (
          <p id="group-stale-error" className="field-error">
            {errors.staleDays}
          </p>
        )}
      </div>
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
