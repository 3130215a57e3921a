import type { TabChannel } from '../../src/store/recordSync.ts';

/**
 * The BroadcastChannel of one test browser's tabs: every other tab hears a message, later, never
 * the sender.
 */
export class TabChannels {
  private readonly listeners = new Set<(event: { data: unknown }) => void>();

  /** A tab's end of the channel. */
  open(): TabChannel {
    const own = new Set<(event: { data: unknown }) => void>();
    return {
      postMessage: (data) => {
        for (const listener of this.listeners)
          if (!own.has(listener)) setTimeout(() => listener({ data }), 0);
      },
      addEventListener: (_type, listener) => {
        own.add(listener);
        this.listeners.add(listener);
      },
    };
  }
}
