import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.ts';

const fixtures = 'tests/fixtures/assessments';
const scratch = mkdtempSync(join(tmpdir(), 'cellguard-score-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface ScoreOutput {
  questionSet: { id: string; version: string };
  risk: number;
  band: string;
  domains: { id: string; risk: number | null }[];
  phases: { id: string; state: string; prevention: number | null; detection: number | null }[];
  chain: { unopposed: string[]; earliestDetection: string | null };
  statements: { headline: string; chain: { detection: string } };
  criticalGaps: string[];
  programmes: { id: string; riskReduction: number }[];
  actions: {
    kind: string;
    questionIds: string[];
    riskReduction: number;
    effort: string;
    horizon: string;
    after: { actionId: string; why: string }[];
  }[];
}

async function scoreFixture(name: string): Promise<ScoreOutput> {
  const { status, stdout, stderr } = await runInProcess(['score', `${fixtures}/${name}.json`]);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as ScoreOutput;
}

describe('npm run cli -- score', () => {
  it('prints risk, band, domains, phases and the plan as JSON', async () => {
    const out = await scoreFixture('middle-profile');
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['risk', 'band', 'domains', 'phases', 'actions']),
    );
    expect(out.domains).toHaveLength(10);
    expect(out.phases.map((p) => p.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
    expect(Object.keys(out.phases[0] ?? {})).toEqual(
      expect.arrayContaining(['state', 'prevention', 'detection', 'preventedBy', 'detectedBy']),
    );
    expect(out.statements.headline).toBe(`Risk ${out.risk.toFixed(1)} / 100: High`);
    expect(out.programmes.length).toBeGreaterThan(0);
    expect(out.programmes.length).toBeLessThanOrEqual(10);
    const first = out.actions[0];
    expect(first).toMatchObject({ horizon: '0-30' });
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining(['questionIds', 'riskReduction', 'effort', 'horizon']),
    );
  });

  it('scores all-best at 0 (low) and all-worst at 100 (critical)', async () => {
    expect(await scoreFixture('all-best')).toMatchObject({ risk: 0, band: 'low', actions: [] });
    expect(await scoreFixture('all-worst')).toMatchObject({ risk: 100, band: 'critical' });
  });

  it('puts the Soft Cell victim profile in critical and the mature operator in low', async () => {
    const victim = await scoreFixture('soft-cell-victim');
    expect(victim.band).toBe('critical');
    expect(victim.criticalGaps).toEqual(expect.arrayContaining(['EXP-03', 'SUB-02']));
    const mature = await scoreFixture('mature-operator');
    expect(mature.band).toBe('low');
    expect(mature.criticalGaps).toEqual([]);
  });

  it('keeps the middle profile between the two, held at high by its critical gaps', async () => {
    const middle = await scoreFixture('middle-profile');
    expect(middle.risk).toBeGreaterThan(25);
    expect(middle.risk).toBeLessThan(75);
    expect(middle.band).toBe('high');
    expect(middle.criticalGaps.length).toBeGreaterThan(0);
  });

  it('scores a file answered under question set 1.0.0 by migrating it first', async () => {
    const migrated = await scoreFixture('v1/middle-profile');
    expect(migrated.questionSet).toEqual({ id: 'softcell', version: '2.0.0' });
    expect(migrated.band).toBe('high');
    // The questions new in 2.0.0 have no answer yet, so the 1.0.0 file scores worse than the
    // same operator answered in full under 2.0.0.
    expect(migrated.risk).toBeGreaterThan((await scoreFixture('middle-profile')).risk);
  });

  it('rejects a broken file with exit 2 and one plain line naming the problem', async () => {
    const file = JSON.parse(readFileSync(`${fixtures}/middle-profile.json`, 'utf8')) as {
      answers: Record<string, unknown>;
    };
    file.answers['EXP-02'] = { choice: 'maybe' };
    const path = join(scratch, 'broken.json');
    writeFileSync(path, JSON.stringify(file));
    const { status, stdout, stderr } = await runInProcess(['score', path]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `${path}: answers.EXP-02.choice: "maybe" is not an answer to EXP-02; it accepts none, some, most, all, verified, na, unknown.\n`,
    );
  });

  it('rejects a truncated file and a missing file in one line each', async () => {
    const path = join(scratch, 'truncated.json');
    writeFileSync(path, readFileSync(`${fixtures}/middle-profile.json`, 'utf8').slice(0, 300));
    const truncated = await runInProcess(['score', path]);
    expect(truncated.status).toBe(2);
    expect(truncated.stderr.trim().split('\n')).toHaveLength(1);
    expect(truncated.stderr).toMatch(/it is not JSON text, or it was cut off before its end/);
    const missing = await runInProcess(['score', join(scratch, 'nope.json')]);
    expect(missing).toMatchObject({
      status: 2,
      stderr: `${join(scratch, 'nope.json')}: no such file\n`,
    });
  });
});
