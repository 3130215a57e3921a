import type { StoredAssessment, Settings } from './model.ts';
import type { AssessmentRecord, CellguardDatabase, RecoveredCopy } from './database.ts';
import { checkPersisted } from './persistedShape.ts';
import { jsonEqual } from './merge3.ts';

/** Where the first versions of Cellguard kept everything, as one JSON text in localStorage. */
export const legacyKey = 'cellguard:assessments';
/** Copies of unreadable data those versions set aside, one localStorage key each. */
export const legacyRecoveryPrefix = 'cellguard:recovered:';

interface PersistedState {
  assessments: Record<string, StoredAssessment>;
  settings?: Settings;
}

/**
 * Upgrades what an earlier version of the app saved: versions 1 and 2 held assessments of file
 * formats 1 and 2, which format 3 only extends with optional fields. Format 3, not the current
 * one: reading the assessment then applies the later formats' upgrades (such as format 4's reason
 * for "not applicable").
 */
export function migratePersisted(persisted: unknown, version: number): PersistedState {
  const state = (persisted ?? { assessments: {} }) as PersistedState;
  if (version >= 3) return state;
  const assessments = Object.fromEntries(
    Object.entries(state.assessments ?? {}).map(([id, stored]) => [
      id,
      {
        ...stored,
        // Typed as the current format, as every stored assessment is once the store has read it.
        assessment: { ...stored.assessment, formatVersion: 3 as unknown as 6 },
      },
    ]),
  );
  return { ...state, assessments };
}

export interface LegacyMove {
  /** How many assessments moved into the database. */
  moved: number;
  /** What could not be read, for the user, with the number of its untouched copy in the database. */
  problems: { message: string; copy: number | undefined }[];
}

const legacyKeys = (storage: Storage): string[] =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string =>
      key !== null && (key === legacyKey || key.startsWith(legacyRecoveryPrefix)),
  );

/**
 * Moves what an earlier Cellguard kept in localStorage into the database, once: everything is
 * written in one transaction, read back and compared, and only then is the old copy removed. What
 * could not be read there is kept as an untouched copy, as it was. When the move cannot be
 * verified, localStorage is left as it is and the next start tries again.
 */
export async function moveLegacyStore(
  storage: Storage | undefined,
  db: CellguardDatabase,
  now: Date,
): Promise<LegacyMove> {
  const keys = storage ? legacyKeys(storage) : [];
  if (!storage || keys.length === 0) return { moved: 0, problems: [] };
  const keptAt = now.toISOString();
  // What each key held when read: a key is removed at the end only if it still holds just that,
  // so that a tab of the old version saving during the move loses nothing.
  const read = new Map(keys.map((key) => [key, storage.getItem(key)]));
  const copies: RecoveredCopy[] = keys
    .filter((key) => key !== legacyKey)
    .map((key) => ({
      keptAt,
      reason: `Kept aside by an earlier version of Cellguard (${key}).`,
      raw: read.get(key) ?? '',
    }));
  const problems: { message: string; raw: string }[] = [];
  let state: PersistedState = { assessments: {} };
  const raw = read.get(legacyKey) ?? null;
  if (raw !== null) {
    const check = checkPersisted(raw);
    if (check.ok) {
      const parsed = JSON.parse(check.value.text) as { state: unknown; version?: number };
      state = migratePersisted(parsed.state, parsed.version ?? 0);
      const { dropped } = check.value;
      if (dropped > 0) {
        const problem = `${dropped} saved assessment${dropped === 1 ? '' : 's'} could not be read and ${dropped === 1 ? 'is' : 'are'} left out.`;
        copies.push({ keptAt, reason: problem, raw });
        problems.push({ message: problem, raw });
      }
    } else {
      const problem = `The saved assessments could not be read (${check.problems.map((p) => p.message).join('; ')}).`;
      copies.push({ keptAt, reason: problem, raw });
      problems.push({ message: problem, raw });
    }
  }
  const records: AssessmentRecord[] = Object.values(state.assessments).map((stored) => ({
    id: stored.id,
    rev: 1,
    stored,
  }));
  const before = new Map((await db.readAll()).records.map((record) => [record.id, record]));
  // An assessment the database already holds (a tab of the old version saved after the move) is
  // not overwritten: the old version's copy is kept aside instead, so neither is lost.
  const clashes = records.filter((record) => {
    const kept = before.get(record.id);
    return kept !== undefined && !jsonEqual(kept.stored, record.stored);
  });
  if (clashes.length > 0 && raw !== null)
    copies.push({
      keptAt,
      reason: 'An earlier version of Cellguard saved these after they had moved.',
      raw: JSON.stringify({ state: { assessments: clashes.map((record) => record.stored) } }),
    });
  // Settings already in the database are newer than those left in localStorage.
  const settings = (await db.readSettings()) === undefined ? state.settings : undefined;
  const copyNumbers = await db.putAll(records, settings, copies);

  const after = await db.readAll();
  const kept = new Map(after.records.map((record) => [record.id, record]));
  const recovered = new Set((await db.allRecovered()).map((copy) => copy.raw));
  const verified =
    records.every((record) => kept.has(record.id)) &&
    records
      .filter((record) => !before.has(record.id))
      .every((record) => jsonEqual(kept.get(record.id)?.stored, record.stored)) &&
    copies.every((copy) => recovered.has(copy.raw));
  if (!verified)
    throw new Error('the assessments moved from localStorage did not read back the same');
  for (const key of keys) if (storage.getItem(key) === read.get(key)) storage.removeItem(key);
  return {
    moved: records.length - clashes.length,
    problems: problems.map(({ message, raw: copied }) => ({
      message,
      copy: copyNumbers[copies.findIndex((copy) => copy.raw === copied)],
    })),
  };
}
