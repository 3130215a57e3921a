import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';
import { questionSetTitles, setTitle } from '../../content/setTitles.ts';
import { formatDateTime } from '../../core/format.ts';
import { defaultStaleAfterDays } from '../../core/group/model.ts';
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

/** The form that starts a group: its name, its question set and when a member counts as stale. */
function NewGroupForm() {
  const createGroup = useGroups((state) => state.createGroup);
  const [name, setName] = useState('');
  const [setId, setSetId] = useState(questionSetTitles[0]?.id ?? '');
  const [staleDays, setStaleDays] = useState(String(defaultStaleAfterDays));
  const [errors, setErrors] = useState<GroupFieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = groupFieldErrors(name, staleDays);
    setErrors(found);
    if (focusFirstRefused(found, 'new-group')) return;
    const group = createGroup({ name, setId, members: [], staleAfterDays: Number(staleDays) });
    navigate(hrefs.group(group.id));
  };

  return (
    <form className="stacked-form" onSubmit={submit} noValidate aria-labelledby="new-group-title">
      <h2 id="new-group-title">Create a group</h2>
      <GroupNameField idPrefix="new-group" value={name} onChange={setName} error={errors.name} />
      <div className="field">
        <label htmlFor="new-group-set">Question set</label>
        <select
          id="new-group-set"
          value={setId}
          aria-describedby="new-group-set-hint"
          onChange={(event) => setSetId(event.target.value)}
        >
          {questionSetTitles.map((set) => (
            <option key={set.id} value={set.id}>
              {set.title}
            </option>
          ))}
        </select>
        <p id="new-group-set-hint" className="hint">
          The dashboard compares the members on one question set; a group of the same companies on
          the other set is a group of its own.
        </p>
      </div>
      <StaleDaysField
        idPrefix="new-group"
        value={staleDays}
        onChange={setStaleDays}
        error={errors.staleDays}
        hint="A member whose latest cycle was last changed longer ago than this is flagged as stale (180 days: two quarters)."
      />
      <button type="submit" className="button primary">
        Create the group
      </button>
    </form>
  );
}

/**
 * The groups of operating companies kept on this device, and the form that starts one. A group
 * only names organisation and scope pairs: their assessments stay ordinary assessments.
 */
export function GroupsPage() {
  const loaded = useGroups((state) => state.loaded);
  const groups = useGroups((state) => state.groups);
  const saveProblem = useGroups((state) => state.saveProblem);
  useEffect(() => {
    void useGroups.getState().load();
  }, []);
  const list = useMemo(
    () => Object.values(groups).sort((a, b) => a.name.localeCompare(b.name)),
    [groups],
  );
  if (!loaded) return <PagePlaceholder message="Opening your groups…" />;
  return (
    <section aria-labelledby="groups-title">
      <p>
        <a href={hrefs.home()}>Back to all assessments</a>
      </p>
      <h1 id="groups-title">Groups of operating companies</h1>
      <p className="lead">
        A group office that oversees several operating companies sees them side by side: each
        subsidiary sends its assessment file, and the group&apos;s dashboard compares their latest
        cycles, the weak points they share and the programmes worth funding for all of them.
        Everything stays in this browser.
      </p>
      {saveProblem && (
        <p className="notice warning" role="alert">
          {saveProblem}
        </p>
      )}
      {list.length === 0 ? (
        <p>No group on this device yet.</p>
      ) : (
        <ul className="group-list" aria-label="Groups on this device">
          {list.map((group) => (
            <li key={group.id} className="group-card">
              <h3>
                <a href={hrefs.group(group.id)}>
                  <bdi>{group.name}</bdi>
                </a>
              </h3>
              <p className="muted">
                {setTitle(group.setId)} · {plural(group.members.length, 'member')}
              </p>
              <p className="muted small">Last changed {formatDateTime(group.updatedAt)}</p>
            </li>
          ))}
        </ul>
      )}
      <NewGroupForm />
    </section>
  );
}
