import type { Browser, Page } from 'playwright-core';
import type { Assessment } from '../src/core/assessment/model.ts';

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/**
 * Milliseconds from navigation start until `selector` first exists, recorded inside the page by a
 * MutationObserver (no polling delay), and the first contentful paint; medians over fresh contexts.
 */
export async function firstRender(
  browser: Browser,
  url: string,
  selector: string,
  runs: number,
  seed?: (page: Page) => Promise<void>,
) {
  const rendered: number[] = [];
  const paints: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    if (seed) await seed(page);
    // Page scripts are passed as text: tsx's helpers would not exist inside the page.
    await page.addInitScript({
      content: `new MutationObserver(function (_, observer) {
        if (document.querySelector(${JSON.stringify(selector)})) {
          window.__firstRender = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });`,
    });
    await page.goto(url);
    await page.waitForSelector(selector);
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
    );
    rendered.push(
      await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender),
    );
    paints.push(
      await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      ),
    );
    await context.close();
  }
  return { firstRender: median(rendered), firstContentfulPaint: median(paints) };
}

/** Puts one assessment into the origin's storage before the app starts. */
export function seedAssessment(assessment: Assessment) {
  return async (page: Page) => {
    await page.addInitScript((value) => {
      if (localStorage.getItem('cellguard:assessments')) return;
      localStorage.setItem(
        'cellguard:assessments',
        JSON.stringify({
          state: {
            assessments: {
              bench: { id: 'bench', assessment: value, position: { view: 'results' } },
            },
          },
          version: 2,
        }),
      );
    }, assessment);
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

/**
 * Input-to-next-frame latency: from the event's timestamp (keydown for typing, click for
 * choosing) to just after the frame that follows it (a message posted from requestAnimationFrame
 * runs once that frame is done). Page scripts are passed as text: tsx's helpers would not exist
 * inside the page.
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
  // The renderer's own accounting of main-thread work, independent of frame pacing.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const work = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return (
      (value('ScriptDuration') + value('LayoutDuration') + value('RecalcStyleDuration')) * 1000
    );
  };
  await page.focus(typeIn);
  const beforeTyping = await work();
  for (let i = 0; i < characters; i += 1) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
  }
  const typingWork = (await work()) - beforeTyping;
  for (const target of clickTargets) await page.click(target);
  await page.waitForTimeout(200);
  const samples = await page.evaluate<{ keydown: number[]; click: number[] }>('window.__latencies');
  return {
    typing: stats(samples.keydown),
    clicking: stats(samples.click),
    /** Script, style and layout time per keystroke, in milliseconds. */
    workPerKey: characters > 0 ? typingWork / characters : NaN,
  };
}
