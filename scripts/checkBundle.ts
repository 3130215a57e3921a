// Checks the production build in dist/ against its budgets; `npm run check` runs it after
// `npm run build`, so that `npm test` never has to build. Exits 1 with one line per broken rule.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSizes, kb, totalGzip } from './bundleSizes.ts';

const dist = join(import.meta.dirname, '../dist');
const initialBudget = 120 * 1024;

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ has no build: run npm run build first.');
  process.exit(1);
}

const { initial, assets } = bundleSizes(dist);
const initialCode = initial.map((asset) => readFileSync(join(dist, asset.file), 'utf8')).join('\n');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const rules: [boolean, string][] = [
  [
    totalGzip(initial) <= initialBudget,
    `the initial load is ${kb(totalGzip(initial))} gzip, over its budget of ${kb(initialBudget)}`,
  ],
  [initial.some((a) => a.file.endsWith('.js')), 'the initial load has no script'],
  [initial.some((a) => a.file.endsWith('.css')), 'the initial load has no stylesheet'],
  [!initialCode.includes('jsPDF'), 'the PDF code is in the initial load'],
  [
    !initialCode.includes('Exploit Public-Facing Application'),
    'the question set is in the initial load',
  ],
  [!/\.ttf/.test(initialCode) && !/\.ttf|reportExport/.test(html), 'the fonts load at start'],
  [
    assets.filter((asset) => asset.file.endsWith('.ttf')).length === 2,
    'the build does not hold the two report fonts',
  ],
];

const broken = rules.filter(([ok]) => !ok).map(([, problem]) => problem);
for (const problem of broken) console.error(`bundle: ${problem}`);
if (broken.length > 0) process.exit(1);
console.log(
  `bundle: initial load ${kb(totalGzip(initial))} gzip (budget ${kb(initialBudget)}); PDF code, fonts and question set load on demand.`,
);
