import { create } from 'zustand';

export type SaveState = 'saved' | 'failed';

interface SaveStatus {
  state: SaveState;
  /** Plain-words explanation when saving failed. */
  message: string;
  savedAt: number | null;
  markSaved: () => void;
  markFailed: (message: string) => void;
}

/** Whether the last change reached the browser's storage; shown quietly by the app shell. */
export const useSaveStatus = create<SaveStatus>((set) => ({
  state: 'saved',
  message: '',
  savedAt: null,
  markSaved: () => set({ state: 'saved', message: '', savedAt: Date.now() }),
  markFailed: (message) => set({ state: 'failed', message }),
}));
