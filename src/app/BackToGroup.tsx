import { useEffect } from 'react';
import { hrefs } from '../routing/routes.ts';
import { useGroups } from '../store/index.ts';

/**
 * The group each assessment's results were last opened from, for as long as the tab is open: a
 * detour through the review or a step keeps the way back.
 */
const groupOfAssessment = new Map<string, string>();

/**
 * On a member's results opened from a group's dashboard: the way back to that group, named. Gone
 * when this browser no longer has the group, or the results were never opened from one.
 */
export function BackToGroup({
  assessmentId,
  fromGroup,
}: {
  assessmentId: string;
  fromGroup: string | undefined;
}) {
  const groupId = fromGroup ?? groupOfAssessment.get(assessmentId);
  const loaded = useGroups((state) => state.loaded);
  const name = useGroups((state) => (groupId ? state.groups[groupId]?.name : undefined));
  useEffect(() => {
    if (fromGroup) groupOfAssessment.set(assessmentId, fromGroup);
  }, [assessmentId, fromGroup]);
  useEffect(() => {
    if (groupId) void useGroups.getState().load();
  }, [groupId]);
  if (!groupId || (loaded && name === undefined)) return null;
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
