import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../../src/core/assessment/parseFile.ts';
import { formatRisk } from '../../../src/core/format.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

const root = join(import.meta.dirname, '../../..');
const set = loadShippedSet();

/** The rows of the calibration table in docs/methodology.md: the expectations live there. */
function calibrationTable() {
  const doc = readFileSync(join(root, 'docs/methodology.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 6. Calibration'), doc.indexOf('## 7.'));
  return [
    ...section.matchAll(
      /^\| (.+?) +\| ([a-z0-9-]+) +\| (low|medium|high|critical) +\| (\d+)-(\d+) +\| ([\d.]+) +\| (\S+) +\|$/gm,
    ),
  ].map((m) => ({
    profile: m[1] ?? '',
    fixture: m[2] ?? '',
    band: m[3] ?? '',
    low: Number(m[4]),
    high: Number(m[5]),
    riskNow: m[6] ?? '',
    detection: m[7] ?? '',
  }));
}

describe('calibration: reference operators get the band docs/methodology.md promises', () => {
  const rows = calibrationTable();

  it('documents at least the six reference operators the method is calibrated against', () => {
    expect(rows.map((r) => r.fixture)).toEqual(
      expect.arrayContaining([
        'breached-2019',
        'well-run-today',
        'edr-flat-network',
        'best-but-no-edr',
        'one-notch-below',
        'all-unknown',
      ]),
    );
  });

  it.each(calibrationTable())('$fixture: $band, risk $low-$high', (row) => {
    const text = readFileSync(
      join(root, 'tests/fixtures/assessments/calibration', `${row.fixture}.json`),
      'utf8',
    );
    const parsed = parseAssessmentText(text, set);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = score(set, parsed.value.assessment);
    expect(result.band).toBe(row.band);
    expect(result.risk).toBeGreaterThanOrEqual(row.low);
    expect(result.risk).toBeLessThanOrEqual(row.high);
    expect(formatRisk(result.risk), 'update "risk now" in docs/methodology.md').toBe(row.riskNow);
    expect(result.chain.earliestDetection ?? 'none').toBe(row.detection);
  });
});
