import {
  ReportDownloadStatus,
  ReportFormatButtons,
  useReportDownload,
  type ReportNames,
} from '../../components/report/ReportDownload.tsx';
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
      <ReportFormatButtons
        className="button-row"
        labels={{ pdf: 'Download group PDF', docx: 'Download group Word report (.docx)' }}
        onClick={(format) => void onClick(format)}
        state={state}
        describedBy={{ pdf: 'group-pdf-hint', docx: 'group-pdf-hint' }}
      />
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
