import { downloadFile } from '../components/download.ts';
import { useSaveStatus } from '../store/index.ts';

/** Shown when saved data could not be read: what happened, and the untouched copy to take away. */
export function RecoveryBanner() {
  const recovery = useSaveStatus((state) => state.recovery);
  const dismiss = useSaveStatus((state) => state.dismissRecovery);
  if (!recovery) return null;
  const download = () => {
    const raw = localStorage.getItem(recovery.copyKey);
    if (raw !== null) downloadFile(raw, 'cellguard-unreadable-data.json', 'application/json');
  };
  return (
    <div className="notice warning recovery-banner" role="alert">
      <p>
        <strong>Some saved data could not be read.</strong> {recovery.message}{' '}
        {recovery.copyKey
          ? 'Nothing was deleted: an untouched copy is kept in this browser. Download it and send it to whoever supports Cellguard for you, or keep it until you no longer need it.'
          : ''}
      </p>
      <div className="button-row">
        {recovery.copyKey && (
          <button type="button" className="button" onClick={download}>
            Download the unreadable copy
          </button>
        )}
        <button type="button" className="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
