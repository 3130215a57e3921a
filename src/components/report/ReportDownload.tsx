import { useState } from 'react';
import type { ReportFormat } from './reportJob.ts';

/** Where one report download stands, for the buttons and the status line under them. */
export type ReportDownloadState =
  | { kind: 'idle' }
  /** `percent` once the worker has finished its first step. */
  | { kind: 'working'; format: ReportFormat; percent?: number }
  | { kind: 'done'; format: ReportFormat; warnings: string[] }
  | { kind: 'failed'; format: ReportFormat };

/** What each format's file is called in the page's sentences: "PDF report", "group PDF"… */
export type ReportNames = Readonly<Record<ReportFormat, string>>;

/**
 * Runs one report download at a time: `start(format, run)` calls `run` with a progress callback
 * and keeps where it stands; a failure is logged for whoever supports Cellguard and shown in
 * plain words by ReportDownloadStatus.
 */
export function useReportDownload(names: ReportNames) {
  const [state, setState] = useState<ReportDownloadState>({ kind: 'idle' });
  const start = async (
    format: ReportFormat,
    run: (onProgress: (done: number, total: number) => void) => Promise<string[]>,
  ) => {
    setState({ kind: 'working', format });
    try {
      const warnings = await run((done, total) =>
        setState({ kind: 'working', format, percent: Math.round((done / total) * 100) }),
      );
      setState({ kind: 'done', format, warnings });
    } catch (error) {
      // The details are for whoever supports Cellguard, not for the page.
      console.error(`Cellguard could not make the ${names[format]}`, error);
      setState({ kind: 'failed', format });
    }
  };
  return { state, start };
}

/**
 * The PDF button, then the Word button, each disabled while a report is being made. `describedBy`
 * are the ids of the hints of each; the Word button's explains what the Word file is for.
 */
export function ReportFormatButtons({
  labels,
  onClick,
  state,
  describedBy,
  className,
}: {
  labels: Readonly<Record<ReportFormat, string>>;
  onClick: (format: ReportFormat) => void;
  state: ReportDownloadState;
  describedBy: Readonly<Partial<Record<ReportFormat, string>>>;
  className: string;
}) {
  return (
    <div className={className}>
      {(['pdf', 'docx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className={format === 'pdf' ? 'button primary' : 'button'}
          onClick={() => onClick(format)}
          disabled={state.kind === 'working'}
          aria-describedby={describedBy[format]}
        >
          {labels[format]}
        </button>
      ))}
    </div>
  );
}

/**
 * The live status line of a report download (preparing, done, done with notes) and, when it
 * failed, why in plain words and that `safe` (what the user keeps) is untouched.
 */
export function ReportDownloadStatus({
  state,
  names,
  safe,
}: {
  state: ReportDownloadState;
  names: ReportNames;
  safe: string;
}) {
  return (
    <>
      <div role="status" aria-live="polite">
        {state.kind === 'working' && (
          <p className="muted small">
            Preparing the {names[state.format]}…
            {state.percent === undefined ? '' : ` ${state.percent} %`}
          </p>
        )}
        {state.kind === 'done' && state.warnings.length === 0 && (
          <p className="muted small">The {names[state.format]} has been downloaded.</p>
        )}
        {state.kind === 'done' && state.warnings.length > 0 && (
          <div className="notice warning">
            <p>The {names[state.format]} has been downloaded, with these notes:</p>
            <ul>
              {state.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {state.kind === 'failed' && (
        <p className="notice warning" role="alert">
          The {names[state.format]} could not be made: this browser could not load the report code
          or ran out of memory. {safe}
        </p>
      )}
    </>
  );
}
