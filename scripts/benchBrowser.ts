// The bench's measurements inside Chromium. Page scripts that define functions are passed as text:
// tsx's helpers would not exist inside the page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchSeed } from './benchSeed.ts';

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export const viewport = { width: 1280, height: 800 };

/** The key under which every version of Cellguard up to the IndexedDB store kept its data. */
const legacyKey = 'cellguard:assessments';

/**
 * A page of `context` on the home page of the app at `origin`, with `seed`'s assessments stored.
 * They are written under the legacy localStorage key from a static file of the same origin before
 * the app first loads: the localStorage store reads them as they are, and the IndexedDB store moves
 * them into its database on its first start. Returns once the home page lists them all and the
 * move is over (the legacy key gone), or after a 1 s settle for a store that keeps the key.
 */
export async function openSeeded(context: BrowserContext, origin: string, seed: BenchSeed) {
  const page = await context.newPage();
  await page.goto(`${origin}favicon.svg`);
  await page.evaluate(({ key, text }) => localStorage.setItem(key, text), {
    key: legacyKey,
    text: seed.storageText,
  });
  await page.goto(`${origin}#/`);
  await page.waitForFunction(
    (count) => document.querySelectorAll('.assessment-list > li').length >= count,
    seed.count,
    { timeout: 120_000 },
  );
  await page
    .waitForFunction((key) => localStorage.getItem(key) === null, legacyKey, { timeout: 1_000 })
    .catch(() => undefined);
  return page;
}

/** Gzip sizes of the files a static server sends from `dist`, by URL. */
function gzipSizes(dist: string) {
  const cache = new Map<string, number>();
  return (url: string) => {
    const pathname = decodeURIComponent(new URL(url).pathname);
    const file = join(dist, pathname === '/' ? 'index.html' : pathname);
    let size = cache.get(file);
    if (size === undefined) {
      // A file the build does not have (a favicon.ico Chromium asks for on its own) is a 404: no bytes.
      size = existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
      cache.set(file, size);
    }
    return size;
  };
}

export interface FirstDrawn {
  /** Milliseconds from navigation start to the end of the frame that first shows `selector`. */
  drawn: number;
  firstContentfulPaint: number;
  /** Gzip bytes of every file requested before that frame, the document included. */
  gzipBytes: number;
  requests: number;
}

/**
 * A cold load of `url` until `selector` is drawn, in a fresh context each run (after `seed` was
 * stored and the app had started once, as on any later visit); medians over `runs`. The moment is
 * taken inside the page: a MutationObserver notices the element at once, and a message posted from
 * the next animation frame runs once that frame is done. Bytes are the gzip sizes of the files the
 * page requested before then, as Resource Timing lists them (the bench's server sends files
 * uncompressed, so the transfer sizes it reports would not be what a production server sends).
 */
export async function firstDrawn(
  browser: Browser,
  url: string,
  selector: string,
  dist: string,
  runs: number,
  seed?: BenchSeed,
): Promise<FirstDrawn> {
  const gzipOf = gzipSizes(dist);
  const results: FirstDrawn[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport });
    if (seed) await (await openSeeded(context, new URL('/', url).href, seed)).close();
    const page = await context.newPage();
    await page.addInitScript({
      content: `new MutationObserver(function (_, observer) {
        if (!document.querySelector(${JSON.stringify(selector)})) return;
        observer.disconnect();
        requestAnimationFrame(function () {
          var channel = new MessageChannel();
          channel.port1.onmessage = function () { window.__drawn = performance.now(); };
          channel.port2.postMessage(0);
        });
      }).observe(document, { childList: true, subtree: true });`,
    });
    await page.goto(url);
    await page.waitForFunction(
      () =>
        (window as unknown as { __drawn?: number }).__drawn !== undefined &&
        performance.getEntriesByName('first-contentful-paint').length > 0,
    );
    const timing = await page.evaluate(() => ({
      drawn: (window as unknown as { __drawn: number }).__drawn,
      firstContentfulPaint:
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      fetched: [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ].map((entry) => ({ name: entry.name, startTime: entry.startTime })),
    }));
    const before = timing.fetched.filter(
      (entry) => entry.startTime < timing.drawn && entry.name.startsWith('http'),
    );
    results.push({
      drawn: timing.drawn,
      firstContentfulPaint: timing.firstContentfulPaint,
      gzipBytes: before.reduce((sum, entry) => sum + gzipOf(entry.name), 0),
      requests: before.length,
    });
    await context.close();
  }
  return {
    drawn: median(results.map((r) => r.drawn)),
    firstContentfulPaint: median(results.map((r) => r.firstContentfulPaint)),
    gzipBytes: median(results.map((r) => r.gzipBytes)),
    requests: median(results.map((r) => r.requests)),
  };
}

