import { IDBFactory } from 'fake-indexeddb';
import { openDatabase, type CellguardDatabase } from '../../src/store/database.ts';
import type { TabChannel } from '../../src/store/recordSync.ts';
import { FakeStorage } from './fakeStorage.ts';
import { TabChannels } from './tabChannels.ts';

const quotaExceeded = () =>
  Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

/**
 * One browser profile for the keyed-record stores' tests (groups, questionnaires): its IndexedDB,
 * its localStorage and the channel its tabs share.
 */
export class BrowserProfile {
  readonly factory = new IDBFactory();
  readonly localStorage = new FakeStorage();
  /** Every write of a group or a questionnaire fails as on a full disk while set. */
  full = false;
  private readonly channels = new TabChannels();

  channel(): TabChannel {
    return this.channels.open();
  }

  async open(): Promise<CellguardDatabase> {
    const db = await openDatabase(this.factory);
    return {
      ...db,
      writeGroup: (id, decide) => (this.full ? quotaExceeded() : db.writeGroup(id, decide)),
      writeQuestionnaire: (id, decide) =>
        this.full ? quotaExceeded() : db.writeQuestionnaire(id, decide),
    };
  }
}
