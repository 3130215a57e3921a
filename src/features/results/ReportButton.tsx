import { useState } from 'react';
import type { ReportRequest } from './reportJob.ts';
import './results.css';

type State =
  | { kind: 'idle' }
  /** `percent` once the worker has finished its first step. */
  | { kind: 'working'; percent?: number }
  | { kind: 'done'; warnings: string[] }
  | { kind: 'failed'; message: string };

/**
 * "Download PDF report": builds the PDF in a worker, so the page stays responsive, shows how far
 * it has got, and says plainly what happened.
 */
export function ReportButton({
  request,
  unconfirmed,
}: {
  request: () => ReportRequest;
  /** Carried-over answers nobody has confirmed: the PDF is a draft unless issued as it is. */
  unconfirmed: number;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [issueAsIs, setIssueAsIs] = useState(false);
  const onClick = async () => {
    setState({ kind: 'working' });
    try {
      const { exportReport } = await import('./reportExport.ts');
      const warnings = await exportReport({ ...request(), issueAsIs }, (done, total) =>
        setState({ kind: 'working', percent: Math.round((done / total) * 100) }),
      );
      setState({ kind: 'done', warnings });
    } catch (error) {
      // The details are for whoever supports Cellguard, not for the page.
      console.error('Cellguard could not make the PDF', error);
      setState({
        kind: 'failed',
        message:
          'The PDF could not be made: this browser could not load the report code or ran out of memory. Your answers are safe; reload the page and try again.',
      });
    }
  };
  return (
    <div className="report-export">
      {unconfirmed > 0 && (
        <div className="checkbox-field">
          <input
            type="checkbox"
            id="issue-as-is"
            checked={issueAsIs}
            onChange={(event) => setIssueAsIs(event.target.checked)}
            aria-describedby="issue-as-is-hint"
          />
          <label htmlFor="issue-as-is">
            Issue the report with the {unconfirmed} unconfirmed answer{unconfirmed === 1 ? '' : 's'}{' '}
            as they are
          </label>
          <p id="issue-as-is-hint" className="hint">
            Without this the PDF is marked DRAFT on every page. Either way it says how many answers
            are carried over and not confirmed.
          </p>
        </div>
      )}
      <button
        type="button"
        className="button primary"
        onClick={() => void onClick()}
        disabled={state.kind === 'working'}
      >
        Download PDF report
      </button>
      <div role="status" aria-live="polite">
        {state.kind === 'working' && (
          <p className="muted small">
            Preparing the PDF…{state.percent === undefined ? '' : ` ${state.percent} %`}
          </p>
        )}
        {state.kind === 'done' && state.warnings.length === 0 && (
          <p className="muted small">The PDF report has been downloaded.</p>
        )}
        {state.kind === 'done' && state.warnings.length > 0 && (
          <div className="notice warning">
            <p>The PDF report has been downloaded, with these notes:</p>
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
          {state.message}
        </p>
      )}
    </div>
  );
}
