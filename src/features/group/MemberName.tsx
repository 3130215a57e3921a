import type { Ref } from 'react';
import type { GroupMember } from '../../core/group/model.ts';

/**
 * A member as the group's tables name it: its organisation (a link to its results when `href` is
 * given), and its scope under it; each in its own isolate, as either may be right-to-left.
 */
export function MemberName({
  member,
  href,
  onOpen,
  linkRef,
}: {
  member: GroupMember;
  href?: string | undefined;
  /** Called when the link is followed. */
  onOpen?: () => void;
  linkRef?: Ref<HTMLAnchorElement>;
}) {
  const organisation = <bdi>{member.organisation}</bdi>;
  return (
    <>
      {href ? (
        <a href={href} onClick={onOpen} ref={linkRef}>
          {organisation}
        </a>
      ) : (
        organisation
      )}
      {member.scope && (
        <span className="member-scope muted small">
          <bdi>{member.scope}</bdi>
        </span>
      )}
    </>
  );
}
