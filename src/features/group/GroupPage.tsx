import { useEffect } from 'react';
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';
import { questionSets, setTitle } from '../../content/questionSets.ts';
import type { Group } from '../../core/group/model.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { useGroups } from '../../store/index.ts';
import { GroupDashboardView } from './GroupDashboardView.tsx';
import { GroupSettings } from './GroupSettings.tsx';
import { ImportSubsidiaries } from './ImportSubsidiaries.tsx';
import { MembersFromDevice } from './MembersFromDevice.tsx';
import { MemberWeights } from './MemberWeights.tsx';
import { useGroupDashboard } from './useGroupDashboard.ts';
import './group.css';

/** The page of a group whose set this Cellguard ships: the dashboard, then what fills it. */
function GroupContent({ group, set }: { group: Group; set: QuestionSet }) {
  const dashboard = useGroupDashboard(group, set);
  return (
    <>
      <section aria-labelledby="dashboard-title">
        <h2 id="dashboard-title">Dashboard</h2>
        <GroupDashboardView dashboard={dashboard} set={set} />
      </section>
      <section aria-labelledby="members-title" className="group-actions">
        <h2 id="members-title">Members</h2>
        <ImportSubsidiaries group={group} set={set} />
        <MembersFromDevice group={group} set={set} />
        <MemberWeights group={group} />
      </section>
    </>
  );
}

/**
 * One group of operating companies: where its members stand side by side on its question set
 * (the dashboard and the group PDF), its members and weights, and its settings.
 */
export function GroupPage({ id }: { id: string }) {
  const loaded = useGroups((state) => state.loaded);
  const group = useGroups((state) => state.groups[id]);
  const saveProblem = useGroups((state) => state.saveProblem);
  useEffect(() => {
    void useGroups.getState().load();
  }, []);
  if (!loaded) return <PagePlaceholder message="Opening your groups…" />;
  if (!group)
    return (
      <section className="narrow" aria-labelledby="group-title">
        <h1 id="group-title">Group not found</h1>
        <p>
          There is no such group in this browser. It may have been deleted, or kept in another
          browser.
        </p>
        <a className="button primary" href={hrefs.groups()}>
          All groups
        </a>
      </section>
    );
  const set = questionSets.find((candidate) => candidate.id === group.setId);
  return (
    <section className="group-page" aria-labelledby="group-title">
      <p>
        <a href={hrefs.groups()}>All groups</a>
      </p>
      <h1 id="group-title">
        <bdi>{group.name}</bdi>
      </h1>
      <p className="muted">
        {setTitle(group.setId)} · {plural(group.members.length, 'member')} · stale after{' '}
        {plural(group.staleAfterDays, 'day')}
      </p>
      {saveProblem && (
        <p className="notice warning" role="alert">
          {saveProblem}
        </p>
      )}
      {set ? (
        <GroupContent group={group} set={set} />
      ) : (
        <p className="notice warning">
          This group compares its members on the question set “{group.setId}”, which this version of
          Cellguard does not have: its dashboard cannot be shown. Its members and settings are kept
          as they are.
        </p>
      )}
      <GroupSettings key={group.id} group={group} />
    </section>
  );
}
