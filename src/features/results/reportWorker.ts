// The PDF is built here, off the page's thread: jsPDF lays out a report in one uninterrupted run,
// from a few hundred milliseconds to seconds for long notes, which on the page would freeze
// scrolling, typing and the progress shown. reportExport.ts starts it for one report and ends it.
import { buildReport } from '../../report/index.ts';
import type { ReportJob, ReportWorkerMessage } from './reportJob.ts';

function post(message: ReportWorkerMessage) {
  // The PDF's buffer is handed over, not copied.
  self.postMessage(message, { transfer: message.kind === 'built' ? [message.pdf.buffer] : [] });
}

async function build({ request, generatedAt }: ReportJob) {
  try {
    // A chunk of its own, cached apart from the code: the fonts change far less often.
    const { default: fonts } = await import('virtual:cellguard/report-fonts');
    const report = buildReport({
      ...request,
      fonts,
      generatedAt,
      onProgress: (done, total) => post({ kind: 'progress', done, total }),
    });
    post({ kind: 'built', pdf: report.pdf, warnings: report.warnings });
  } catch (error) {
    post({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}

self.addEventListener('message', (event: MessageEvent<ReportJob>) => void build(event.data));
