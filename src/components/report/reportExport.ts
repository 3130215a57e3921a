// Loaded only when the user asks for a report. The report code, jsPDF, docx and the fonts are not
// even loaded here: they are the worker's, fetched when it needs them.
import { progressOf } from '../../core/scoring/progress.ts';
import { assessmentFileName, downloadFile, fileSafe } from '../download.ts';
import type {
  GroupReportRequest,
  ReportFormat,
  ReportJob,
  ReportRequest,
  ReportWorkerMessage,
} from './reportJob.ts';

const mimeTypes: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Runs one job in a worker of its own, reporting `onProgress(done, total)` as it goes; resolves
 * with the file's bytes and the warnings, and ends the worker either way.
 */
function runInWorker(
  job: ReportJob,
  onProgress: (done: number, total: number) => void,
): Promise<{ file: Uint8Array<ArrayBuffer>; warnings: string[] }> {
  // A file of the app's own origin: the page's policy allows no blob: or data: worker.
  const worker = new Worker(new URL('./reportWorker.ts', import.meta.url), {
    type: 'module',
    name: 'cellguard-report',
  });
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ReportWorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') {
        onProgress(message.done, message.total);
        return;
      }
      worker.terminate();
      if (message.kind === 'failed')
        reject(new Error(`the report worker failed: ${message.reason}`));
      else resolve({ file: message.file, warnings: message.warnings });
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
    worker.postMessage(job);
  });
}

/**
 * Builds one assessment's report in a worker, reporting `onProgress(done, total)` as it goes, and
 * hands it to the browser's download; returns the warnings.
 */
export async function exportReport(
  request: ReportRequest,
  format: ReportFormat,
  onProgress: (done: number, total: number) => void,
): Promise<string[]> {
  const job: ReportJob = { kind: 'assessment', request, format, generatedAt: new Date() };
  const { file, warnings } = await runInWorker(job, onProgress);
  // A draft and the issued report of one cycle must not overwrite each other in Downloads.
  const draft =
    !request.issueAsIs && progressOf(request.set, request.assessment.answers).unconfirmed > 0
      ? '-draft'
      : '';
  downloadFile(
    file,
    assessmentFileName(request.assessment, `${draft}.${format}`),
    mimeTypes[format],
  );
  return warnings;
}

/** "cellguard-group-Northwind-Group-2026-11-26.pdf": the group's name and the day it was made. */
export const groupReportFileName = (
  groupName: string,
  generatedAt: Date,
  format: ReportFormat,
): string =>
  `cellguard-group-${fileSafe(groupName, 'group')}-${generatedAt.toISOString().slice(0, 10)}.${format}`;

/**
 * Builds a group's report in the same worker as a single report, reporting progress as it goes,
 * and hands it to the browser's download; returns the warnings.
 */
export async function exportGroupReport(
  request: GroupReportRequest,
  format: ReportFormat,
  onProgress: (done: number, total: number) => void,
): Promise<string[]> {
  const generatedAt = new Date();
  const job: ReportJob = { kind: 'group', request, format, generatedAt };
  const { file, warnings } = await runInWorker(job, onProgress);
  downloadFile(
    file,
    groupReportFileName(request.dashboard.group.name, generatedAt, format),
    mimeTypes[format],
  );
  return warnings;
}
