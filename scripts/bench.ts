// npm run bench: the performance figures of docs/performance.md, printed as one table.
// Timings are medians of repeated runs on this machine; budgets are reported, not asserted.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Answer, Assessment } from '../src/core/assessment/model.ts';
import { parseAssessmentText } from '../src/core/assessment/parseFile.ts';
import { plan } from '../src/core/planning/plan.ts';
import type { QuestionSet } from '../src/core/questionSet/schema.ts';
import { score } from '../src/core/scoring/score.ts';
import { loadQuestionSetFolder } from '../src/cli/questionSetFolder.ts';
import { loadReportFonts } from '../src/cli/reportFonts.ts';
import { buildReport } from '../src/report/index.ts';
import { scaleSet } from './scaleSet.ts';

interface Row {
  measure: string;
  value: string;
  budget: string;
  verdict: string;
}

const rows: Row[] = [];
const report = (measure: string, value: string, budget = '', within?: boolean) =>
  rows.push({
    measure,
    value,
    budget,
    verdict: within === undefined ? '' : within ? 'ok' : 'OVER',
  });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeMs(run: () => void, repeats: number): number {
  run(); // warm-up, so the JIT has compiled the code being measured
  return median(
    Array.from({ length: repeats }, () => {
      const start = performance.now();
      run();
      return performance.now() - start;
    }),
  );
}

/** A deterministic pseudo-random generator, so every run scores the same 1,000 assessments. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomAnswers(set: QuestionSet, random: () => number): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const question of set.questions) {
    const roll = random();
    if (roll < 0.05) continue;
    if (roll < 0.1) answers[question.id] = { choice: 'unknown' };
    else if (roll < 0.13) answers[question.id] = { choice: 'na', note: 'bench' };
    else
      answers[question.id] = {
        choice: question.options[Math.floor(random() * question.options.length)]?.id ?? 'unknown',
      };
  }
  return answers;
}

const loaded = loadQuestionSetFolder('questions/softcell');
if (!loaded.ok)
  throw new Error(
    'the shipped question set is invalid; run npm run cli -- validate questions/softcell',
  );
const set = loaded.set;
const middle = parseAssessmentText(
  readFileSync('tests/fixtures/assessments/middle-profile.json', 'utf8'),
  set,
);
if (!middle.ok) throw new Error('the middle-profile fixture is invalid');

const random = seeded(20261126);
const assessments = Array.from({ length: 1000 }, () => ({ answers: randomAnswers(set, random) }));
const scoreThousand = timeMs(() => assessments.forEach((a) => score(set, a)), 15);
report(
  'score 1,000 assessments (shipped set)',
  `${scoreThousand.toFixed(1)} ms`,
  '< 100 ms',
  scoreThousand < 100,
);

const planShipped = timeMs(() => plan(set, middle.assessment), 50);
report(
  `plan the shipped set (${plan(set, middle.assessment).actions.length} actions)`,
  `${planShipped.toFixed(2)} ms`,
);

const fonts = loadReportFonts();
function pdfOf(questionSet: QuestionSet, assessment: Assessment) {
  const result = score(questionSet, assessment);
  return buildReport({
    set: questionSet,
    assessment,
    result,
    plan: plan(questionSet, assessment, result),
    fonts,
    generatedAt: new Date(),
  });
}
const shippedPdf = timeMs(() => pdfOf(set, middle.assessment), 7);
const large = scaleSet(set, middle.assessment, 10);
const largePdf = timeMs(() => pdfOf(large.set, large.assessment), 3);
const shippedPages = pdfOf(set, middle.assessment).pageCount;
const largePages = pdfOf(large.set, large.assessment).pageCount;
report(
  `PDF, shipped set (${set.questions.length} questions, ${shippedPages} pages)`,
  `${shippedPdf.toFixed(0)} ms`,
  '≤ 300 ms',
  shippedPdf <= 300,
);
report(
  `PDF, 10× set (${large.set.questions.length} questions, ${largePages} pages)`,
  `${largePdf.toFixed(0)} ms`,
);
const ratio = largePdf / shippedPdf;
report('PDF time ratio, 10× set / shipped set', `${ratio.toFixed(1)}×`, '≤ 12×', ratio <= 12);

const widths = { measure: 46, value: 14, budget: 12 };
console.log(
  `Cellguard bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
);
console.log(
  `${'measure'.padEnd(widths.measure)} ${'value'.padStart(widths.value)} ${'budget'.padStart(widths.budget)}  verdict`,
);
console.log('-'.repeat(widths.measure + widths.value + widths.budget + 11));
for (const row of rows) {
  console.log(
    `${row.measure.padEnd(widths.measure)} ${row.value.padStart(widths.value)} ${row.budget.padStart(widths.budget)}  ${row.verdict}`,
  );
}
