import { create } from 'zustand';

export type SaveState = 'saved' | 'failed';

export interface StorageStatus {
  state: SaveState;
  /** Plain-words explanation when saving failed. */
  message: string;
  savedAt: number | null;
  /** Saved data that could not be read, and the number of its untouched copy, if one was kept. */
  recovery: { copy: number | undefined; message: string } | null;
  /** Bumped whenever another tab's changes were loaded, so open forms can refresh. */
  externalChanges: number;
  markSaved: () => void;
  markFailed: (message: string) => void;
  markRecovered: (copy: number | undefined, message: string) => void;
  dismissRecovery: () => void;
  markExternalChange: () => void;
}

/** What the user must know about storage: the last save, and any data that could not be read. */
export const useSaveStatus = create<StorageStatus>((set) => ({
  state: 'saved',
  message: '',
  savedAt: null,
  recovery: null,
  externalChanges: 0,
  markSaved: () => set({ state: 'saved', message: '', savedAt: Date.now() }),
  markFailed: (message) => set({ state: 'failed', message }),
  markRecovered: (copy, message) => set({ recovery: { copy, message } }),
  dismissRecovery: () => set({ recovery: null }),
  markExternalChange: () => set((state) => ({ externalChanges: state.externalChanges + 1 })),
}));
