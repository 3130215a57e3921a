import { groupLimits } from '../../core/group/limits.ts';

/**
 * The two fields a group is made with and later changed by (its name, and the age after which a
 * member is stale), with their checks: the form that starts a group and the group's settings
 * ask for them alike.
 */

const { min, max } = groupLimits.staleAfterDays;

export interface GroupFieldErrors {
  name?: string | undefined;
  staleDays?: string | undefined;
}

/** Why the typed name or age for stale is refused, in plain words; empty when both are usable. */
export function groupFieldErrors(name: string, staleDays: string): GroupFieldErrors {
  const days = Number(staleDays.trim());
  return {
    name: name.trim() === '' ? 'Name the group, such as “Northwind Group”.' : undefined,
    staleDays:
      staleDays.trim() === '' || !Number.isInteger(days) || days < min || days > max
        ? `Give a whole number of days from ${min} to ${max.toLocaleString('en')}, such as 180 for two quarters.`
        : undefined,
  };
}

/** Puts the cursor in the first field refused; true when one was. */
export function focusFirstRefused(errors: GroupFieldErrors, idPrefix: string): boolean {
  if (!errors.name && !errors.staleDays) return false;
  document.getElementById(`${idPrefix}-${errors.name ? 'name' : 'stale'}`)?.focus();
  return true;
}

interface FieldProps {
  /** The fields' ids are `<idPrefix>-name` and `<idPrefix>-stale`. */
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

export function GroupNameField({ idPrefix, value, onChange, error }: FieldProps) {
  const id = `${idPrefix}-name`;
  return (
    <div className="field">
      <label htmlFor={id}>Name of the group</label>
      <input
        id={id}
        type="text"
        dir="auto"
        autoComplete="off"
        maxLength={groupLimits.name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function StaleDaysField({
  idPrefix,
  value,
  onChange,
  error,
  hint,
}: FieldProps & { hint: string }) {
  const id = `${idPrefix}-stale`;
  return (
    <div className="field">
      <label htmlFor={id}>A member is stale after (days)</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="weight-input"
        min={min}
        max={max}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
