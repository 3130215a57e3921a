import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../../src/core/assessment/parseFile.ts';
import { plan } from '../../../src/core/planning/plan.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { loadQuestionSetFolder } from '../../../src/node/questionSetFolder.ts';

const root = join(import.meta.dirname, '../../..');
const doc = readFileSync(join(root, 'docs/methodology.md'), 'utf8');

/** The "quantity | value" rows of the worked example in docs/methodology.md. */
function documentedValues(): Map<string, string> {
  const section = doc.slice(doc.indexOf('## 7. Worked example'));
  const rows = [...section.matchAll(/^\| ([a-zA-Z0-9 -]+?) +\| ([^|]+?) +\|/gm)];
  return new Map(rows.map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('docs/methodology.md worked example', () => {
  const loaded = loadQuestionSetFolder(join(root, 'tests/fixtures/question-sets/worked-example'));
  if (!loaded.ok) throw new Error('the worked-example set is invalid');
  const parsed = parseAssessmentText(
    readFileSync(join(root, 'tests/fixtures/assessments/worked-example.json'), 'utf8'),
    loaded.value,
  );
  if (!parsed.ok) throw new Error('the worked-example assessment is invalid');
  const result = score(loaded.value, parsed.value.assessment);
  const remediation = plan(loaded.value, parsed.value.assessment, result);
  const contribution = (id: string) =>
    result.questions.find((q) => q.questionId === id)?.contribution ?? NaN;
  const domain = (id: string) => result.domains.find((d) => d.domainId === id)?.risk ?? NaN;
  const rating = (value: number | null | undefined) =>
    value === null || value === undefined ? 'n/a' : value.toFixed(2);
  const phase = (id: string) => result.phases.find((p) => p.phaseId === id);
  const action = (id: string) => remediation.actions.find((a) => a.id === id);

  const computed: Record<string, string> = {
    risk: result.risk.toFixed(2),
    'band from risk': result.bandFromRisk,
    band: result.band,
    'contribution WEB-01': contribution('WEB-01').toFixed(2),
    'contribution WEB-02': contribution('WEB-02').toFixed(2),
    'contribution NET-01': contribution('NET-01').toFixed(2),
    'domain WEB risk': domain('WEB').toFixed(2),
    'domain NET risk': domain('NET').toFixed(2),
    'P1 prevention': rating(phase('P1')?.prevention),
    'P1 detection': rating(phase('P1')?.detection),
    'P2 prevention': rating(phase('P2')?.prevention),
    'P2 detection': rating(phase('P2')?.detection),
    unopposed: result.chain.unopposed.join(' '),
    'first detection in place': result.chain.earliestDetection ?? 'none',
    'action WEB-01 risk reduction': (action('WEB-01')?.riskReduction ?? NaN).toFixed(2),
    'action WEB-02 risk reduction': (action('WEB-02')?.riskReduction ?? NaN).toFixed(2),
    'action WEB-02 priority': (action('WEB-02')?.priority ?? NaN).toFixed(2),
    'programme EDGE risk reduction': (
      remediation.programmes.find((p) => p.id === 'EDGE')?.riskReduction ?? NaN
    ).toFixed(2),
  };

  it('shows every value the code computes', () => {
    const documented = documentedValues();
    expect(Object.fromEntries(Object.keys(computed).map((k) => [k, documented.get(k)]))).toEqual(
      computed,
    );
  });

  it('orders the plan and the programmes as the document explains', () => {
    expect(remediation.actions.map((a) => [a.id, a.horizon])).toEqual([
      ['WEB-01-CONTAIN', '0-30'],
      ['WEB-02', '0-30'],
      ['WEB-01', '31-90'],
    ]);
    expect(remediation.programmes.map((p) => p.id)).toEqual(['EDGE', 'WATCH']);
  });
});
