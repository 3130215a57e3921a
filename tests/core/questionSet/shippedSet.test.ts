import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceTitles } from '../../../src/core/frameworks/catalog.ts';
import {
  controlQuestions,
  libraryCoverageMarkdown,
  coverageOf,
} from '../../../src/core/questionSet/coverage.ts';
import { loadShippedSet, loadShippedSets } from '../../support/shippedSet.ts';

const set = loadShippedSet();
const controls = controlQuestions(set);

describe('the shipped Soft Cell question set', () => {
  it('has 45 to 80 questions in 8 to 10 domains', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(45);
    expect(set.questions.length).toBeLessThanOrEqual(80);
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
      expect.arrayContaining([
        'EXP-02',
        'EXP-03',
        'CRD-01',
        'PRV-01',
        'SEG-01',
        'EDR-01',
        'SUB-02',
      ]),
    );
    for (const question of critical) {
      expect(question.criticalReason, question.id).toBeTruthy();
      // "In place, not yet verified" must exist and must not hold the band.
      expect(
        question.options.some((o) => o.coverage >= 0.7 && o.coverage < 1),
        question.id,
      ).toBe(true);
    }
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
      expect.arrayContaining(['EXP-02', 'EXP-08', 'EDR-03', 'EDR-04']),
    );
    expect(gated('RAE-01')).toEqual(expect.arrayContaining(['RAE-02', 'RAE-10']));
    // Web shells can be planted on any server a foothold reaches, so EXP-03 is always asked.
    expect(set.questions.find((q) => q.id === 'EXP-03')?.showIf).toBeUndefined();
  });

  it('has a title for every framework reference it cites, for the reports', () => {
    const cited = new Set(controls.flatMap((q) => [...q.refs.nistCsf, ...q.refs.cisV8]));
    expect([...cited].filter((id) => !(id in referenceTitles))).toEqual([]);
  });

  it('names every ATT&CK technique it cites', () => {
    for (const question of controls) {
      for (const technique of question.attack)
        expect(set.techniques[technique]?.name, technique).toBeTruthy();
    }
  });

  it('states no unsourced history: the phrases the 1.0 review found are gone, and actor sentences cite sources', () => {
    const invented = [
      'nobody was alerted',
      'every machine with the same local administrator password',
      'credentials stolen months earlier',
      'kept other footholds',
      'did not know they had',
      'favoured',
      'believed was fine',
      'long before anyone acted',
      'found this actor before',
      'waves over years',
    ];
    for (const question of set.questions) {
      for (const phrase of invented) expect(question.help, question.id).not.toContain(phrase);
      if (/\b(the intruders|the actor|the victims)\b/i.test(question.help))
        expect(question.sources.length, question.id).toBeGreaterThan(0);
    }
  });

  it('quotes R1 with its checked wording and marks R2-R4 as unverified paraphrases', () => {
    const byId = new Map(set.recommendations.map((r) => [r.id, r]));
    expect(byId.get('R1')?.quote).toBe(
      'Add an additional security layer for web servers. For example, use WAF (Web Application FW) to prevent trivial attacks on Internet-facing web servers.',
    );
    for (const id of ['R2', 'R3', 'R4']) expect(byId.get(id)?.unverified, id).toBe(true);
    expect(set.sources.map((s) => s.id)).toEqual(['CR', 'ATTACK', 'MS', 'SC']);
  });

  it('covers the paths an operator really has: identity plane, management plane, third parties, Linux and database credentials, deception, DNS, minimisation', () => {
    const byId = new Map(controls.map((q) => [q.id, q]));
    for (const id of [
      'PRV-07',
      'CRD-07',
      'SEG-06',
      'PRV-08',
      'RAE-08',
      'CRD-08',
      'LOG-08',
      'SUB-09',
      'RAE-09',
      'SUB-10',
      // the other questions new in 2.0.0
      'CRD-09',
      'EDR-08',
      'RAE-10',
      'EXP-08',
    ]) {
      const question = byId.get(id);
      expect(question, id).toBeDefined();
      expect(question?.recommendations.length, id).toBeGreaterThan(0);
      expect(question?.phases.length, id).toBeGreaterThan(0);
    }
    // The watch list of officials and journalists is gone; CDR stores sit in OSS/BSS.
    expect(set.questions.some((q) => q.id === 'SUB-04')).toBe(false);
    expect(set.questions.some((q) => /journalists/.test(q.text))).toBe(false);
    expect(byId.get('SEG-01')?.text).toMatch(
      /corporate IT, OSS\/BSS .*the network management plane and the core network/,
    );
  });

  it('gives "logged, but nobody is alerted" one coverage everywhere, and says what each control does', () => {
    for (const question of controls) {
      for (const option of question.options)
        if (option.loggedNotAlerted) expect(option.coverage, question.id).toBe(0.3);
      expect(question.effect.length, question.id).toBeGreaterThan(0);
      // Hunts name the phases they look for but never count as a detection in place.
      const namesPhases = question.effect.some(
        (e) => e === 'prevent' || e === 'detect' || e === 'hunt',
      );
      expect(question.phases.length > 0, question.id).toBe(namesPhases);
    }
  });

  it('keeps docs/coverage.md in step with the question files of every set', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../docs/coverage.md'), 'utf8');
    expect(committed, 'run: npm run cli -- coverage questions > docs/coverage.md').toBe(
      libraryCoverageMarkdown(loadShippedSets()),
    );
  });
});
