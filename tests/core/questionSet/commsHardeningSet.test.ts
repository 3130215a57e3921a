import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { referenceTitles } from '../../../src/core/frameworks/catalog.ts';
import { controlQuestions, coverageOf } from '../../../src/core/questionSet/coverage.ts';
import type { Question, QuestionSet } from '../../../src/core/questionSet/schema.ts';
import { loadQuestionSetFolder } from '../../../src/node/questionSetFolder.ts';

const questionsRoot = join(import.meta.dirname, '../../../questions');
const folder = join(questionsRoot, 'comms-hardening');

function load(path: string): QuestionSet {
  const result = loadQuestionSetFolder(path);
  if (!result.ok) throw new Error(`${path} is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}

const set = load(folder);
const controls = controlQuestions(set);
const byId = new Map<string, Question>(set.questions.map((q) => [q.id, q]));

// Listed literally, not derived from the set: a recommendation dropped from set.yaml must fail.
const visibility = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10'];
const hardening = Array.from({ length: 24 }, (_, i) => `H${i + 1}`);
const cisco = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];

describe('the communications-infrastructure hardening question set', () => {
  it('is the comms-hardening set of the December 2024 guidance, with 40 to 55 questions in the eight domains', () => {
    expect(set.id).toBe('comms-hardening');
    expect(set.version).toBe('1.0.0');
    expect(set.source.date).toBe('2024-12-03');
    expect(set.source.link).toBe(
      'https://www.cisa.gov/resources-tools/resources/enhanced-visibility-and-hardening-guidance-communications-infrastructure',
    );
    expect(set.sources.map((s) => s.id)).toContain('CISA');
    expect(set.domains.map((d) => d.id)).toEqual([
      'EDG',
      'MPL',
      'AAA',
      'PRO',
      'CFG',
      'VIS',
      'PAT',
      'CSC',
    ]);
    expect(set.questions.length).toBeGreaterThanOrEqual(40);
    expect(set.questions.length).toBeLessThanOrEqual(55);
  });

  it('keeps V1-V10, H1-H24 and C1-C6 as unverified paraphrases of the guidance, each with an audience', () => {
    expect(set.recommendations.map((r) => r.id)).toEqual([...visibility, ...hardening, ...cisco]);
    for (const recommendation of set.recommendations) {
      expect(recommendation.origin, recommendation.id).toBe('report');
      expect(recommendation.unverified, recommendation.id).toBe(true);
      expect(recommendation.quote, recommendation.id).toBeUndefined();
      expect(recommendation.audience?.length, recommendation.id).toBeGreaterThan(0);
    }
    for (const id of cisco)
      expect(set.recommendations.find((r) => r.id === id)?.audience, id).toEqual(['engineers']);
  });

  it('names every V and H recommendation in at least one control question', () => {
    const named = new Set(controls.flatMap((q) => q.recommendations));
    for (const id of [...visibility, ...hardening]) expect(named, id).toContain(id);
  });

  it('names every Cisco recommendation, and only in questions gated behind CSC-01', () => {
    const gate = byId.get('CSC-01');
    expect(gate?.kind).toBe('scope');
    for (const id of cisco) {
      const naming = controls.filter((q) => q.recommendations.includes(id));
      expect(naming.length, id).toBeGreaterThan(0);
      for (const question of naming) {
        expect(question.domain, question.id).toBe('CSC');
        expect(question.showIf, question.id).toEqual({ question: 'CSC-01', anyOf: ['yes'] });
      }
    }
    // Nothing outside the Cisco domain hides behind the Cisco gate, and every Cisco control does.
    for (const question of set.questions.filter((q) => q.showIf?.question === 'CSC-01'))
      expect(question.domain, question.id).toBe('CSC');
    for (const question of controls.filter((q) => q.domain === 'CSC'))
      expect(question.showIf?.question, question.id).toBe('CSC-01');
  });

  it('gives every control the audience of the recommendations it answers', () => {
    const audienceOf = new Map(set.recommendations.map((r) => [r.id, r.audience ?? []]));
    for (const question of controls) {
      expect(question.audience?.length, question.id).toBeGreaterThan(0);
      const expected = new Set(question.recommendations.flatMap((id) => audienceOf.get(id) ?? []));
      expect(new Set(question.audience), question.id).toEqual(expected);
    }
  });

  it('has at least one control in each domain', () => {
    for (const domain of coverageOf(set).domains) {
      const inDomain = controls.filter((q) => q.domain === domain.id);
      expect(inDomain.length, domain.id).toBeGreaterThan(0);
    }
  });

  it('has a title for every framework reference it cites, for the reports', () => {
    const cited = new Set(controls.flatMap((q) => [...q.refs.nistCsf, ...q.refs.cisV8]));
    expect([...cited].filter((id) => !(id in referenceTitles))).toEqual([]);
  });

  it('names every ATT&CK technique it cites, each marked as its own mapping', () => {
    const chain = new Set(set.phases.flatMap((p) => p.attack));
    for (const question of controls) {
      for (const technique of question.attack) {
        expect(chain, `${question.id} ${technique}`).toContain(technique);
        expect(set.techniques[technique]?.name, technique).toBeTruthy();
      }
    }
    // The guidance maps no technique to the intrusions, so every mapping is the set's own.
    for (const [id, technique] of Object.entries(set.techniques))
      expect(technique.ownMapping, id).toBeTruthy();
    expect(set.techniques['T1601']?.name).toBe('Modify System Image');
    expect(set.techniques['T1556.004']?.name).toBe(
      'Modify Authentication Process: Network Device Authentication',
    );
  });

  it('words the attack chain as a model of what an intruder can do, not as history', () => {
    expect(set.phases.length).toBeGreaterThanOrEqual(6);
    expect(set.phases.length).toBeLessThanOrEqual(8);
    for (const phase of set.phases) expect(phase.summary, phase.id).toMatch(/\bcan\b/);
    const covered = coverageOf(set).phases;
    for (const phase of covered) expect(phase.questions.length, phase.id).toBeGreaterThan(0);
  });

  it('never names Salt Typhoon, anywhere in the set', () => {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml'))) {
      expect(readFileSync(join(folder, name), 'utf8'), name).not.toMatch(/salt\s*typhoon/i);
    }
    for (const question of set.questions) expect(question.help).not.toMatch(/typhoon/i);
  });

  it('cites the guidance wherever a help text tells what the actors did or what the guidance says', () => {
    const history =
      /\b(PRC|the (intruders?|actors?|attackers?|intrusions?|compromises?|campaign|victims?)|compromised (networks|providers)|telecommunications providers)\b/i;
    let historyFound = 0;
    for (const question of set.questions) {
      const sentences = question.help.split(/(?<=[.;])\s+/);
      for (const sentence of sentences.filter((s) => history.test(s))) {
        historyFound += 1;
        expect(question.sources, `${question.id}: ${sentence}`).toContain('CISA');
      }
      if (/\bguidance\b/i.test(question.help))
        expect(question.sources, question.id).toContain('CISA');
    }
    // The set does say what the guidance reports about the intrusions, and sources it.
    expect(historyFound).toBeGreaterThan(0);
  });

  it('marks as critical the few controls whose absence alone lets an intruder through', () => {
    const critical = controls.filter((q) => q.critical).map((q) => q.id);
    expect(critical).toEqual(
      expect.arrayContaining(['EDG-03', 'EDG-05', 'AAA-05', 'PRO-01', 'PAT-03', 'CSC-02']),
    );
    expect(critical.length).toBeLessThanOrEqual(8);
    for (const question of controls.filter((q) => q.critical)) {
      expect(question.criticalReason, question.id).toBeTruthy();
      expect(
        question.options.some((o) => o.coverage >= 0.7 && o.coverage < 1),
        question.id,
      ).toBe(true);
    }
  });

  it('gives every control a graded ladder from 0 to 1, a weight with a reason, and a programme', () => {
    const programmes = new Set(set.programmes.map((p) => p.id));
    expect(programmes.size).toBeLessThanOrEqual(10);
    for (const question of controls) {
      const coverages = question.options.map((o) => o.coverage);
      expect(coverages[0], question.id).toBe(0);
      expect(coverages.at(-1), question.id).toBe(1);
      expect(
        [...coverages].sort((a, b) => a - b),
        question.id,
      ).toEqual(coverages);
      expect(question.weightReason.length, question.id).toBeGreaterThan(10);
      expect(programmes, question.id).toContain(question.remediation.programme);
      for (const option of question.options)
        if (option.loggedNotAlerted) expect(option.coverage, question.id).toBe(0.3);
    }
  });

  describe('facts shared with the Soft Cell set', () => {
    interface Pair {
      here: string;
      there: string;
      fact: string;
      toThere: Record<string, string>;
      toHere: Record<string, string>;
    }
    const file = parse(readFileSync(join(folder, 'equivalences.yaml'), 'utf8')) as {
      with: string;
      pairs: Pair[];
    };
    const other = load(join(questionsRoot, file.with));

    it('pairs questions of this set with the Soft Cell set, each question at most once', () => {
      expect(file.with).toBe('softcell');
      expect(file.pairs.length).toBeGreaterThanOrEqual(4);
      const heres = file.pairs.map((p) => p.here);
      const theres = file.pairs.map((p) => p.there);
      expect(new Set(heres).size).toBe(heres.length);
      expect(new Set(theres).size).toBe(theres.length);
      // The pairs the brief names: out-of-band management, personal AAA accounts, admin MFA.
      expect(file.pairs.map((p) => `${p.here}~${p.there}`)).toEqual(
        expect.arrayContaining(['MPL-01~SEG-06', 'AAA-01~PRV-08', 'AAA-04~PRV-03']),
      );
    });

    it('maps every option of both sides, in order, between questions of the same kind', () => {
      const otherById = new Map(other.questions.map((q) => [q.id, q]));
      for (const pair of file.pairs) {
        const here = byId.get(pair.here);
        const there = otherById.get(pair.there);
        expect(here, pair.here).toBeDefined();
        expect(there, pair.there).toBeDefined();
        if (!here || !there) continue;
        expect(here.kind, pair.here).toBe(there.kind);
        expect(pair.fact.length, pair.here).toBeGreaterThan(5);
        const check = (
          from: Question,
          to: Question,
          mapping: Record<string, string>,
          label: string,
        ) => {
          expect(Object.keys(mapping).sort(), label).toEqual(from.options.map((o) => o.id).sort());
          const rank = new Map(to.options.map((o, index) => [o.id, index]));
          let previous = -1;
          for (const option of from.options) {
            const target = mapping[option.id] ?? '';
            expect(rank.has(target), `${label} ${option.id} → ${target}`).toBe(true);
            const position = rank.get(target) ?? -1;
            // A better option never maps to a worse one than a lesser option does.
            expect(position, `${label} ${option.id}`).toBeGreaterThanOrEqual(previous);
            previous = position;
          }
        };
        check(here, there, pair.toThere, `${pair.here} → ${pair.there}`);
        check(there, here, pair.toHere, `${pair.there} → ${pair.here}`);
      }
    });
  });
});
