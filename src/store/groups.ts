import { create } from 'zustand';
import { subjectIdentity } from '../core/assessment/identity.ts';
import {
  groupLimits,
  tidyGroupName,
  tidyMembers,
  tidyStaleAfterDays,
} from '../core/group/limits.ts';
import { defaultStaleAfterDays, type Group, type GroupMember } from '../core/group/model.ts';
import { browserIndexedDb, openDatabase, type CellguardDatabase } from './database.ts';
import { readJournals } from './journal.ts';
import type { TabChannel } from './recordSync.ts';
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

export interface GroupStoreDependencies {
  now: () => Date;
  /** The database, or undefined when the browser refuses one (then nothing is saved). */
  open: () => Promise<CellguardDatabase | undefined>;
  /** localStorage: where changes not yet written are kept when the page is left. */
  storage: () => Storage | undefined;
  /** How tabs tell each other what they saved (the same channel as the assessments'). */
  channel: () => TabChannel | undefined;
  /** Stored groups could not be read and were set aside; `copy` is the kept copy's number. */
  recovered: (copy: number | undefined, message: string) => void;
  /** Changes within this time are written together (default 300 ms). */
  saveDelayMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Merging two versions of one group (two tabs, or a journal applied late).

const memberKey = (member: GroupMember) => subjectIdentity(member);
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);
const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);

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
export const retryDelayMs = 5_000;

const quotaMessage =
  "This browser's storage is full, so your latest change to the groups is kept in this tab but not saved yet. " +
  'Keep the tab open and free some space (delete an assessment you no longer need); Cellguard keeps trying to save.';
const failedMessage =
  'Your latest change to the groups could not be saved in this browser; it is kept in this tab and Cellguard keeps trying.';
const noDatabaseMessage =
  'This browser does not let Cellguard store data, so your groups are lost when you close the tab.';
const unreadMessage =
  'Cellguard could not read the groups this browser keeps; changes to them are not saved until the page is reloaded.';

/** What the user is told of stored groups that break the rules; each has a copy kept. */
const describeUnreadable = (count: number) =>
  `${count} saved group${count === 1 ? ' breaks' : 's break'} the rules of a Cellguard group (a damaged entry, or one saved by a newer Cellguard) and ${count === 1 ? 'is' : 'are'} left out.`;

