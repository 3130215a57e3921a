import { useState } from 'react';
import {
  ReportDownloadStatus,
  ReportFormatButtons,
  useReportDownload,
  type ReportNames,
} from '../../components/report/ReportDownload.tsx';
import type { ReportFormat, ReportRequest } from '../../components/report/reportJob.ts';
import './results.css';

const formatName: ReportNames = {
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
  const { state, start } = useReportDownload(formatName);
  const [issueAsIs, setIssueAsIs] = useState(false);
  const onClick = (format: ReportFormat) =>
    start(format, async (onProgress) => {
      const { exportReport } = await import('../../components/report/reportExport.ts');
      return exportReport({ ...request(), issueAsIs }, format, onProgress);
    });
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
      <ReportFormatButtons
        className="report-buttons"
        labels={{ pdf: 'Download PDF report', docx: 'Download Word report (.docx)' }}
        onClick={(format) => void onClick(format)}
        state={state}
        describedBy={{ docx: 'word-report-hint' }}
      />
      <p id="word-report-hint" className="hint">
        The same content as the PDF, editable, for your own board template.
      </p>
      <ReportDownloadStatus
        state={state}
        names={formatName}
        safe="Your answers are safe; reload the page and try again."
      />
    </div>
  );
}