export interface LatencyStats {
  samples: number;
  p50: number;
  p95: number;
}

const stats = (samples: readonly number[]): LatencyStats => ({
  samples: samples.length,
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
});

/** How long the page waits after input for work the app defers, such as a debounced save. */
const settleMs = 1_000;

/**
 * Input-to-next-frame latency: from the event's timestamp (keydown for typing, click for
 * choosing) to just after the frame that follows it (a message posted from requestAnimationFrame
 * runs once that frame is done). Script and main-thread time are the renderer's own accounting
 * (CDP Performance.getMetrics: ScriptDuration, TaskDuration), from the first input until 1 s after
 * the last, so that work deferred past the frame, such as saving, is counted. Each click is
 * followed by 1 s without input, as a user reads the next question, so that a deferred save
 * follows every click.
 */
export async function inputLatency(
  page: Page,
  typeIn: string,
  clickTargets: readonly string[],
  characters: number,
) {
  await page.evaluate(`(function () {
    window.__latencies = { keydown: [], click: [] };
    ['keydown', 'click'].forEach(function (type) {
      document.addEventListener(type, function (event) {
        // A click on a label is followed by one on its input; measure the user's click once.
        if (type === 'click' && event.target instanceof HTMLInputElement) return;
        var start = event.timeStamp;
        requestAnimationFrame(function () {
          var channel = new MessageChannel();
          channel.port1.onmessage = function () { window.__latencies[type].push(performance.now() - start); };
          channel.port2.postMessage(0);
        });
      }, { capture: true });
    });
  })()`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  /** Milliseconds of script and of all main-thread work so far, by the renderer's accounting. */
  const work = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const seconds = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { script: seconds('ScriptDuration') * 1000, task: seconds('TaskDuration') * 1000 };
  };
  const perInput = async (inputs: number, since: { script: number; task: number }) => {
    const now = await work();
    return { script: (now.script - since.script) / inputs, task: (now.task - since.task) / inputs };
  };
  await page.focus(typeIn);
  const beforeTyping = await work();
  for (let i = 0; i < characters; i += 1) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
  }
  await page.waitForTimeout(settleMs);
  const perKey = await perInput(characters, beforeTyping);
  const beforeClicks = await work();
  for (const target of clickTargets) {
    await page.click(target);
    await page.waitForTimeout(settleMs);
  }
  const perClick = await perInput(clickTargets.length, beforeClicks);
  const samples = await page.evaluate<{ keydown: number[]; click: number[] }>('window.__latencies');
  await cdp.detach();
  return {
    typing: stats(samples.keydown),
    clicking: stats(samples.click),
    /** Script and all main-thread work per keystroke, ms, with the deferred work after the last. */
    perKey,
    /** The same per click, with the deferred work after each click. */
    perClick,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** The longest task, in ms, on any renderer's main thread of a Chromium trace. */
function longestMainThreadTask(trace: Buffer): number {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'RunTask')
    .filter((e) => mainThreads.has(`${e.pid}:${e.tid}`))
    .reduce((longest, e) => Math.max(longest, (e.dur ?? 0) / 1000), 0);
}

/**
 * "Download PDF report" on the results page open in `page`, `runs` times: the wall time from the
 * click to the download, and the longest task on the page's main thread meanwhile (from a trace,
 * so that the figure is exact below the Long Tasks API's 50 ms threshold; a worker's tasks run on
 * threads of their own and are not counted). The first build also loads the report code and fonts.
 */
export async function pdfBuilds(browser: Browser, page: Page, runs: number) {
  const button = page.getByRole('button', { name: 'Download PDF report' });
  const builds: { wallMs: number; longestTaskMs: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    await button.waitFor();
    await browser.startTracing(page, {
      categories: ['disabled-by-default-devtools.timeline', '__metadata'],
    });
    const start = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      button.click(),
    ]);
    const wallMs = performance.now() - start;
    builds.push({ wallMs, longestTaskMs: longestMainThreadTask(await browser.stopTracing()) });
    await download.delete();
  }
  return builds;
}

export interface GroupDashboardTiming {
  /** Milliseconds from the start of the page's load to the end of the frame that shows the table. */
  coldDrawn: number;
  /** Milliseconds from the change of address on the list of groups to that frame. */
  navigationDrawn: number;
  /** The longest main-thread task, ms, of the cold load and of the navigation (Long Tasks API). */
  coldLongestTask: number;
  navigationLongestTask: number;
}