function isQuotaError(error: unknown): boolean {
  return (
    (error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)) ||
    (error instanceof Error && error.name === 'QuotaExceededError')
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** What one tab tells the others it saved; unlike the assessments' messages, it has no `ids`. */
interface GroupsMessage {
  groups: { saved: string[]; removed: string[] };
}
const isGroupsMessage = (value: unknown): value is GroupsMessage =>
  isObject(value) &&
  isObject(value.groups) &&
  Array.isArray(value.groups.saved) &&
  Array.isArray(value.groups.removed);
/** The assessments' store says so when everything on the device was erased. */
const isErasedMessage = (value: unknown): boolean => isObject(value) && value.erased === true;

interface Journal {
  /** Each group not yet written, with the version it was changed from: enough to merge. */
  entries: { group: unknown; base: unknown }[];
  removed: string[];
  /** Groups restored from a backup: written as they are, not merged. */
  replaced: string[];
}

function randomGroupId(): string {
  // crypto.randomUUID needs a secure context; operators may serve the app over plain http internally.
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

/** The group's schema, loaded on first use: zod stays out of the first page. */
type Check = (value: unknown) => Group | undefined;
const loadCheck = async (): Promise<Check> => {
  const { groupSchema } = await import('../core/group/schema.ts');
  return (value) => {
    const checked = groupSchema.safeParse(value);
    return checked.success ? checked.data : undefined;
  };
};

export function createGroupsStore({
  now,
  open,
  storage,
  channel: openChannel,
  recovered,
  saveDelayMs = 300,
}: GroupStoreDependencies) {
  const tabId = Math.random().toString(36).slice(2);
  const journalKey = `${groupJournalPrefix}${tabId}`;
  let db: CellguardDatabase | undefined;
  let check: Check | undefined;
  let loading: Promise<void> | undefined;
  /** Each group as this tab last read or wrote it: the very object shown then. */
  const base = new Map<string, Group>();
  const dirty = new Set<string>();
  const removals = new Set<string>();
  const inFlight = new Set<string>();
  const removing = new Set<string>();
  /** Restored from a backup: the next write replaces the database's record instead of merging. */
  const replacing = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let channel: TabChannel | undefined;
  let failed = false;
  /** Bumped by every erase: a read that began before one shows nothing it read. */
  let erasures = 0;

  const pending = () => dirty.size + removals.size + inFlight.size + removing.size > 0;

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
        let id = randomGroupId();
        while (get().groups[id] || base.has(id)) id = randomGroupId();
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
        check ??= await loadCheck();
        const checked = groups.map((group) => check?.(group));
        const refused = checked.findIndex((group) => group === undefined);
        if (refused !== -1) {
          const name = groups[refused]?.name;
          throw new Error(
            `${typeof name === 'string' ? `The group "${name}"` : `Group ${refused + 1}`} is not a group as Cellguard keeps it, so no group was restored.`,
          );
        }
        const put: Record<string, Group> = {};
        for (const group of checked)
          if (group) {
            put[group.id] = group;
            replacing.add(group.id);
          }
        set({ groups: { ...get().groups, ...put } });
        await flush();
      },
      eraseAll: async () => {
        const ids = [...new Set([...base.keys(), ...Object.keys(get().groups)])];
        erasures += 1;
        forgetEverything();
        set({ groups: {}, saveProblem: null });
        clearJournals();
        await running;
        try {
          await db?.removeGroups(ids);
        } catch {
          // Erasing everything also empties the database's store of groups.
        }
        channel?.postMessage({ groups: { saved: [], removed: ids } } satisfies GroupsMessage);
      },
    };
  });

  const setProblem = (saveProblem: string | null) => {
    if (store.getState().saveProblem !== saveProblem) store.setState({ saveProblem });
  };

  const schedule = () => {
    if (timer === undefined && db)
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, saveDelayMs);
  };

  const noticeChange = () => {
    if (!db) return;
    const { groups } = store.getState();
    for (const [id, group] of Object.entries(groups)) {
      // Restored before its removal was written: written afresh instead.
      removals.delete(id);
      if (base.get(id) !== group) dirty.add(id);
    }
    for (const id of base.keys()) if (!Object.hasOwn(groups, id)) removals.add(id);
    if (pending()) schedule();
  };

  /** Shows groups read from the database in place of the ones this tab shows. */
  const show = (put: Record<string, Group>, removed: readonly string[]) => {
    let groups = { ...store.getState().groups, ...put };
    for (const id of removed) groups = without(groups, id);
    store.setState({ groups });
  };

  const saveOne = async (database: CellguardDatabase, read: Check, id: string) => {
    const ours = store.getState().groups[id];
    const known = base.get(id);
    if (!ours || known === ours) return;
    const replaces = replacing.has(id);
    let gone = false;
    const written = await database.writeGroup(id, (current) => {
      // Removed by another tab since this tab read it: the removal stands.
      if (!current && known && !replaces) {
        gone = true;
        return undefined;
      }
      const theirs = current && !replaces ? read(current.stored) : undefined;
      // Another tab wrote since this tab read it: both tabs' changes are kept.
      const stored =
        theirs && !sameJson(theirs, known) ? mergeGroup(known ?? null, ours, theirs) : ours;
      return { id, stored };
    });
    if (gone || !written) {
      base.delete(id);
      show({}, [id]);
      return;
    }
    if (replaces) replacing.delete(id);
    const stored = written.stored as Group;
    if (stored === ours) {
      base.set(id, ours);
      return;
    }
    base.set(id, stored);
    // Restored from a backup since this write began: the backup's version is written next.
    if (replacing.has(id)) return;
    // Changes made while the write was in flight sit on top of `ours`: they win over the merge.
    const shownNow = store.getState().groups[id];
    show({ [id]: shownNow && shownNow !== ours ? mergeGroup(ours, shownNow, stored) : stored }, []);
  };

  const clearJournal = () => {
    try {
      storage()?.removeItem(journalKey);
    } catch {
      // Nothing to clear where localStorage is refused.
    }
  };

  const clearJournals = () => {
    try {
      const local = storage();
      if (!local) return;
      const keys = Array.from({ length: local.length }, (_, i) => local.key(i)).filter(
        (key): key is string => key?.startsWith(groupJournalPrefix) === true,
      );
      for (const key of keys) local.removeItem(key);
    } catch {
      // Nothing to clear where localStorage is refused.
    }
  };

  const writePending = async () => {
    const database = db;
    const read = check;
    if (!database || !read || !pending()) return;
    const ids = [...dirty];
    const gone = [...removals];
    dirty.clear();
    removals.clear();
    for (const id of ids) inFlight.add(id);
    for (const id of gone) removing.add(id);
    try {
      for (const id of ids) {
        await saveOne(database, read, id);
        inFlight.delete(id);
      }
      if (gone.length > 0) {
        await database.removeGroups(gone);
        for (const id of gone) {
          base.delete(id);
          removing.delete(id);
        }
      }
      failed = false;
      clearTimeout(retry);
      retry = undefined;
      if (!pending()) clearJournal();
      setProblem(null);
      channel?.postMessage({ groups: { saved: ids, removed: gone } } satisfies GroupsMessage);
    } catch (error) {
      for (const id of ids) {
        inFlight.delete(id);
        dirty.add(id);
      }
      for (const id of gone) {
        removing.delete(id);
        removals.add(id);
      }
      failed = true;
      setProblem(isQuotaError(error) ? quotaMessage : failedMessage);
      clearTimeout(retry);
      retry = setTimeout(() => void flush(), retryDelayMs);
    }
  };

  /** Writes every pending change now; resolves when they are durable, or have failed and will be retried. */
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    running = running.then(writePending);
    return running;
  }

  function forgetEverything() {
    clearTimeout(timer);
    clearTimeout(retry);
    timer = undefined;
    retry = undefined;
    dirty.clear();
    removals.clear();
    inFlight.clear();
    removing.clear();
    base.clear();
    replacing.clear();
    failed = false;
  }

  /**
   * The page is being hidden or left: start writing, and put what is not yet durable in
   * localStorage at once. True when nothing would be lost if the page went now.
   */
  const keepBeforeLeaving = (): boolean => {
    if (!db || !pending()) return true;
    const { groups } = store.getState();
    const journal: Journal = {
      entries: [...new Set([...dirty, ...inFlight])].flatMap((id) => {
        const group = groups[id];
        return group ? [{ group, base: base.get(id) ?? null }] : [];
      }),
      removed: [...removals, ...removing],
      replaced: [...replacing],
    };
    void flush();
    try {
      const local = storage();
      if (!local) return false;
      local.setItem(journalKey, JSON.stringify(journal));
      return true;
    } catch {
      return false;
    }
  };

  /** Applies what tabs had not saved when they were closed; each journal goes once applied. */
  const applyJournals = async (database: CellguardDatabase, read: Check) => {
    const local = storage();
    if (!local) return;
    const journals = readJournals<Journal>(
      local,
      groupJournalPrefix,
      (journal) =>
        Array.isArray(journal.entries) &&
        Array.isArray(journal.removed) &&
        Array.isArray(journal.replaced),
    );
    for (const { key, journal } of journals) {
      for (const entry of journal.entries) {
        const group = isObject(entry) ? read(entry.group) : undefined;
        if (!group) continue;
        const from = read(entry.base) ?? null;
        await database.writeGroup(group.id, (current) => {
          const theirs =
            current && !journal.replaced.includes(group.id) ? read(current.stored) : undefined;
          return { id: group.id, stored: theirs ? mergeGroup(from, group, theirs) : group };
        });
      }
      const removed = journal.removed.filter((id): id is string => typeof id === 'string');
      if (removed.length > 0) await database.removeGroups(removed);
      local.removeItem(key);
    }
  };

  const receive = async (message: unknown) => {
    const database = db;
    const read = check;
    if (!database || !read) return;
    if (isErasedMessage(message)) {
      forgetEverything();
      store.setState({ groups: {}, saveProblem: null });
      return;
    }
    if (!isGroupsMessage(message)) return;
    const { saved, removed } = message.groups;
    const put: Record<string, Group> = {};
    if (saved.length > 0) {
      for (const record of await database.readGroups()) {
        const { id } = record;
        // This tab's own write merges theirs.
        if (!saved.includes(id) || dirty.has(id) || inFlight.has(id)) continue;
        const shown = store.getState().groups[id];
        const group = read(record.stored);
        if (!group || (shown && base.get(id) !== shown)) continue;
        base.set(id, group);
        put[id] = group;
      }
    }
    const gone = removed.filter(
      (id) => typeof id === 'string' && !dirty.has(id) && !inFlight.has(id) && base.delete(id),
    );
    if (Object.keys(put).length > 0 || gone.length > 0) show(put, gone);
  };

  /** Copies unreadable records aside and removes them, in one transaction; else leaves them. */
  const setAside = async (
    database: CellguardDatabase,
    records: { id: string; stored: unknown }[],
  ) => {
    const message = describeUnreadable(records.length);
    try {
      const [copy] = await database.setAside(
        [
          {
            keptAt: now().toISOString(),
            reason: message,
            raw: JSON.stringify(records.map((record) => record.stored)),
          },
        ],
        records.map((record) => record.id),
        'groups',
      );
      recovered(copy, message);
    } catch {
      recovered(
        undefined,
        `${message} Cellguard could not keep a copy because the storage is full, so it leaves them as they are.`,
      );
    }
  };

  const readKept = async () => {
    let database: CellguardDatabase | undefined;
    try {
      database = await open();
    } catch {
      database = undefined;
    }
    if (!database) {
      setProblem(noDatabaseMessage);
      return;
    }
    const checkGroup = await loadCheck();
    const erasuresBefore = erasures;
    await applyJournals(database, checkGroup).catch(() => undefined);
    const all = await database.readGroups();
    const records = erasures === erasuresBefore ? all : [];
    const readable: Record<string, Group> = {};
    const unreadable: { id: string; stored: unknown }[] = [];
    for (const record of records) {
      const group = checkGroup(record.stored);
      if (group && group.id === record.id) readable[record.id] = group;
      else unreadable.push(record);
    }
    if (unreadable.length > 0) await setAside(database, unreadable);
    for (const [id, group] of Object.entries(readable)) base.set(id, group);
    check = checkGroup;
    db = database;
    // Groups made before the database answered are kept beside what it holds.
    store.setState({ loaded: true, groups: { ...readable, ...store.getState().groups } });
    channel = openChannel();
    channel?.addEventListener('message', (event) => void receive(event.data));
    noticeChange();
  };

  function load(): Promise<void> {
    loading ??= readKept()
      .catch(() => setProblem(unreadMessage))
      .finally(() => {
        if (!store.getState().loaded) store.setState({ loaded: true });
      });
    return loading;
  }

  store.subscribe(() => noticeChange());

  return Object.assign(store, {
    persistence: {
      flush,
      keepBeforeLeaving,
      /** True while a change is not yet durable and could not be kept for the next start either. */
      unsavedOnLeaving: () => pending() && (failed || !keepBeforeLeaving()),
      /**
       * Every group record the database holds, as it holds it, for the user to download when a
       * page fails; what this tab shows without a database.
       */
      everything: async (): Promise<unknown[]> => {
        await load();
        return db
          ? (await db.readGroups()).map((record) => record.stored)
          : Object.values(store.getState().groups);
      },
    },
  });
}

export type GroupsStore = ReturnType<typeof createGroupsStore>;

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The groups a group office keeps in this browser's IndexedDB. */
export const useGroups = createGroupsStore({
  now: () => new Date(),
  open: async () => {
    const factory = browserIndexedDb();
    return factory ? openDatabase(factory) : undefined;
  },
  storage: browserStorage,
  channel: () =>
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('cellguard'),
  recovered: (copy, message) => useSaveStatus.getState().markRecovered(copy, message),
});

if (typeof window !== 'undefined') {
  const { persistence } = useGroups;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') persistence.keepBeforeLeaving();
  });
  window.addEventListener('pagehide', () => persistence.keepBeforeLeaving());
  window.addEventListener('beforeunload', (event) => {
    if (persistence.unsavedOnLeaving()) event.preventDefault();
  });
}
