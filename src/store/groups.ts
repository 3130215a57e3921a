import { create } from 'zustand';
import { subjectIdentity } from '../core/assessment/identity.ts';
import {
  groupLimits,
  tidyGroupName,
  tidyMembers,
  tidyStaleAfterDays,
} from '../core/group/limits.ts';
import { defaultStaleAfterDays, type Group, type GroupMember } from '../core/group/model.ts';
import { randomHexId } from '../core/randomId.ts';
import {
  browserDependencies,
  earlier,
  isObject,
  keepWhenLeaving,
  keyedRecordPersistence,
  later,
  sameJson,
  without,
  type Check,
  type PersistenceDependencies,
  type ShownState,
} from './keyedRecordPersistence.ts';
import { useSaveStatus } from './saveStatus.ts';

/**
 * The groups of operating companies a group office oversees on this device (issue 21). Kept in the
 * database's `groups` store, one record per group; every change is written a moment later, and at
 * once when the page is hidden, as the questionnaires are. The members' assessments are ordinary
 * stored assessments: a group only names them.
 *
 * Read only once a page asks (`load`, or any change): most devices keep no group, and reading
 * checks each record with the group's schema, whose zod is not loaded by the first page.
 */

export interface GroupsState {
  /** False until what this browser keeps has been read. */
  loaded: boolean;
  /** By id. */
  groups: Record<string, Group>;
  /** Why the latest change is not saved, in plain words; null while everything is saved. */
  saveProblem: string | null;
  /** Reads the database, once however often it is called; resolves when the groups are shown. */
  load: () => Promise<void>;
  /**
   * Keeps a new group under a new random id: members tidied (see tidyMembers: names clipped, each
   * organisation and scope once, unusable weights dropped), a blank name made "Group", the age for
   * stale brought within 1 to 3,650 days (180 when not given).
   */
  createGroup: (input: {
    name: string;
    setId: string;
    members: GroupMember[];
    staleAfterDays?: number;
  }) => Group;
  /**
   * Changes a group with the same checks, stamped with the time; a blank name or an age that is no
   * number is ignored, and a change that changes nothing is no change.
   */
  updateGroup: (
    id: string,
    change: Partial<Pick<Group, 'name' | 'members' | 'staleAfterDays'>>,
  ) => void;
  /**
   * Adds members at the end, tidied; `already` counts those the group (or the list before them)
   * already has, by organisation and scope.
   */
  addMembers: (id: string, members: GroupMember[]) => { added: number; already: number };
  /** Removes the member whose subjectIdentity is `key`. */
  removeMember: (id: string, key: string) => void;
  removeGroup: (id: string) => void;
  /**
   * Keeps these groups from a backup, each in place of the one with its id, whole: not merged
   * with this browser's, as a restore replaces. The others stay. All or none: rejected, changing
   * nothing, when one breaks the group's schema. Resolves once they are written (or a failed
   * write is said in `saveProblem` and retried).
   */
  restore: (groups: Group[]) => Promise<void>;
  /** Forgets every group, in this tab and in the database. */
  eraseAll: () => Promise<void>;
}

