// The reports are built here, off the page's thread: jsPDF lays out a report in one uninterrupted
// run, from a few hundred milliseconds to seconds for long notes or a large group, which on the
// page would freeze scrolling, typing and the progress shown. reportExport.ts starts it for one
// report and ends it. Each format's code is fetched only when that format is asked for.
import type { ReportJob, ReportWorkerMessage } from './reportJob.ts';

function post(message: ReportWorkerMessage) {
  // The file's buffer is handed over, not copied.
  self.postMessage(message, { transfer: message.kind === 'built' ? [message.file.buffer] : [] });
}

const onProgress = (done: number, total: number) => post({ kind: 'progress', done, total });

/** The report code and the fonts, each a chunk of its own, fetched when a PDF is first asked for. */
const loadPdfCode = () =>
  Promise.all([
    import('../../report/index.ts'),
    // Cached apart from the code: the fonts change far less often.
    import('virtual:cellguard/report-fonts'),
  ]);

async function build(job: ReportJob) {
  try {
    if (job.kind === 'group' && job.format === 'docx') {
      const { buildGroupWordReport } = await import('../../report/word/index.ts');
      const file = await buildGroupWordReport({ ...job.request, generatedAt: job.generatedAt });
      post({ kind: 'built', file, warnings: [] });
      return;
    }
    if (job.kind === 'group') {
      const [{ buildGroupReport }, { default: fonts }] = await loadPdfCode();
      const report = buildGroupReport({
        ...job.request,
        fonts,
        generatedAt: job.generatedAt,
        onProgress,
      });
      post({ kind: 'built', file: report.pdf, warnings: report.warnings });
      return;
    }
    const { request, format, generatedAt } = job;
    if (format === 'docx') {
      const { buildWordReport } = await import('../../report/word/index.ts');
      const file = await buildWordReport({ ...request, generatedAt });
      post({ kind: 'built', file, warnings: [] });
      return;
    }
    const [{ buildReport }, { default: fonts }] = await loadPdfCode();
    const report = buildReport({ ...request, fonts, generatedAt, onProgress });
    post({ kind: 'built', file: report.pdf, warnings: report.warnings });
  } catch (error) {
    post({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}

self.addEventListener('message', (event: MessageEvent<ReportJob>) => void build(event.data));
