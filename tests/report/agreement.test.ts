import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { scoreReport } from '../../src/cli/scoreReport.ts';
import { loadReportFonts } from '../../src/node/reportFonts.ts';
import { parseAssessmentText } from '../../src/core/assessment/parseFile.ts';
import { formatPoints } from '../../src/core/format.ts';
import { plan } from '../../src/core/planning/plan.ts';
import {
  chainGaugeExplanation,
  phaseRatingLabel,
  phaseStateLabel,
} from '../../src/core/reporting/statements.ts';
import { bandLabel } from '../../src/core/scoring/bands.ts';
import { score } from '../../src/core/scoring/score.ts';
import { ResultsPage } from '../../src/features/results/index.ts';
import { buildReport } from '../../src/report/index.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { loadShippedSet } from '../support/shippedSet.ts';

const root = join(import.meta.dirname, '../..');
const set = loadShippedSet();
const fonts = loadReportFonts();

function load(path: string) {
  const parsed = parseAssessmentText(readFileSync(join(root, path), 'utf8'), set);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value.assessment;
}

/** The results page's visible text, as the browser would render it on first paint. */
function pageText(assessment: ReturnType<typeof load>): string {
  const html = renderToStaticMarkup(
    createElement(ResultsPage, { set, assessmentId: 'a1', assessment }),
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

const fixtures = [
  'tests/fixtures/assessments/soft-cell-victim.json',
  'tests/fixtures/assessments/middle-profile.json',
  'tests/fixtures/assessments/mature-operator.json',
  'tests/fixtures/assessments/calibration/well-run-today.json',
  'tests/fixtures/assessments/calibration/best-but-no-edr.json',
  'tests/fixtures/assessments/calibration/vendor-cdr-uncompensated.json',
];

describe('the results page, the PDF and the command line tell the same story', () => {
  it.each(fixtures)('%s', async (path) => {
    const assessment = load(path);
    const cli = scoreReport(set, assessment);
    const result = score(set, assessment);
    const remediation = plan(set, assessment, result);
    const page = squash(pageText(assessment));
    const pdf = squash(
      (
        await pdfPages(
          buildReport({
            set,
            assessment,
            result,
            plan: remediation,
            fonts,
            generatedAt: new Date('2026-11-26T12:00:00Z'),
          }).pdf,
        )
      ).join(' '),
    );
    const inBoth = (text: string) => {
      expect(page, `page: ${text}`).toContain(squash(text));
      expect(pdf, `PDF: ${text}`).toContain(squash(text));
    };

    inBoth(cli.risk.toFixed(1));
    inBoth(bandLabel[cli.band]);
    inBoth(cli.statements.bandMeaning);
    for (const reason of cli.statements.bandReasons) inBoth(reason);
    for (const sentence of Object.values(cli.statements.chain)) inBoth(sentence);
    if (cli.statements.assumeBreach) inBoth(cli.statements.assumeBreach);
    inBoth(chainGaugeExplanation);
    for (const phase of cli.phases) {
      inBoth(phaseStateLabel[phase.state as keyof typeof phaseStateLabel]);
      inBoth(
        phaseRatingLabel('Prevention', phase.preventedBy.length, phase.preventionControls.length),
      );
      inBoth(
        phaseRatingLabel('Detection', phase.detectedBy.length, phase.detectionControls.length),
      );
    }
    for (const [i, programme] of remediation.programmes.entries()) {
      // The command line keeps two decimals; page and PDF show one, rounded from the same value.
      expect(cli.programmes[i]?.riskReduction).toBeCloseTo(programme.riskReduction, 2);
      inBoth(programme.title);
      inBoth(`−${formatPoints(programme.riskReduction)}`);
    }
    // The first five lines of the plan, in the same order in all three.
    const firstFive = cli.actions.slice(0, 5).map((a) => squash(a.action));
    for (const text of [page, pdf]) {
      const positions = firstFive.map((action) => text.indexOf(action));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });
});