export interface GroupStoreDependencies extends PersistenceDependencies {
  /** Stored groups could not be read and were set aside; `copy` is the kept copy's number. */
  recovered: (copy: number | undefined, message: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Merging two versions of one group (two tabs, or a journal applied late).

const memberKey = (member: GroupMember) => subjectIdentity(member);

/**
 * `ours` and `theirs` both changed from `base`: each side's changes are kept, ours where both
 * changed the same thing. Members are compared by organisation and scope, so that members added in
 * two tabs are all kept, and one removed in either tab stays removed.
 */
export function mergeGroup(base: Group | null, ours: Group, theirs: Group): Group {
  // Nothing to tell the two sides' changes apart by (a journal of a group new in its tab): ours.
  if (!base) return ours;
  const pick = <K extends 'name' | 'staleAfterDays'>(field: K): Group[K] =>
    ours[field] !== base[field] ? ours[field] : theirs[field];
  const inBase = new Map(base.members.map((m) => [memberKey(m), m]));
  const inOurs = new Map(ours.members.map((m) => [memberKey(m), m]));
  const inTheirs = new Set(theirs.members.map(memberKey));
  const members = theirs.members.flatMap((member) => {
    const key = memberKey(member);
    const mine = inOurs.get(key);
    if (!mine) return inBase.has(key) ? [] : [member];
    return sameJson(mine, inBase.get(key)) ? [member] : [mine];
  });
  const added = ours.members.filter(
    (m) => !inTheirs.has(memberKey(m)) && !inBase.has(memberKey(m)),
  );
  return {
    ...ours,
    name: pick('name'),
    staleAfterDays: pick('staleAfterDays'),
    members: tidyMembers([...members, ...added]),
    createdAt: earlier(ours.createdAt, theirs.createdAt),
    updatedAt: later(ours.updatedAt, theirs.updatedAt),
  };
}

// ---------------------------------------------------------------------------------------------
// The store.

export const groupJournalPrefix = 'cellguard:groups-unsaved:';
export { retryDelayMs } from './keyedRecordPersistence.ts';

const messages = {
  quota:
    "This browser's storage is full, so your latest change to the groups is kept in this tab but not saved yet. " +
    'Keep the tab open and free some space (delete an assessment you no longer need); Cellguard keeps trying to save.',
  failed:
    'Your latest change to the groups could not be saved in this browser; it is kept in this tab and Cellguard keeps trying.',
  noDatabase:
    'This browser does not let Cellguard store data, so your groups are lost when you close the tab.',
  unread:
    'Cellguard could not read the groups this browser keeps; changes to them are not saved until the page is reloaded.',
};

/** What the user is told of stored groups that break the rules; each has a copy kept. */
const describeUnreadable = (count: number) =>
  `${count} saved group${count === 1 ? ' breaks' : 's break'} the rules of a Cellguard group (a damaged entry, or one saved by a newer Cellguard) and ${count === 1 ? 'is' : 'are'} left out.`;

/** The group's schema, loaded on first use: zod stays out of the first page. */
const loadCheck = async (): Promise<Check<Group>> => {
  const { groupSchema } = await import('../core/group/schema.ts');
  return (value) => {
    const checked = groupSchema.safeParse(value);
    return checked.success ? checked.data : undefined;
  };
};

export function createGroupsStore(dependencies: GroupStoreDependencies) {
  const { now, recovered } = dependencies;
  const persisted = keyedRecordPersistence<Group>({
    dependencies,
    shown: {
      get: (): ShownState<Group> => ({ ...store.getState(), records: store.getState().groups }),
      set: ({ records, ...change }) =>
        store.setState(records ? { ...change, groups: records } : change),
    },
    table: {
      read: (database) => database.readGroups(),
      write: (database, id, decide) => database.writeGroup(id, decide),
      remove: (database, ids) => database.removeGroups(ids),
    },
    idOf: (group) => group.id,
    check: loadCheck,
    merge: mergeGroup,
    channelKey: 'groups',
    journal: {
      prefix: groupJournalPrefix,
      // With the version it was changed from: enough for a three-way merge.
      toEntry: (group, base) => ({ group, base }),
      fromEntry: (entry) =>
        isObject(entry) ? { record: entry.group, base: entry.base } : { record: undefined },
    },
    messages,
    setAside: { from: 'groups', describe: describeUnreadable, recovered },
  });
  const load = persisted.load;

  const store = create<GroupsState>()((set, get) => {
    /** Shows a changed group; its change is written once the database is read. */
    const keep = (group: Group) => {
      set({ groups: { ...get().groups, [group.id]: group } });
      void load();
    };
    const edit = (id: string, change: (group: Group) => Group | undefined) => {
      const group = get().groups[id];
      const changed = group && change(group);
      if (changed && !sameJson(changed, group))
        keep({ ...changed, updatedAt: now().toISOString() });
    };
    return {
      loaded: false,
      groups: {},
      saveProblem: null,
      load: () => load(),
      createGroup: ({ name, setId, members, staleAfterDays }) => {
        // A page passes the id of one of the app's sets; anything else is a mistake in the code.
        if (setId.trim() === '' || setId.length > groupLimits.setId)
          throw new Error(`"${setId.slice(0, 50)}" is not the id of a question set`);
        const at = now().toISOString();
        let id = randomHexId(12);
        while (get().groups[id] || persisted.knows(id)) id = randomHexId(12);
        const group: Group = {
          id,
          name: tidyGroupName(name),
          setId,
          members: tidyMembers(members),
          staleAfterDays:
            (staleAfterDays === undefined ? undefined : tidyStaleAfterDays(staleAfterDays)) ??
            defaultStaleAfterDays,
          createdAt: at,
          updatedAt: at,
        };
        keep(group);
        return group;
      },
      updateGroup: (id, change) =>
        edit(id, (group) => {
          const days =
            change.staleAfterDays === undefined
              ? undefined
              : tidyStaleAfterDays(change.staleAfterDays);
          return {
            ...group,
            ...(change.name === undefined || change.name.trim() === ''
              ? {}
              : { name: tidyGroupName(change.name) }),
            ...(change.members ? { members: tidyMembers(change.members) } : {}),
            ...(days === undefined ? {} : { staleAfterDays: days }),
          };
        }),
      addMembers: (id, members) => {
        const group = get().groups[id];
        if (!group) return { added: 0, already: 0 };
        const seen = new Set(group.members.map(memberKey));
        let already = 0;
        for (const member of members) {
          // As the group would keep it: clipped, and left out without an organisation.
          const [tidy] = tidyMembers([member]);
          if (!tidy) continue;
          if (seen.has(memberKey(tidy))) already += 1;
          else seen.add(memberKey(tidy));
        }
        const next = tidyMembers([...group.members, ...members]);
        if (next.length > group.members.length) edit(id, (g) => ({ ...g, members: next }));
        return { added: next.length - group.members.length, already };
      },
      removeMember: (id, key) =>
        edit(id, (group) => ({
          ...group,
          members: group.members.filter((member) => memberKey(member) !== key),
        })),
      removeGroup: (id) => {
        if (!get().groups[id]) return;
        set({ groups: without(get().groups, id) });
        void load();
      },
      restore: async (groups) => {
        await load();
        const check = await persisted.check();
        const checked = groups.map((group) => check(group));
        const refused = checked.findIndex((group) => group === undefined);
        if (refused !== -1) {
          const name = groups[refused]?.name;
          throw new Error(
            `${typeof name === 'string' ? `The group "${name}"` : `Group ${refused + 1}`} is not a group as Cellguard keeps it, so no group was restored.`,
          );
        }
        persisted.replace(checked.filter((group): group is Group => group !== undefined));
        await persisted.persistence.flush();
      },
      eraseAll: persisted.eraseAll,
    };
  });

  store.subscribe(persisted.noticeChange);

  return Object.assign(store, {
    persistence: {
      ...persisted.persistence,
      // The groups are read only once a page asks: read them first.
      everything: async (): Promise<unknown[]> => {
        await load();
        return persisted.persistence.everything();
      },
    },
  });
}

export type GroupsStore = ReturnType<typeof createGroupsStore>;

/** The groups a group office keeps in this browser's IndexedDB. */
export const useGroups = createGroupsStore({
  ...browserDependencies,
  recovered: (copy, message) => useSaveStatus.getState().markRecovered(copy, message),
});

keepWhenLeaving(useGroups.persistence);
