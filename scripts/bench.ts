// npm run bench: every performance figure of docs/performance.md, printed as one table with its
// budgets and verdicts. Budgets are reported here, never asserted as timed tests: a 2-core machine
// shared with the bench's own process is too noisy for pass/fail timing.
//
// BENCH_DIST=<folder> measures another build (such as the last commit's, for a before/after) with
// the same harness; by default dist/ is measured, built first if it is stale. The Node figures are
// always those of the source tree the bench runs in.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Answer, Assessment } from '../src/core/assessment/model.ts';
import { parseAssessmentText } from '../src/core/assessment/parseFile.ts';
import { plan } from '../src/core/planning/plan.ts';
import { groupDashboard } from '../src/core/group/dashboard.ts';
import type { QuestionSet } from '../src/core/questionSet/schema.ts';
import { score } from '../src/core/scoring/score.ts';
import { loadQuestionSetFolder } from '../src/node/questionSetFolder.ts';
import { loadReportFonts } from '../src/node/reportFonts.ts';
import { buildReport } from '../src/report/index.ts';
import { buildWordReport } from '../src/report/word/index.ts';
import {
  firstDrawn,
  groupDashboardTimes,
  inputLatency,
  median,
  openSeeded,
  pdfBuilds,
  viewport,
} from './benchBrowser.ts';
import { benchSeed, groupBenchSeed, seeded, type BenchSeed } from './benchSeed.ts';
import { bundleSizes, kb, totalGzip } from './bundleSizes.ts';
import { launchChromium, uncappedFrameFlags } from './chromium.ts';
import { ensureFreshBuild } from './freshBuild.mjs';
import { lighthouseRuns, type LighthouseFigures } from './lighthouse.ts';
import { scaleSet } from './scaleSet.ts';
import { serveDirectory } from './staticServer.ts';

const benchStart = performance.now();
// Other processes on a 2-core machine move every browser figure; the table says how busy it was.
const loadAtStart = loadavg()[0] ?? NaN;

interface Row {
  measure: string;
  value: string;
  budget: string;
  verdict: string;
}

const rows: Row[] = [];
const notes: string[] = [];
const report = (measure: string, value: string, budget = '', within?: boolean) =>
  rows.push({
    measure,
    value,
    budget,
    verdict: within === undefined ? '' : within ? 'ok' : 'OVER',
  });
const section = (title: string) =>
  rows.push({ measure: `— ${title}`, value: '', budget: '', verdict: '' });
const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;

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

