// npm run bench: every performance figure of docs/performance.md, printed as one table.
// Node timings are medians of repeated runs; browser figures come from Debian's Chromium on
// 127.0.0.1. Budgets are reported here, not asserted (the size budget is also a test).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Answer, Assessment } from '../src/core/assessment/model.ts';
import { parseAssessmentText } from '../src/core/assessment/parseFile.ts';
import { plan } from '../src/core/planning/plan.ts';
import type { QuestionSet } from '../src/core/questionSet/schema.ts';
import { score } from '../src/core/scoring/score.ts';
import { loadQuestionSetFolder } from '../src/node/questionSetFolder.ts';
import { loadReportFonts } from '../src/node/reportFonts.ts';
import { buildReport } from '../src/report/index.ts';
import { firstRender, inputLatency, median, seedAssessment } from './benchBrowser.ts';
import { bundleSizes, kb, totalGzip } from './bundleSizes.ts';
import { launchChromium, uncappedFrameFlags } from './chromium.ts';
import { ensureFreshBuild } from './freshBuild.mjs';
import { scaleSet } from './scaleSet.ts';
import { serveDirectory } from './staticServer.ts';

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
const section = (title: string) =>
  rows.push({ measure: `— ${title}`, value: '', budget: '', verdict: '' });

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

// ——— builds
if (!ensureFreshBuild()) process.exit(1);
const surveyBuild = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--config', 'scripts/surveyjs/vite.config.ts'],
  {
    stdio: 'inherit',
  },
);
if (surveyBuild.status !== 0) process.exit(1);

const loaded = loadQuestionSetFolder('questions/softcell');
if (!loaded.ok)
  throw new Error(
    'the shipped question set is invalid; run npm run cli -- validate questions/softcell',
  );
const set = loaded.value;
const middle = parseAssessmentText(
  readFileSync('tests/fixtures/assessments/middle-profile.json', 'utf8'),
  set,
);
if (!middle.ok) throw new Error('the middle-profile fixture is invalid');

// ——— sizes
section('bundle (gzip)');
const ours = bundleSizes('dist');
const oursInitial = totalGzip(ours.initial);
report(
  'initial load: entry, preloads and CSS',
  kb(oursInitial),
  '≤ 120 KB',
  oursInitial <= 120 * 1024,
);
for (const asset of ours.initial)
  report(`  ${asset.file.replace(/-[\w-]{8}\./, '.')}`, kb(asset.gzip));
for (const asset of [...ours.lazy].sort((a, b) => b.gzip - a.gzip)) {
  report(`  lazy ${asset.file.replace(/-[\w-]{8}\./, '.')}`, kb(asset.gzip));
}
for (const asset of ours.assets.filter((a) => a.file.endsWith('.ttf'))) {
  report(`  lazy font ${asset.file.replace(/-[\w-]{8}\./, '.')}`, kb(asset.gzip));
}
const survey = bundleSizes('dist-bench/surveyjs');
const surveyInitial = totalGzip(survey.initial);
report('SurveyJS build of the same set: initial load', kb(surveyInitial));
report('  SurveyJS / Cellguard initial size', `${(surveyInitial / oursInitial).toFixed(1)}×`);

