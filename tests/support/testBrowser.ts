import { IDBFactory } from 'fake-indexeddb';
import { createAssessmentsStore, type AssessmentsStore } from '../../src/store/assessments.ts';
import { openDatabase, type CellguardDatabase } from '../../src/store/database.ts';
import type { TabChannel } from '../../src/store/recordSync.ts';
import { FakeStorage } from './fakeStorage.ts';
import { shippedRules } from './storeFixtures.ts';
import { TabChannels } from './tabChannels.ts';

/**
 * One browser profile for store tests: its IndexedDB (fake-indexeddb), its localStorage, and the
 * channel its tabs talk over. Set `full` to make every database write fail as a full disk does.
 */
export class TestBrowser {
  readonly factory = new IDBFactory();
  readonly localStorage = new FakeStorage();
  full = false;
  /** The id of every assessment record written, in order. */
  readonly writes: string[] = [];
  private readonly channels = new TabChannels();

  private channel(): TabChannel {
    return this.channels.open();
  }

  /** The database as the app opens it, with writes failing while the browser is full. */
  async open(): Promise<CellguardDatabase> {
    const db = await openDatabase(this.factory);
    const guard =
      <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> =>
        this.full
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : write(...args);
    return {
      ...db,
      writeRecord: guard((id, decide) => {
        this.writes.push(id);
        return db.writeRecord(id, decide);
      }),
      writeSettings: guard(db.writeSettings),
      setAside: guard(db.setAside),
      putAll: guard(db.putAll),
    };
  }

  /** A new tab: a store over this profile's storage, loaded, with the shipped rules attached unless told. */
  async tab(options: { now?: () => Date; attach?: boolean } = {}): Promise<AssessmentsStore> {
    const store = createAssessmentsStore({
      now: options.now ?? (() => new Date('2026-11-26T10:00:00Z')),
      open: () => this.open(),
      legacy: () => this.localStorage,
      channel: () => this.channel(),
      saveDelayMs: 0,
    });
    await store.ready;
    if (options.attach !== false) store.getState().attach(shippedRules);
    return store;
  }

  /** What the database holds now, read as another tab would. */
  async saved() {
    const db = await openDatabase(this.factory);
    try {
      const { records, settings } = await db.readAll();
      return {
        assessments: Object.fromEntries(
          records.map((record) => [record.id, record.stored]),
        ) as Record<
          string,
          {
            assessment: {
              answers: Record<string, unknown>;
              questionSet: { version: string };
              cycle: string;
            };
          }
        >,
        settings,
        recovered: await db.allRecovered(),
      };
    } finally {
      db.close();
    }
  }
}

/** Lets timers and pending IndexedDB work run, as a browser does between events. */
export const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets pending IndexedDB work run without touching timers (for tests with fake timers). */
export async function drain(rounds = 30) {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
