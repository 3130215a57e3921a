import { serializeAssessmentFile } from '../../../src/core/assessment/exportFile.ts';
import type { Assessment } from '../../../src/core/assessment/model.ts';
import type { GroupMember } from '../../../src/core/group/model.ts';
import { useGroups } from '../../../src/store/index.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

export const set = loadShippedSet();

/** When the fixture files were exported. */
export const exportedAt = new Date('2026-12-31T12:00:00Z');

/** An assessment's exported file, as a subsidiary sends it and a user picks it. */
export const fileOf = (assessment: Assessment, name: string, text?: string) =>
  new File([text ?? serializeAssessmentFile(assessment, exportedAt)], name, {
    type: 'application/json',
  });

/** A new group of the shipped set in the app's store of groups; returns its id. */
export async function newGroup(members: GroupMember[] = [], name = 'Northwind Group') {
  await useGroups.getState().load();
  return useGroups.getState().createGroup({ name, setId: set.id, members }).id;
}

export const groupOf = (id: string) => {
  const group = useGroups.getState().groups[id];
  if (!group) throw new Error(`no group ${id}`);
  return group;
};
