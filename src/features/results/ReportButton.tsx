import { useState } from 'react';
import type { ReportFormat, ReportRequest } from '../../components/report/reportJob.ts';
import './results.css';

type State =
  | { kind: 'idle' }
  /** `percent` once the worker has finished its first step. */
  | { kind: 'working'; format: ReportFormat; percent?: number }
  | { kind: 'done'; format: ReportFormat; warnings: string[] }
  | { kind: 'failed'; message: string };

const formatName: Readonly<Record<ReportFormat, string>> = {
  pdf: 'PDF report',
  docx: 'Word report',
};

/**
 * "Download PDF report" and "Download Word report": builds the file in a worker, so the page
 * stays responsive, shows how far it has got, and says plainly what happened. The Word file has
 * the PDF's content, for a team that pastes it into its own board template.
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
  const onClick = async (format: ReportFormat) => {
    setState({ kind: 'working', format });
    try {
      const { exportReport } = await import('../../components/report/reportExport.ts');
      const warnings = await exportReport({ ...request(), issueAsIs }, format, (done, total) =>
        setState({ kind: 'working', format, percent: Math.round((done / total) * 100) }),
      );
      setState({ kind: 'done', format, warnings });
    } catch (error) {
      // The details are for whoever supports Cellguard, not for the page.
      console.error(`Cellguard could not make the ${formatName[format]}`, error);
      setState({
        kind: 'failed',
        message: `The ${formatName[format]} could not be made: this browser could not load the report code or ran out of memory. Your answers are safe; reload the page and try again.`,
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
            Without this the report is marked DRAFT on every page. Either way it says how many
            answers are carried over and not confirmed.
          </p>
        </div>
      )}
      <div className="report-buttons">
        <button
          type="button"
          className="button primary"
          onClick={() => void onClick('pdf')}
          disabled={state.kind === 'working'}
        >
          Download PDF report
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void onClick('docx')}
          disabled={state.kind === 'working'}
          aria-describedby="word-report-hint"
        >
          Download Word report (.docx)
        </button>
      </div>
      <p id="word-report-hint" className="hint">
        The same content as the PDF, editable, for your own board template.
      </p>
      <div role="status" aria-live="polite">
        {state.kind === 'working' && (
          <p className="muted small">
            Preparing the {formatName[state.format]}…
            {state.percent === undefined ? '' : ` ${state.percent} %`}
          </p>
        )}
        {state.kind === 'done' && state.warnings.length === 0 && (
          <p className="muted small">The {formatName[state.format]} has been downloaded.</p>
        )}
        {state.kind === 'done' && state.warnings.length > 0 && (
          <div className="notice warning">
            <p>The {formatName[state.format]} has been downloaded, with these notes:</p>
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
