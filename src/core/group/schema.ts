import { z } from '../shared/zod.ts';
import { hexId, limited, nonBlank, timestampField } from '../assessment/fieldSchemas.ts';
import { subjectIdentity } from '../assessment/identity.ts';
import { groupLimits } from './limits.ts';
import type { Group, GroupMember } from './model.ts';

/**
 * A group as Cellguard keeps it (the store's records) and writes it (a backup's `groups`): read
 * back through this schema, so that a damaged or hand-edited group is refused, never shown. The
 * rules are those of limits.ts, which tidies every change the app makes into them.
 */

const { min: minDays, max: maxDays } = groupLimits.staleAfterDays;

const memberSchema = z
  .strictObject({
    organisation: nonBlank('organisation'),
    scope: limited('scope'),
    weight: z
      .number()
      .positive('must be a number greater than 0 (the member counts equally without one)')
      .optional(),
  })
  // A member without a weight holds no `weight` field at all, as the model says.
  .transform(({ organisation, scope, weight }): GroupMember =>
    weight === undefined ? { organisation, scope } : { organisation, scope, weight },
  );

export const groupSchema = z.strictObject({
  id: hexId(12),
  name: z
    .string()
    .max(groupLimits.name, `must be at most ${groupLimits.name} characters`)
    .refine((name) => name.trim() !== '', 'must not be empty'),
  setId: z
    .string()
    .min(1, 'must name a question set')
    .max(groupLimits.setId, 'is not the id of a question set'),
  members: z
    .array(memberSchema)
    .max(
      groupLimits.maxMembers,
      `has more than ${groupLimits.maxMembers.toLocaleString('en')} members, more than a group can`,
    )
    .superRefine((members, context) => {
      const first = new Map<string, number>();
      members.forEach((member, index) => {
        const key = subjectIdentity(member);
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, index);
        else
          context.addIssue({
            code: 'custom',
            path: [index],
            message: `names the same organisation and scope as member ${earlier + 1}; a group holds each once`,
          });
      });
    }),
  staleAfterDays: z
    .number()
    .int('must be a whole number of days')
    .min(minDays, `must be at least ${minDays} day`)
    .max(maxDays, `must be at most ${maxDays.toLocaleString('en')} days`),
  createdAt: timestampField,
  updatedAt: timestampField,
}) satisfies z.ZodType<Group, unknown>;
