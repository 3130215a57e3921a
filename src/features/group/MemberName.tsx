import type { GroupMember } from '../../core/group/model.ts';

/**
 * A member as the group's tables name it: its organisation (a link to its results when `href` is
 * given), and its scope under it; each in its own isolate, as either may be right-to-left.
 */
export function MemberName({ member, href }: { member: GroupMember; href?: string | undefined }) {
  const organisation = <bdi>{member.organisation}</bdi>;
  return (
    <>
      {href ? <a href={href}>{organisation}</a> : organisation}
      {member.scope && (
        <span className="member-scope muted small">
          <bdi>{member.scope}</bdi>
        </span>
      )}
    </>
  );
}
