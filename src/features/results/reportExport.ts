// Loaded only when the user asks for a report. The report code, jsPDF, docx and the fonts are not
// even loaded here: they are the worker's, fetched when it needs them.
import { assessmentFileName, downloadFile } from '../../components/download.ts';
import { progressOf } from '../../core/scoring/progress.ts';
import type { ReportFormat, ReportJob, ReportRequest, ReportWorkerMessage } from './reportJob.ts';

const mimeTypes: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Builds the report in a worker, reporting `onProgress(done, total)` as it goes, and hands it to
 * the browser's download; returns the warnings.
 */
export function exportReport(
  request: ReportRequest,
  format: ReportFormat,
  onProgress: (done: number, total: number) => void,
): Promise<string[]> {
  // A file of the app's own origin: the page's policy allows no blob: or data: worker.
  const worker = new Worker(new URL('./reportWorker.ts', import.meta.url), {
    type: 'module',
    name: 'cellguard-report',
  });
  return new Promise<string[]>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ReportWorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') {
        onProgress(message.done, message.total);
        return;
      }
      worker.terminate();
      if (message.kind === 'failed') {
        reject(new Error(`the report worker failed: ${message.reason}`));
        return;
      }
      // A draft and the issued report of one cycle must not overwrite each other in Downloads.
      const draft =
        !request.issueAsIs && progressOf(request.set, request.assessment.answers).unconfirmed > 0
          ? '-draft'
          : '';
      const name = assessmentFileName(request.assessment, `${draft}.${format}`);
      downloadFile(message.file, name, mimeTypes[format]);
      resolve(message.warnings);
    });
    // The worker's script could not be fetched or run, or a message could not be read.
    const fail = (event: Event) => {
      worker.terminate();
      reject(
        new Error(
          `the report worker stopped: ${event instanceof ErrorEvent ? event.message : event.type}`,
        ),
      );
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    worker.postMessage({ request, format, generatedAt: new Date() } satisfies ReportJob);
  });
}
