import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRisk } from '../../src/core/format.ts';
import { plan } from '../../src/core/planning/plan.ts';
import { score } from '../../src/core/scoring/score.ts';
import { docxParagraphs, docxParts } from '../support/docxText.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { expectNoSeriousAxeViolations, seedAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const set = loadShippedSet();
const browser = browserForThisFile();
const reportCode = /reportExport|reportWorker|report-fonts/;

describe('the PDF report in Chromium', () => {
  it('loads the report code only on demand and downloads a PDF with the score, the plan and non-Latin text intact', async () => {
    const { page, watch } = await browser().newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const assessment = fixtureAssessment('unicode-operator');
    const id = await seedAssessment(page, browser().baseUrl, assessment);
    await page.goto(`${browser().baseUrl}#/a/${id}/results`);
    await page.waitForSelector('#results-title');
    await expectNoSeriousAxeViolations(page, 'results with report button');
    const beforeClick = [...requests];
    expect(beforeClick.filter((url) => reportCode.test(url))).toEqual([]);

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF report' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(
      'cellguard-softcell-ПАО-Северный-Телеком-2026-Q4.pdf',
    );
    const path = join(mkdtempSync(join(tmpdir(), 'cellguard-pdf-')), 'report.pdf');
    await download.saveAs(path);
    // The page's loader, the worker and the fonts, each fetched once the button is pressed.
    expect(requests.filter((url) => reportCode.test(url)).length).toBeGreaterThanOrEqual(3);

    const bytes = new Uint8Array(readFileSync(path));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = squash((await pdfPages(bytes)).join('\n'));
    const result = score(set, assessment);
    expect(text).toContain(squash(`Risk ${formatRisk(result.risk)} / 100`));
    expect(text).toContain(squash('ПАО «Северный Телеком»'));
    expect(text).toContain(squash('Ελένη Παπαδοπούλου'));
    for (const action of plan(set, assessment, result).actions)
      expect(text).toContain(squash(action.action));

    const status = page.getByRole('status').filter({ hasText: 'downloaded' });
    await expect
      .poll(() => status.textContent())
      .toMatch(/The PDF report has been downloaded, with these notes:/);
    expect(await status.textContent()).toContain('in the note of LOG-01');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });

  it.each(['all-best', 'all-worst', 'soft-cell-victim', 'mature-operator', 'middle-profile'])(
    'downloads the PDF of the %s fixture with its exact score and every plan action',
    async (name) => {
      const { page, watch } = await browser().isolatedPage();
      const assessment = fixtureAssessment(name);
      const id = await seedAssessment(page, browser().baseUrl, assessment);
      await page.goto(`${browser().baseUrl}#/a/${id}/results`);
      await page.waitForSelector('#results-title');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download PDF report' }).click();
      const path = join(mkdtempSync(join(tmpdir(), 'cellguard-pdf-')), 'report.pdf');
      await (await download).saveAs(path);
      const text = squash((await pdfPages(new Uint8Array(readFileSync(path)))).join('\n'));
      const result = score(set, assessment);
      expect(text).toContain(squash(`Risk ${formatRisk(result.risk)} / 100`));
      for (const action of plan(set, assessment, result).actions)
        expect(text).toContain(squash(action.action));
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.offOriginRequests).toEqual([]);
    },
  );

  it('keeps the page responsive while a long PDF builds, and shows how far it has got', async () => {
    const { page, watch } = await browser().isolatedPage();
    const typical = fixtureAssessment('middle-profile');
    const notes =
      'Reviewed with operations: the portals log to the SIEM, signatures pending. '.repeat(28);
    // A note and evidence of two thousand characters on every answer: over a hundred pages.
    const assessment = {
      ...typical,
      answers: Object.fromEntries(
        Object.entries(typical.answers).map(([id, answer]) => [
          id,
          { ...answer, note: notes, evidence: notes },
        ]),
      ),
    };
    const id = await seedAssessment(page, browser().baseUrl, assessment);
    await page.goto(`${browser().baseUrl}#/a/${id}/results`);
    await page.waitForSelector('#results-title');
    // From the click to the download: every main-thread task over 50 ms, and every text the
    // report's status region shows.
    await page.evaluate(() => {
      const seen = { longTasks: [] as number[], statuses: [] as string[] };
      Object.assign(window, { pdfBuild: seen });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      const status = document.querySelector('.report-export [role="status"]');
      if (!status) throw new Error('the report button has no status region');
      new MutationObserver(() => seen.statuses.push(status.textContent)).observe(status, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF report' }).click();
    const path = join(mkdtempSync(join(tmpdir(), 'cellguard-pdf-')), 'report.pdf');
    await (await download).saveAs(path);
    const { longTasks, statuses } = await page.evaluate(
      () =>
        (window as unknown as { pdfBuild: { longTasks: number[]; statuses: string[] } }).pdfBuild,
    );

    expect((await pdfPages(new Uint8Array(readFileSync(path)))).length).toBeGreaterThan(100);
    expect(Math.max(0, ...longTasks), `main-thread tasks: ${longTasks.join(', ')} ms`).toBeLessThan(
      100,
    );
    const percents = statuses.flatMap((text) => {
      const match = /^Preparing the PDF report… (\d+) %$/.exec(text);
      return match ? [Number(match[1])] : [];
    });
    expect(percents.length).toBeGreaterThan(0);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('downloads the Word report with the same words, loading neither jsPDF nor the fonts', async () => {
    const { page, watch } = await browser().isolatedPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const assessment = fixtureAssessment('middle-profile');
    const id = await seedAssessment(page, browser().baseUrl, assessment);
    await page.goto(`${browser().baseUrl}#/a/${id}/results`);
    await page.waitForSelector('#results-title');
    expect(requests.filter((url) => reportCode.test(url))).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Word report (.docx)' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^cellguard-softcell-.+-2026-Q4\.docx$/);
    const path = join(mkdtempSync(join(tmpdir(), 'cellguard-docx-')), 'report.docx');
    await saved.saveAs(path);
    expect(requests.filter((url) => /report-fonts/.test(url))).toEqual([]);

    const word = docxParts(new Uint8Array(readFileSync(path)));
    const text = squash(docxParagraphs(word['word/document.xml'] ?? '').join(' '));
    const result = score(set, assessment);
    expect(text).toContain(squash(`Risk ${formatRisk(result.risk)} / 100`));
    expect(text).toContain(squash(assessment.organisation));
    for (const action of plan(set, assessment, result).actions)
      expect(text).toContain(squash(action.action));
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'downloaded' }).textContent())
      .toBe('The Word report has been downloaded.');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });
});
