import { useEffect } from 'react';
import { hrefs } from '../routing/routes.ts';
import { useGroups } from '../store/index.ts';

/**
 * On a member's results opened from a group's dashboard: the way back to that group, named. Gone
 * when this browser no longer has the group.
 */
export function BackToGroup({ groupId }: { groupId: string }) {
  const loaded = useGroups((state) => state.loaded);
  const name = useGroups((state) => state.groups[groupId]?.name);
  useEffect(() => {
    void useGroups.getState().load();
  }, []);
  if (loaded && name === undefined) return null;
  return (
    <p className="small">
      <a href={hrefs.group(groupId)}>
        <span aria-hidden="true">← </span>Back to the group
        {name !== undefined && (
          <>
            {' '}
            <bdi>{name}</bdi>
          </>
        )}
      </a>
    </p>
  );
}
