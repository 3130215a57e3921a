import { useEffect, useState } from 'react';
import { formatBytes } from '../../core/format.ts';
import { askToKeepData, storageUse, useAssessments, type StorageUse } from '../../store/index.ts';

/**
 * How much room Cellguard takes in this browser and whether the browser promises to keep it:
 * without that promise, a browser short of space may clear a site's data on its own.
 */
export function StorageUsePanel() {
  const assessments = useAssessments((state) => state.assessments);
  const [use, setUse] = useState<StorageUse | undefined | 'unknown'>(undefined);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    let current = true;
    void storageUse().then((measured) => {
      if (current) setUse(measured ?? 'unknown');
    });
    return () => {
      current = false;
    };
  }, [assessments]);

  if (use === undefined) return <p className="hint">Measuring the storage used…</p>;
  if (use === 'unknown')
    return <p className="hint">This browser does not say how much storage Cellguard uses.</p>;
  return (
    <div className="storage-use">
      <p>
        Cellguard uses <strong>{formatBytes(use.usedBytes)}</strong> of the{' '}
        {formatBytes(use.quotaBytes)} this browser allows it.
      </p>
      {use.persisted ? (
        <p className="hint">This browser has promised to keep this data until you erase it.</p>
      ) : (
        <>
          <p className="hint">
            This browser may clear this data on its own when the device is short of space. Ask it to
            keep the data, and back it up to a file.
          </p>
          <button
            type="button"
            className="button"
            onClick={() =>
              void askToKeepData().then(async (granted) => {
                setRefused(!granted);
                setUse((await storageUse()) ?? 'unknown');
              })
            }
          >
            Ask the browser to keep this data
          </button>
          {refused && (
            <p className="hint" role="status">
              The browser did not agree. It decides by how much the site is used; a backup file
              keeps your work safe whatever it decides.
            </p>
          )}
        </>
      )}
    </div>
  );
}
