import { useState } from 'react';
import type { ReportRequest } from './reportExport.ts';
import './results.css';

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; warnings: string[] }
  | { kind: 'failed'; message: string };

/** "Download PDF report": loads the report code on first use and says plainly what happened. */
export function ReportButton({ request }: { request: () => ReportRequest }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onClick = async () => {
    setState({ kind: 'working' });
    try {
      const { exportReport } = await import('./reportExport.ts');
      setState({ kind: 'done', warnings: await exportReport(request()) });
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
      <button
        type="button"
        className="button primary"
        onClick={() => void onClick()}
        disabled={state.kind === 'working'}
      >
        {state.kind === 'working' ? 'Preparing the PDF…' : 'Download PDF report'}
      </button>
      <div role="status" aria-live="polite">
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