/** A page script: the moment `selector` is first in a drawn frame goes to window.__drawn. */
const whenDrawn = (selector: string) => `(function () {
  function check(_, observer) {
    if (!document.querySelector(${JSON.stringify(selector)})) return;
    if (observer) observer.disconnect();
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { window.__drawn = performance.now(); };
      channel.port2.postMessage(0);
    });
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})()`;

/** A page script: every task over 50 ms on the main thread, from now on, in window.__longTasks. */
const longTasks = `(function () {
  window.__longTasks = [];
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    });
  }).observe({ type: 'longtask', buffered: true });
})()`;

/** After the frame, tasks that the render left behind (effects, the save status) still count. */
const trailingMs = 500;

interface PageTimes {
  __drawn?: number;
  __longTasks: { start: number; duration: number }[];
}

/**
 * The group dashboard of `seed` drawn, `runs` times, each in a fresh context with the seed's
 * assessments and group stored: a cold load of #/groups/<id> until the members table is in a
 * drawn frame, then, on the same page, from the list of groups (#/groups) back to the group by its
 * address, as its link does. With each, the longest main-thread task from the start until 0.5 s
 * after the frame (the Long Tasks API: only tasks over 50 ms are seen; 0 when there was none).
 * Medians of the runs.
 */
export async function groupDashboardTimes(
  browser: Browser,
  origin: string,
  seed: BenchSeed & { group: { id: string } },
  runs: number,
): Promise<GroupDashboardTiming> {
  const selector = '#group-members-table';
  const results: GroupDashboardTiming[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport });
    const seeded = await openSeeded(context, origin, seed);
    // The app has opened its database (which now has the groups store): the group goes in beside it.
    await seeded.evaluate(
      (group) =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('cellguard');
          opening.onerror = () => reject(new Error(String(opening.error)));
          opening.onsuccess = () => {
            const db = opening.result;
            const tx = db.transaction('groups', 'readwrite');
            tx.objectStore('groups').put({ id: group.id, stored: group });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(new Error(String(tx.error)));
          };
        }),
      seed.group,
    );
    await seeded.close();
    const page = await context.newPage();
    await page.addInitScript({ content: `${longTasks};${whenDrawn(selector)}` });
    await page.goto(`${origin}#/groups/${seed.group.id}`);
    await page.waitForFunction(() => (window as unknown as PageTimes).__drawn !== undefined, null, {
      timeout: 120_000,
    });
    await page.waitForTimeout(trailingMs);
    const cold = await page.evaluate(() => {
      const times = window as unknown as PageTimes;
      return {
        drawn: times.__drawn ?? NaN,
        longest: Math.max(0, ...times.__longTasks.map((task) => task.duration)),
      };
    });
    // The list of groups, then the group by its address: the code is loaded, the page is not.
    await page.evaluate(() => {
      window.location.hash = '#/groups';
    });
    await page.waitForSelector('#groups-title');
    await page.waitForTimeout(trailingMs);
    const navigation = await page.evaluate(
      ({ id, selector: table, trailing }) =>
        new Promise<{ drawn: number; longest: number }>((resolve) => {
          const times = window as unknown as PageTimes;
          const start = performance.now();
          new MutationObserver((_, observer) => {
            if (!document.querySelector(table)) return;
            observer.disconnect();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const drawn = performance.now() - start;
                setTimeout(() => {
                  const during = times.__longTasks.filter((task) => task.start >= start - 1);
                  resolve({
                    drawn,
                    longest: Math.max(0, ...during.map((task) => task.duration)),
                  });
                }, trailing);
              };
              channel.port2.postMessage(0);
            });
          }).observe(document, { childList: true, subtree: true });
          window.location.hash = `#/groups/${id}`;
        }),
      { id: seed.group.id, selector, trailing: trailingMs },
    );
    results.push({
      coldDrawn: cold.drawn,
      coldLongestTask: cold.longest,
      navigationDrawn: navigation.drawn,
      navigationLongestTask: navigation.longest,
    });
    await context.close();
  }
  return {
    coldDrawn: median(results.map((r) => r.coldDrawn)),
    coldLongestTask: median(results.map((r) => r.coldLongestTask)),
    navigationDrawn: median(results.map((r) => r.navigationDrawn)),
    navigationLongestTask: median(results.map((r) => r.navigationLongestTask)),
  };
}
