import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import {
  navigatorChangeLayer,
  navigatorLayer,
  navigatorLayerJson,
} from '../../src/core/export/navigatorLayer.ts';
import type { QuestionSet } from '../../src/core/questionSet/schema.ts';
import { score } from '../../src/core/scoring/score.ts';
import { navigatorLayerSchema } from '../support/navigatorLayerSchema.ts';
import { loadShippedSets } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { expectNoSeriousAxeViolations, seedAssessments } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();
const sets = loadShippedSets();
/** The chunk of src/core/export/navigatorLayer.ts, which the buttons import on demand. */
const layerCode = /navigatorLayer-[\w-]+\.js$/;
const scratch = mkdtempSync(join(tmpdir(), 'cellguard-navigator-'));

const setOf = (assessment: Assessment): QuestionSet => {
  const set = sets.find((s) => s.id === assessment.questionSet.id);
  if (!set) throw new Error(`no shipped set ${assessment.questionSet.id}`);
  return set;
};
const scored = (assessment: Assessment) => ({
  assessment,
  result: score(setOf(assessment), assessment),
});

/** Two quarters of one assessment, the later with these answers changed (local ids q1 and q2). */
function twoQuarters(name: string, answers: Assessment['answers']): [Assessment, Assessment] {
  const earlier = fixtureAssessment(name);
  const later = carryForward(earlier, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
  Object.assign(later.answers, answers);
  return [earlier, later];
}

/** Presses the button, saves what the browser downloads, and reads it against the layer schema. */
async function downloadLayer(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = join(scratch, download.suggestedFilename());
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  const read = navigatorLayerSchema.safeParse(JSON.parse(text));
  expect(read.error?.issues ?? []).toEqual([]);
  return { fileName: download.suggestedFilename(), text, layer: read.data };
}

const scoreOf = (layer: Awaited<ReturnType<typeof downloadLayer>>['layer'], id: string) =>
  layer?.techniques?.find((t) => t.techniqueID === id)?.score;

describe.each([
  // CRD-02 alone maps T1003.002 (0.85 → 1: +15); PRO-02 alone maps T1602.001 (0.7 → 1: +30).
  ['middle-profile', 'softcell', { 'CRD-02': { choice: 'verified' } }, 'T1003.002', 15],
  ['network-side', 'comms-hardening', { 'PRO-02': { choice: 'verified' } }, 'T1602.001', 30],
] as const)(
  'ATT&CK Navigator layers of the %s fixture (%s) in Chromium',
  (name, setId, improvement, technique, points) => {
    it('downloads the layer and the change layer from the results page, loading the layer code only then and sending nothing away', async () => {
      const { page, watch } = await browser().isolatedPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const [earlier, later] = twoQuarters(name, improvement);
      await seedAssessments(page, browser().baseUrl, { q1: earlier, q2: later });
      await page.goto(`${browser().baseUrl}#/a/q2/results`);
      await page.waitForSelector('#results-title');
      await expectNoSeriousAxeViolations(page, 'results with the Navigator downloads');
      expect(requests.filter((url) => layerCode.test(url))).toEqual([]);

      const coverage = await downloadLayer(page, 'Download ATT&CK Navigator layer');
      expect(coverage.fileName).toMatch(
        new RegExp(`^cellguard-navigator-${setId}-.+-2027-Q1\\.json$`),
      );
      // The very file the command line writes for the same assessment.
      expect(coverage.text).toBe(navigatorLayerJson(navigatorLayer(setOf(later), scored(later))));
      expect(coverage.layer?.versions?.layer).toBe('4.5');
      expect(requests.filter((url) => layerCode.test(url))).toHaveLength(1);
      await expect
        .poll(() => page.getByText(/has been downloaded as/).textContent())
        .toBe(`The ATT&CK Navigator layer has been downloaded as ${coverage.fileName}.`);

      const change = await downloadLayer(
        page,
        `Download ATT&CK Navigator layer of the change from ${earlier.cycle} to 2027-Q1`,
      );
      expect(change.fileName).toMatch(
        new RegExp(
          `^cellguard-navigator-change-${setId}-.+-2027-Q1-since-${earlier.cycle}\\.json$`,
        ),
      );
      expect(change.text).toBe(
        navigatorLayerJson(navigatorChangeLayer(setOf(later), scored(earlier), scored(later))),
      );
      expect(scoreOf(change.layer, technique)).toBe(points);

      expect(watch.consoleErrors).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.offOriginRequests).toEqual([]);
    });

    it('downloads the change layer of the two cycles the compare page shows', async () => {
      const { page, watch } = await browser().isolatedPage();
      const [earlier, later] = twoQuarters(name, improvement);
      await seedAssessments(page, browser().baseUrl, { q1: earlier, q2: later });
      await page.goto(`${browser().baseUrl}#/compare/q1/q2`);
      await page.waitForSelector('#compare-title');
      await expectNoSeriousAxeViolations(page, 'compare with the Navigator download');
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: 'Download ATT&CK Navigator layer', exact: true })
            .count(),
        )
        .toBe(0);

      const change = await downloadLayer(
        page,
        `Download ATT&CK Navigator layer of the change from ${earlier.cycle} to 2027-Q1`,
      );
      expect(change.text).toBe(
        navigatorLayerJson(navigatorChangeLayer(setOf(later), scored(earlier), scored(later))),
      );
      expect(scoreOf(change.layer, technique)).toBe(points);
      expect(change.layer?.metadata).toContainEqual({
        name: 'Earlier cycle',
        value: earlier.cycle,
      });
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.offOriginRequests).toEqual([]);
    });
  },
);
