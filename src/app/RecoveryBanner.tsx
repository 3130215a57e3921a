import { downloadFile } from '../components/download.ts';
import { recoveredCopy, useSaveStatus } from '../store/index.ts';

/** Shown when saved data could not be read: what happened, and the untouched copy to take away. */
export function RecoveryBanner() {
  const recovery = useSaveStatus((state) => state.recovery);
  const dismiss = useSaveStatus((state) => state.dismissRecovery);
  if (!recovery) return null;
  const { copy } = recovery;
  const download = async (kept: number) => {
    const raw = await recoveredCopy(kept);
    if (raw !== undefined) downloadFile(raw, 'cellguard-unreadable-data.json', 'application/json');
  };
  return (
    <div className="notice warning recovery-banner" role="alert">
      <p>
        <strong>Some saved data could not be read.</strong> {recovery.message}{' '}
        {copy !== undefined
          ? 'Nothing was deleted: an untouched copy is kept in this browser. Download it and send it to whoever supports Cellguard for you, or keep it until you no longer need it.'
          : ''}
      </p>
      <div className="button-row">
        {copy !== undefined && (
          <button type="button" className="button" onClick={() => void download(copy)}>
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
