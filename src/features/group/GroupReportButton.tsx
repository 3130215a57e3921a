import {
  ReportDownloadStatus,
  useReportDownload,
  type ReportNames,
} from '../../components/report/ReportDownloadStatus.tsx';
import type { ReportFormat } from '../../components/report/reportJob.ts';
import type { ScoredGroupDashboard } from '../../core/group/dashboard.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import './group.css';

const formatName: ReportNames = {
  pdf: 'group PDF',
  docx: 'group Word report',
};

/**
 * "Download group PDF" and its Word twin: the group's report for its board, built in the same
 * worker as a single report so that the page stays responsive, with how far it has got and, if it
 * fails, why in plain words.
 */
export function GroupReportButton({
  dashboard,
  set,
}: {
  dashboard: ScoredGroupDashboard;
  set: QuestionSet;
}) {
  const { state, start } = useReportDownload(formatName);
  const onClick = (format: ReportFormat) =>
    start(format, async (onProgress) => {
      const { exportGroupReport } = await import('../../components/report/reportExport.ts');
      return exportGroupReport({ dashboard, set }, format, onProgress);
    });
  return (
    <div className="report-export panel">
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          onClick={() => void onClick('pdf')}
          disabled={state.kind === 'working'}
          aria-describedby="group-pdf-hint"
        >
          Download group PDF
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void onClick('docx')}
          disabled={state.kind === 'working'}
          aria-describedby="group-pdf-hint"
        >
          Download group Word report (.docx)
        </button>
      </div>
      <p id="group-pdf-hint" className="hint">
        For the group board: the group summary, the heat map, the common gaps and the method, then
        one page per member. The Word file has the same content, editable.
      </p>
      <ReportDownloadStatus
        state={state}
        names={formatName}
        safe="The assessments and the group are safe; reload the page and try again."
      />
    </div>
  );
}
