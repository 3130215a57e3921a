// Checks the production build in dist/ against its budgets; `npm run check` runs it after
// `npm run build`, so that `npm test` never has to build. Exits 1 with one line per broken rule.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bundleSizes, kb, totalGzip } from './bundleSizes.ts';

const dist = join(import.meta.dirname, '../dist');
const initialBudget = 120 * 1024;

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ has no build: run npm run build first.');
  process.exit(1);
}

const { initial, lazy, assets } = bundleSizes(dist);
const code = (file: string) => readFileSync(join(dist, file), 'utf8');
const initialCode = initial.map((asset) => code(asset.file)).join('\n');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

// The report fonts ship as one chunk, both faces subset and base64-encoded under their PDF names
// (scripts/reportFontsPlugin.ts); only the PDF worker may import it.
const holdsReportFonts = (text: string) =>
  /["'`][A-Z]{6}\+DejaVuSans["'`]/.test(text) && /["'`][A-Z]{6}\+DejaVuSans-Bold["'`]/.test(text);
const fontChunks = lazy.filter((asset) => holdsReportFonts(code(asset.file)));
const fontChunkName = basename(fontChunks[0]?.file ?? 'no font chunk');
const fontImporters = [...initial, ...lazy]
  .filter((asset) => code(asset.file).includes(fontChunkName))
  .map((asset) => basename(asset.file));

const rules: [boolean, string][] = [
  [
    totalGzip(initial) <= initialBudget,
    `the initial load is ${kb(totalGzip(initial))} gzip, over its budget of ${kb(initialBudget)}`,
  ],
  [initial.some((a) => a.file.endsWith('.js')), 'the initial load has no script'],
  [initial.some((a) => a.file.endsWith('.css')), 'the initial load has no stylesheet'],
  [!initialCode.includes('jsPDF'), 'the PDF code is in the initial load'],
  [!initialCode.includes('wordprocessingml'), 'the Word report code is in the initial load'],
  [
    !initialCode.includes('Exploit Public-Facing Application'),
    'the question set is in the initial load',
  ],
  [
    !holdsReportFonts(initialCode) && !/reportExport|reportWorker|report-fonts/.test(html),
    'the fonts or the PDF code load at start',
  ],
  [fontChunks.length === 1, 'the build does not hold the two report fonts in one chunk'],
  [
    fontImporters.length === 1 && fontImporters[0]?.startsWith('reportWorker-') === true,
    `the report fonts are imported by ${fontImporters.join(', ') || 'nothing'}, not only by the PDF worker`,
  ],
  [
    !assets.some((asset) => /\.(ttf|otf|woff2?)$/.test(asset.file)),
    'the build holds a raw font file; the report fonts are subset and pre-encoded at build time',
  ],
];

const broken = rules.filter(([ok]) => !ok).map(([, problem]) => problem);
for (const problem of broken) console.error(`bundle: ${problem}`);
if (broken.length > 0) process.exit(1);
console.log(
  `bundle: initial load ${kb(totalGzip(initial))} gzip (budget ${kb(initialBudget)}); PDF code, fonts and question set load on demand.`,
);