/** `timeMs` for work that finishes later, such as zipping a Word file. */
async function timeMsAsync(run: () => Promise<unknown>, repeats: number): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeats; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function randomAnswers(questionSet: QuestionSet, random: () => number): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const question of questionSet.questions) {
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
const dist = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : 'dist';
if (!process.env.BENCH_DIST && !ensureFreshBuild()) process.exit(1);
const surveyBuild = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--config', 'scripts/surveyjs/vite.config.ts'],
  { stdio: 'inherit' },
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
section(`bundle of ${dist} (gzip)`);
const ours = bundleSizes(dist);
const oursInitial = totalGzip(ours.initial);
report(
  'home page: entry, preloads and CSS',
  kb(oursInitial),
  '≤ 120 KB',
  oursInitial <= 120 * 1024,
);
const shortName = (file: string) => file.replace(/-[\w-]{8}\./, '.');
for (const asset of ours.initial) report(`  ${shortName(asset.file)}`, kb(asset.gzip));
for (const asset of [...ours.lazy, ...ours.assets].sort((a, b) => b.gzip - a.gzip)) {
  report(`  lazy ${shortName(asset.file)}`, kb(asset.gzip));
}

// ——— engine in Node
section('engine (Node, this source tree)');
const random = seeded(20261126);
const assessments = Array.from({ length: 1000 }, () => ({ answers: randomAnswers(set, random) }));
const scoreThousand = timeMs(() => assessments.forEach((a) => score(set, a)), 15);
report(
  'score 1,000 assessments (shipped set)',
  ms(scoreThousand, 1),
  '< 100 ms',
  scoreThousand < 100,
);
const planShipped = timeMs(() => plan(set, middle.value.assessment), 50);
report(
  `plan the shipped set (${plan(set, middle.value.assessment).actions.length} actions)`,
  ms(planShipped, 2),
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
  ms(shippedPdf),
  '≤ 300 ms',
  shippedPdf <= 300,
);
report(
  `PDF, 10× set (${large.set.questions.length} questions, ${pdfOf(large.set, large.assessment).pageCount} pages)`,
  ms(largePdf),
);
report(
  'PDF time ratio, 10× set / shipped set',
  `${(largePdf / shippedPdf).toFixed(1)}×`,
  '≤ 12×',
  largePdf / shippedPdf <= 12,
);

function wordOf(questionSet: QuestionSet, assessment: Assessment) {
  const result = score(questionSet, assessment);
  return buildWordReport({
    set: questionSet,
    assessment,
    result,
    plan: plan(questionSet, assessment, result),
    generatedAt: new Date(),
  });
}
report(
  'Word report, shipped set',
  ms(await timeMsAsync(() => wordOf(set, middle.value.assessment), 7)),
);
report('Word report, 10× set', ms(await timeMsAsync(() => wordOf(large.set, large.assessment), 3)));

// The group view (issue 21): the dashboard scores every member's cycles; the page memoises it.
const groupSizes = [12, 40] as const;
const groupSeeds = new Map(groupSizes.map((members) => [members, groupBenchSeed(members)]));
for (const [members, seed] of groupSeeds) {
  const stored = seed.assessments.map((assessment, index) => ({ id: `g${index}`, assessment }));
  report(
    `group dashboard, ${members} members × 2 cycles (groupDashboard)`,
    ms(
      timeMs(() => groupDashboard(set, seed.group, stored, new Date()), 9),
      1,
    ),
  );
}

// ——— browser
const sizes = [1, 50, 160] as const;
const seeds = new Map<number, BenchSeed>(sizes.map((count) => [count, benchSeed(set, count)]));
const seedOf = (count: number) => {
  const seed = seeds.get(count);
  if (!seed) throw new Error(`no seed of ${count}`);
  return seed;
};
const app = await serveDirectory(dist);
const surveyServer = await serveDirectory('dist-bench/surveyjs');
const stepUrl = (seed: BenchSeed, domainId: string) =>
  `${app.url}#/a/${seed.targetId}/step/${domainId}`;

section('first step drawn, same screen (Chromium, 127.0.0.1, cold loads)');
const browser = await launchChromium();
try {
  const home = await firstDrawn(browser, app.url, '#home-title', dist, 7);
  report(
    'first contentful paint, home, nothing stored (median of 7)',
    ms(home.firstContentfulPaint),
  );
  const oursStep = await firstDrawn(
    browser,
    stepUrl(seedOf(1), 'EXP'),
    '#question-EXP-01',
    dist,
    7,
    seedOf(1),
  );
  const surveyStep = await firstDrawn(
    browser,
    surveyServer.url,
    '.sd-question',
    'dist-bench/surveyjs',
    7,
  );
  report(
    `Cellguard, step EXP: gzip fetched until drawn (${oursStep.requests} files)`,
    kb(oursStep.gzipBytes),
    '≤ 120 KB',
    oursStep.gzipBytes <= 120 * 1024,
  );
  report(
    `SurveyJS, page EXP: gzip fetched until drawn (${surveyStep.requests} files)`,
    kb(surveyStep.gzipBytes),
  );
  const sizeRatio = surveyStep.gzipBytes / oursStep.gzipBytes;
  report(
    '  SurveyJS / Cellguard bytes, same screen',
    `${sizeRatio.toFixed(1)}×`,
    '≥ 3.5×',
    sizeRatio >= 3.5,
  );
  report('Cellguard, step EXP drawn, 1 stored (median of 7)', ms(oursStep.drawn));
  const oursStepFull = await firstDrawn(
    browser,
    stepUrl(seedOf(160), 'EXP'),
    '#question-EXP-01',
    dist,
    5,
    seedOf(160),
  );
  report('Cellguard, step EXP drawn, 160 stored (median of 5)', ms(oursStepFull.drawn));
  report('SurveyJS, page EXP drawn (median of 7)', ms(surveyStep.drawn));
} finally {
  await browser.close();
}

// Input latency in a browser whose frames are not paced by an emulated vsync (see chromium.ts).
section('typing and clicking on the largest step, by assessments stored (uncapped frames)');
const questionsOf = (domainId: string) => set.questions.filter((q) => q.domain === domainId);
const largest = [...set.domains].sort(
  (a, b) => questionsOf(b.id).length - questionsOf(a.id).length,
)[0];
if (!largest) throw new Error('the question set has no domain');
const stepQuestions = questionsOf(largest.id);
const noteOf = `#${stepQuestions[0]?.id}-note`;
/** Ten clicks, each choosing another option than the current one, across the step's questions. */
function clickTargets(target: Assessment): string[] {
  const chosen = new Map(stepQuestions.map((q) => [q.id, target.answers[q.id]?.choice]));
  return Array.from({ length: 10 }, (_, k) => {
    const question = stepQuestions[k % stepQuestions.length];
    if (!question) throw new Error('the largest step has no question');
    const current = question.options.findIndex((o) => o.id === chosen.get(question.id));
    const option = question.options[(current + 1) % question.options.length];
    if (!option) throw new Error(`${question.id} has no option`);
    chosen.set(question.id, option.id);
    return `label[for="${question.id}-${option.id}"]`;
  });
}
const uncapped = await launchChromium(uncappedFrameFlags);
const sessions = 3;
let pdf: Awaited<ReturnType<typeof pdfBuilds>> | undefined;
const keyScript = new Map<number, number>();
let p95At160 = NaN;
try {
  for (const count of sizes) {
    const seed = seedOf(count);
    const target = seed.assessments[0];
    if (!target) throw new Error('the seed has no assessment');
    // A fresh context per session: a 2-core machine shared with the bench itself adds scheduling
    // noise to any single session, so typing figures are medians of three. The ten clicks, each
    // followed by 1 s of idle time, are done in the first session only, to keep the bench short.
    const results: Awaited<ReturnType<typeof inputLatency>>[] = [];
    for (let run = 0; run < sessions; run += 1) {
      const context = await uncapped.newContext({ viewport });
      const page = await openSeeded(context, app.url, seed);
      await page.goto(stepUrl(seed, largest.id));
      await page.waitForSelector(noteOf);
      results.push(await inputLatency(page, noteOf, run === 0 ? clickTargets(target) : [], 120));
      if (count === 160 && run === 0) {
        await page.goto(`${app.url}#/a/${seed.targetId}/results`);
        pdf = await pdfBuilds(uncapped, page, 3);
      }
      await context.close();
    }
    const pick = (figure: (result: (typeof results)[number]) => number) =>
      median(results.map(figure));
    const [first] = results;
    if (!first) throw new Error('no typing session');
    keyScript.set(
      count,
      pick((r) => r.perKey.script),
    );
    if (count === 160) p95At160 = pick((r) => r.typing.p95);
    report(
      `${count} stored: keystroke to next frame, ${sessions} × ${first.typing.samples} keys, p50 / p95`,
      `${pick((r) => r.typing.p50).toFixed(1)} / ${pick((r) => r.typing.p95).toFixed(1)} ms`,
    );
    report(
      `${count} stored: per keystroke with the save after, script / main thread`,
      `${pick((r) => r.perKey.script).toFixed(1)} / ${ms(
        pick((r) => r.perKey.task),
        1,
      )}`,
    );
    report(
      `${count} stored: click to next frame, ${first.clicking.samples} options, p50 / p95`,
      `${first.clicking.p50.toFixed(1)} / ${first.clicking.p95.toFixed(1)} ms`,
    );
    report(
      `${count} stored: per click with the save after, script / main thread`,
      `${first.perClick.script.toFixed(1)} / ${ms(first.perClick.task, 1)}`,
    );
  }
  if (pdf) {
    section('PDF in the browser, 160 stored (results page, "Download PDF report")');
    const longest = Math.max(...pdf.map((b) => b.longestTaskMs));
    report(
      'click to download (median of 3; the first loads code and fonts)',
      ms(median(pdf.map((b) => b.wallMs))),
    );
    report(
      'longest main-thread task during a build (worst of 3)',
      ms(longest),
      '≤ 100 ms',
      longest <= 100,
    );
  }
  const ratio = (keyScript.get(160) ?? NaN) / (keyScript.get(1) ?? NaN);
  section('typing at scale');
  report(
    'script per keystroke, 160 stored / 1 stored',
    `${ratio.toFixed(1)}×`,
    '≤ 1.5×',
    ratio <= 1.5,
  );
  report('keystroke p95, 160 stored', ms(p95At160, 1), '≤ 16 ms', p95At160 <= 16);
  const context = await uncapped.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${app.url}#/new`);
  await page.waitForSelector('#new-organisation');
  const baseline = await inputLatency(page, '#new-organisation', [], 120);
  report(
    `baseline, one plain text field, nothing stored (${baseline.typing.samples} keys): p50 / p95`,
    `${baseline.typing.p50.toFixed(1)} / ${baseline.typing.p95.toFixed(1)} ms`,
  );
  await context.close();
} finally {
  await uncapped.close();
  await surveyServer.close();
}

// ——— the group dashboard in the browser
// The issue sets no budget; these are ours: the dashboard drawn within a second of a cold load and
// within 0.3 s of a navigation inside the app, and no task long enough to be felt (200 ms).
section('group dashboard (Chromium, 2 cycles per member; budgets ours, the issue sets none)');
const groupBrowser = await launchChromium();
const longestTask = (value: number) => (value === 0 ? 'none > 50 ms' : ms(value));
try {
  for (const [members, seed] of groupSeeds) {
    const times = await groupDashboardTimes(groupBrowser, app.url, seed, 3);
    report(
      `${members} members: cold load of #/groups/<id> to the table drawn (median of 3)`,
      ms(times.coldDrawn),
      '≤ 1000 ms',
      times.coldDrawn <= 1000,
    );
    report(
      `${members} members: longest main-thread task of that load (median of 3)`,
      longestTask(times.coldLongestTask),
      '< 200 ms',
      times.coldLongestTask < 200,
    );
    report(
      `${members} members: from the list of groups to the table drawn (median of 3)`,
      ms(times.navigationDrawn),
      '≤ 300 ms',
      times.navigationDrawn <= 300,
    );
    report(
      `${members} members: longest main-thread task of that navigation (median of 3)`,
      longestTask(times.navigationLongestTask),
      '< 200 ms',
      times.navigationLongestTask < 200,
    );
  }
} finally {
  await groupBrowser.close();
}

// ——— Lighthouse
section('Lighthouse 12.2.3 (one run per page and preset; scores 0-100)');
const lighthousePages = [
  { name: 'home #/', hash: '#/' },
  { name: 'new #/new', hash: '#/new' },
  { name: `step #/a/…/step/EXP`, hash: `#/a/${seedOf(1).targetId}/step/EXP` },
];
try {
  const figures = await lighthouseRuns(app.url, lighthousePages, seedOf(1));
  for (const f of figures) reportLighthouse(f);
} finally {
  await app.close();
}

function reportLighthouse(f: LighthouseFigures) {
  const minimum = f.preset === 'desktop' ? 95 : 90;
  const within =
    f.performance >= minimum && f.accessibility === 100 && f.bestPractices === 100 && f.seo >= 90;
  report(
    `${f.preset} ${f.page}: perf. / access. / best pr. / SEO`,
    `${f.performance} / ${f.accessibility} / ${f.bestPractices} / ${f.seo}`,
    `≥${minimum}/100/100/≥90`,
    within,
  );
  report(
    `${f.preset} ${f.page}: CLS / LCP`,
    `${f.cumulativeLayoutShift.toFixed(3)} / ${ms(f.largestContentfulPaintMs)}`,
    'CLS < 0.02',
    f.cumulativeLayoutShift < 0.02,
  );
  if (f.failing.length > 0)
    notes.push(`Lighthouse ${f.preset} ${f.page}: points lost on ${f.failing.join(', ')}`);
}

// ——— the table
const widths = { measure: 68, value: 20, budget: 14 };
const line = (row: Row) =>
  `${row.measure.padEnd(widths.measure)} ${row.value.padStart(widths.value)} ${row.budget.padStart(widths.budget)}  ${row.verdict}`.trimEnd();
console.log(
  `\nCellguard bench, ${new Date().toISOString().slice(0, 10)}, build ${dist}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
);
console.log(line({ measure: 'measure', value: 'value', budget: 'budget', verdict: 'verdict' }));
console.log('-'.repeat(widths.measure + widths.value + widths.budget + 10));
for (const row of rows) console.log(line(row));
const budgeted = rows.filter((row) => row.verdict !== '');
const over = budgeted.filter((row) => row.verdict === 'OVER').length;
console.log(
  `\n${budgeted.length - over} of ${budgeted.length} budgets met${over > 0 ? `, ${over} OVER` : ''}.`,
);
for (const note of notes) console.log(note);
console.log(
  `Bench time ${((performance.now() - benchStart) / 1000).toFixed(0)} s; load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? NaN).toFixed(1)} at the end.`,
);
