import { useSaveStatus } from '../store/index.ts';

/** A quiet "Saved", or a plain explanation when the last change could not be stored. */
export function SaveStatus() {
  const { state, message, savedAt } = useSaveStatus();
  if (state === 'failed') {
    return (
      <p className="save-status failed" role="alert">
        Not saved: {message}
      </p>
    );
  }
  return (
    <p className="save-status" role="status" aria-live="polite">
      {savedAt ? 'All changes saved in this browser' : ''}
    </p>
  );
}
