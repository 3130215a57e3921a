import { useSaveStatus } from '../../src/store/saveStatus.ts';

/** Puts the storage status back to its starting state between tests. */
export function resetSaveStatus() {
  useSaveStatus.setState({
    state: 'saved',
    message: '',
    savedAt: null,
    recovery: null,
    externalChanges: 0,
  });
}
