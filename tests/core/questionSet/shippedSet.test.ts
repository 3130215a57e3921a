import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceTitles } from '../../../src/core/frameworks/catalog.ts';
import {
  controlQuestions,
  coverageMarkdown,
  coverageOf,
} from '../../../src/core/questionSet/coverage.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

const set = loadShippedSet();
const controls = controlQuestions(set);

describe('the shipped Soft Cell question set', () => {
  it('has 45 to 70 questions in 8 to 10 domains', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(45);
    expect(set.questions.length).toBeLessThanOrEqual(70);
    expect(set.domains.length).toBeGreaterThanOrEqual(8);
    expect(set.domains.length).toBeLessThanOrEqual(10);
  });

  it('covers every recommendation R1-R4 and D1-D11 with at least 2 questions', () => {
    const expected = ['R1', 'R2', 'R3', 'R4', ...Array.from({ length: 11 }, (_, i) => `D${i + 1}`)];
    const coverage = coverageOf(set).recommendations;
    expect(coverage.map((r) => r.id)).toEqual(expected);
    for (const recommendation of coverage) {
      expect(recommendation.questions.length, recommendation.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers every attack phase P1-P8 with at least 3 questions', () => {
    const coverage = coverageOf(set).phases;
    expect(coverage.map((p) => p.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
    for (const phase of coverage)
      expect(phase.questions.length, phase.id).toBeGreaterThanOrEqual(3);
  });

  it('marks as critical the controls whose absence alone let the actor through', () => {
    const critical = controls.filter((q) => q.critical);
    const techniquesOfCritical = new Set(critical.flatMap((q) => q.attack));
    // web-server exploitation, web shells, LSASS dumping, new domain accounts, CDR collection
    for (const technique of ['T1190', 'T1505.003', 'T1003.001', 'T1136.002', 'T1005']) {
      expect(techniquesOfCritical, technique).toContain(technique);
    }
    expect(critical.map((q) => q.id)).toEqual(
      expect.arrayContaining(['EXP-02', 'EXP-03', 'EDR-03', 'CRD-01', 'PRV-01', 'SUB-02']),
    );
  });

  it('gives every control 3 to 5 options graded from 0 to 1 and a weight with a reason', () => {
    for (const question of controls) {
      expect(question.options.length, question.id).toBeGreaterThanOrEqual(3);
      expect(question.options.length, question.id).toBeLessThanOrEqual(5);
      expect(question.options[0]?.coverage, question.id).toBe(0);
      expect(question.options.at(-1)?.coverage, question.id).toBe(1);
      expect(question.weightReason.length, question.id).toBeGreaterThan(10);
    }
  });

  it('hides web-tier and remote-access questions behind scoping questions', () => {
    const gated = (gate: string) =>
      set.questions.filter((q) => q.showIf?.question === gate).map((q) => q.id);
    expect(gated('EXP-01')).toEqual(
      expect.arrayContaining(['EXP-02', 'EXP-03', 'EDR-03', 'EDR-04']),
    );
    expect(gated('RAE-01')).toEqual(expect.arrayContaining(['RAE-02', 'RAE-03']));
  });

  it('has a title for every framework reference it cites, for the reports', () => {
    const cited = new Set(controls.flatMap((q) => [...q.refs.nistCsf, ...q.refs.cisV8]));
    expect([...cited].filter((id) => !(id in referenceTitles))).toEqual([]);
  });

  it('names every ATT&CK technique it cites', () => {
    for (const question of controls) {
      for (const technique of question.attack)
        expect(set.techniques[technique], technique).toBeTruthy();
    }
  });

  it('keeps docs/coverage.md in step with the question files', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../docs/coverage.md'), 'utf8');
    expect(committed, 'run: npm run cli -- coverage questions/softcell > docs/coverage.md').toBe(
      coverageMarkdown(set),
    );
  });
});
