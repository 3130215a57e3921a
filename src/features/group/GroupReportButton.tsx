import { useState } from 'react';
import type { ScoredGroupDashboard } from '../../core/group/dashboard.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import './group.css';

type State =
  | { kind: 'idle' }
  /** `percent` once the worker has finished its first step. */
  | { kind: 'working'; percent?: number }
  | { kind: 'done'; warnings: string[] }
  | { kind: 'failed' };

/**
 * "Download group PDF": the group's report for its board, built in the same worker as a single
 * report so that the page stays responsive, with how far it has got and, if it fails, why in
 * plain words.
 */
export function GroupReportButton({
  dashboard,
  set,
}: {
  dashboard: ScoredGroupDashboard;
  set: QuestionSet;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onClick = async () => {
    setState({ kind: 'working' });
    try {
      const { exportGroupReport } = await import('../../components/report/reportExport.ts');
      const warnings = await exportGroupReport({ dashboard, set }, (done, total) =>
        setState({ kind: 'working', percent: Math.round((done / total) * 100) }),
      );
      setState({ kind: 'done', warnings });
    } catch (error) {
      // The details are for whoever supports Cellguard, not for the page.
      console.error('Cellguard could not make the group PDF', error);
      setState({ kind: 'failed' });
    }
  };
  return (
    <div className="report-export panel">
      <button
        type="button"
        className="button primary"
        onClick={() => void onClick()}
        disabled={state.kind === 'working'}
        aria-describedby="group-pdf-hint"
      >
        Download group PDF
      </button>
      <p id="group-pdf-hint" className="hint">
        For the group board: the group summary, the heat map, the common gaps and the method, then
        one page per member.
      </p>
      <div role="status" aria-live="polite">
        {state.kind === 'working' && (
          <p className="muted small">
            Preparing the group PDF…{state.percent === undefined ? '' : ` ${state.percent} %`}
          </p>
        )}
        {state.kind === 'done' && state.warnings.length === 0 && (
          <p className="muted small">The group PDF has been downloaded.</p>
        )}
        {state.kind === 'done' && state.warnings.length > 0 && (
          <div className="notice warning">
            <p>The group PDF has been downloaded, with these notes:</p>
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
          The group PDF could not be made: this browser could not load the report code or ran out of
          memory. The assessments and the group are safe; reload the page and try again.
        </p>
      )}
    </div>
  );
}