// ——— engine in Node
section('engine (Node)');
const random = seeded(20261126);
const assessments = Array.from({ length: 1000 }, () => ({ answers: randomAnswers(set, random) }));
const scoreThousand = timeMs(() => assessments.forEach((a) => score(set, a)), 15);
report(
  'score 1,000 assessments (shipped set)',
  `${scoreThousand.toFixed(1)} ms`,
  '< 100 ms',
  scoreThousand < 100,
);
const planShipped = timeMs(() => plan(set, middle.value.assessment), 50);
report(
  `plan the shipped set (${plan(set, middle.value.assessment).actions.length} actions)`,
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
const shippedPdf = timeMs(() => pdfOf(set, middle.value.assessment), 7);
const large = scaleSet(set, middle.value.assessment, 10);
const largePdf = timeMs(() => pdfOf(large.set, large.assessment), 3);
report(
  `PDF, shipped set (${set.questions.length} questions, ${pdfOf(set, middle.value.assessment).pageCount} pages)`,
  `${shippedPdf.toFixed(0)} ms`,
  '≤ 300 ms',
  shippedPdf <= 300,
);
report(
  `PDF, 10× set (${large.set.questions.length} questions, ${pdfOf(large.set, large.assessment).pageCount} pages)`,
  `${largePdf.toFixed(0)} ms`,
);
report(
  'PDF time ratio, 10× set / shipped set',
  `${(largePdf / shippedPdf).toFixed(1)}×`,
  '≤ 12×',
  largePdf / shippedPdf <= 12,
);

// ——— browser
section('browser (Chromium, 127.0.0.1)');
const app = await serveDirectory('dist');
const surveyServer = await serveDirectory('dist-bench/surveyjs');
const browser = await launchChromium();
try {
  const home = await firstRender(browser, app.url, '#home-title', 9);
  report('first contentful paint, home', `${home.firstContentfulPaint.toFixed(0)} ms`);
  const seed = seedAssessment(middle.value.assessment);
  const oursStep = await firstRender(
    browser,
    `${app.url}#/a/bench/step/EXP`,
    '#question-EXP-01',
    9,
    seed,
  );
  const surveyStep = await firstRender(browser, surveyServer.url, '.sd-question', 9);
  report('first step rendered (cold load): Cellguard', `${oursStep.firstRender.toFixed(0)} ms`);
  report('first step rendered (cold load): SurveyJS', `${surveyStep.firstRender.toFixed(0)} ms`);
  report(
    '  SurveyJS / Cellguard first render',
    `${(surveyStep.firstRender / oursStep.firstRender).toFixed(1)}×`,
  );
} finally {
  await browser.close();
}

// Input latency in a browser whose frames are not paced by an emulated vsync (see chromium.ts).
const uncapped = await launchChromium(uncappedFrameFlags);
try {
  const seed = seedAssessment(middle.value.assessment);
  const largest = [...set.domains].sort(
    (a, b) =>
      set.questions.filter((q) => q.domain === b.id).length -
      set.questions.filter((q) => q.domain === a.id).length,
  )[0];
  const stepQuestions = set.questions.filter((q) => q.domain === largest?.id);
  const measure = async (hash: string, input: string, clicks: readonly string[]) => {
    const context = await uncapped.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await seed(page);
    await page.goto(`${app.url}${hash}`);
    await page.waitForSelector(input);
    const result = await inputLatency(page, input, clicks, 120);
    await context.close();
    return result;
  };
  const clicks = stepQuestions.flatMap((q) =>
    q.options.slice(0, 3).map((o) => `label[for="${q.id}-${o.id}"]`),
  );
  // Three sessions; the median of their figures, since a 2-core machine shared with the bench
  // itself adds scheduling noise to any single run.
  const sessions: Awaited<ReturnType<typeof measure>>[] = [];
  for (let run = 0; run < 3; run += 1) {
    sessions.push(
      await measure(`#/a/bench/step/${largest?.id}`, `#${stepQuestions[0]?.id}-note`, clicks),
    );
  }
  const pick = (figure: (session: (typeof sessions)[number]) => number) =>
    median(sessions.map(figure));
  const baseline = await measure('#/new', '#organisation', []);
  const typingP95 = pick((s) => s.typing.p95);
  report(
    `typing in a note, largest step (${largest?.id}, 3 × ${sessions[0]?.typing.samples} keys): p50`,
    `${pick((s) => s.typing.p50).toFixed(1)} ms`,
  );
  report(
    'typing in a note, largest step: p95',
    `${typingP95.toFixed(1)} ms`,
    '≤ 16 ms',
    typingP95 <= 16,
  );
  report('  script, style and layout per keystroke', `${pick((s) => s.workPerKey).toFixed(2)} ms`);
  report(
    `clicking options, largest step (3 × ${sessions[0]?.clicking.samples} clicks): p50 / p95`,
    `${pick((s) => s.clicking.p50).toFixed(1)} / ${pick((s) => s.clicking.p95).toFixed(1)} ms`,
  );
  report(
    `  baseline, one plain text field (${baseline.typing.samples} keys): p50 / p95`,
    `${baseline.typing.p50.toFixed(1)} / ${baseline.typing.p95.toFixed(1)} ms`,
  );
} finally {
  await uncapped.close();
  await app.close();
  await surveyServer.close();
}

const widths = { measure: 58, value: 12, budget: 10 };
console.log(
  `\nCellguard bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
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
