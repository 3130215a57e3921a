import type { Assessment } from '../assessment/model.ts';
import { subjectIdentity } from '../assessment/identity.ts';
import type { GroupMember } from './model.ts';

/**
 * The distinct organisation and scope pairs of some assessments, in the order they first appear,
 * each spelt as in its first assessment: what a group is made of when files come in. Letter case
 * and extra spaces do not make another member (subjectIdentity).
 */
export function membersOf(
  assessments: readonly Pick<Assessment, 'organisation' | 'scope'>[],
): GroupMember[] {
  const members = new Map<string, GroupMember>();
  for (const { organisation, scope } of assessments) {
    const key = subjectIdentity({ organisation, scope });
    if (!members.has(key)) members.set(key, { organisation, scope });
  }
  return [...members.values()];
}
