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
  it('is the comms-hardening set of the December 2024 guidance, with 61 questions in the eight domains', () => {
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
    expect(set.questions.length).toBe(61);
    expect(controls.length).toBe(59);
    // The guidance maps no ATT&CK technique, and the source note says exactly that.
    expect(set.sources.find((s) => s.id === 'CISA')?.note).toContain('maps no ATT&CK technique');
  });

  it('keeps V1-V10, H1-H24 and C1-C6 as unverified paraphrases of the guidance, each with an audience', () => {
    expect(set.recommendations.map((r) => r.id)).toEqual([
      ...visibility,
      ...hardening,
      ...cisco,
      'D1',
    ]);
    for (const recommendation of set.recommendations.filter((r) => r.id !== 'D1')) {
      expect(recommendation.origin, recommendation.id).toBe('report');
      expect(recommendation.unverified, recommendation.id).toBe(true);
      expect(recommendation.quote, recommendation.id).toBeUndefined();
      expect(recommendation.audience?.length, recommendation.id).toBeGreaterThan(0);
    }
    for (const id of cisco)
      expect(set.recommendations.find((r) => r.id === id)?.audience, id).toEqual(['engineers']);
  });

  it('adds D1, incident reporting readiness, as its own derived recommendation answered by the scored VIS-06', () => {
    const d1 = set.recommendations.find((r) => r.id === 'D1');
    expect(d1?.origin).toBe('derived');
    expect(d1?.quote).toBeUndefined();
    expect(d1?.unverified).toBeUndefined();
    expect(d1?.audience).toEqual(['defenders']);
    const vis06 = byId.get('VIS-06');
    expect(vis06?.kind).toBe('control');
    if (vis06?.kind !== 'control') return;
    expect(vis06.recommendations).toEqual(['D1']);
    expect(vis06.effect).toEqual(['respond']);
    expect(vis06.weight).toBe(2);
    expect(vis06.phases).toEqual([]);
    expect(vis06.options.map((o) => o.id)).toEqual(['none', 'known', 'written', 'tested']);
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
    // ATT&CK's own names of the techniques added after the review.
    expect(set.techniques['T1059.006']?.name).toBe('Command and Scripting Interpreter: Python');
    expect(set.techniques['T1599']?.name).toBe('Network Boundary Bridging');
    expect(set.techniques['T1601.001']?.name).toBe('Modify System Image: Patch System Image');
    expect(set.techniques['T1542.004']?.name).toBe('Pre-OS Boot: ROMMONkit');
    expect(set.techniques['T1205']?.name).toBe('Traffic Signaling');
    const attackOf = (id: string) => {
      const question = byId.get(id);
      return question?.kind === 'control' ? question.attack : [];
    };
    // Guestshell runs tools on the device; source routing steers packets past filters.
    expect(attackOf('CSC-03')).toEqual(['T1059.006']);
    expect(attackOf('PRO-03')).toContain('T1599');
    expect(attackOf('PRO-03')).not.toContain('T1557');
    expect(attackOf('CFG-06')).toEqual(expect.arrayContaining(['T1601.001', 'T1542.004', 'T1205']));
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
      /\b(PRC|the (intruders?|actors?|attackers?|intrusions?|compromises?|campaign|victims?|activity it responds to)|compromised (networks|providers)|telecommunications providers)\b/i;
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
    // PRO-01 is not critical: out-of-band management and encrypted transport (PRO-07) also
    // protect credentials in transit. AAA-03 is: nothing else separates directory and devices.
    expect([...critical].sort()).toEqual([
      'AAA-03',
      'AAA-05',
      'CSC-02',
      'EDG-03',
      'EDG-05',
      'PAT-03',
    ]);
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

  it('opens the plan with a compromise assessment of the devices, a hunt that never counts as a detection', () => {
    const assessment = byId.get('CFG-08');
    expect(assessment?.kind).toBe('control');
    if (assessment?.kind !== 'control') return;
    expect(assessment.effect).toEqual(['hunt']);
    expect(assessment.remediation.assumeBreach).toBe(true);
    expect(assessment.phases.length).toBeGreaterThan(0);
    // Worded as reasoning: it neither cites nor needs a source.
    expect(assessment.help).not.toMatch(/\bguidance\b|\bthe (intruders?|actors?)\b/i);
  });

  it('asks for phishing-resistant MFA on the way to the devices, a protected configuration platform and vendor access through jump hosts', () => {
    const recommendationsOf = (id: string) => {
      const question = byId.get(id);
      return question?.kind === 'control' ? question.recommendations : [];
    };
    expect(recommendationsOf('AAA-12')).toEqual(['H20']);
    expect(byId.get('AAA-04')?.help).toContain('AAA-12');
    expect(recommendationsOf('AAA-13')).toEqual(expect.arrayContaining(['H20', 'H23', 'H24']));
    const platform = byId.get('CFG-07');
    expect(platform?.kind === 'control' && platform.remediation.programme).toBe('CONFIG');
  });

  it('asks personal AAA accounts and out-of-band management for firewalls, VPN gateways and load balancers, which the shared questions on network elements leave out', () => {
    const pairedHere = new Set(
      (
        parse(readFileSync(join(folder, 'equivalences.yaml'), 'utf8')) as {
          pairs: { here: string }[];
        }
      ).pairs.map((p) => p.here),
    );
    for (const [id, neighbour, recommendations] of [
      ['AAA-14', 'AAA-01', ['H21', 'H24']],
      ['MPL-08', 'MPL-01', ['H1']],
    ] as const) {
      const question = byId.get(id);
      expect(question?.kind, id).toBe('control');
      if (question?.kind !== 'control') continue;
      expect(question.text, id).toMatch(/^Firewalls, VPN gateways and load balancers\b/);
      expect(question.help, id).toContain(neighbour);
      expect(question.recommendations, id).toEqual(recommendations);
      expect(question.critical, id).toBeFalsy();
      expect(pairedHere.has(id), id).toBe(false);
      // The same ladder as the question on network elements, so the two read alike.
      const ladder = (q: Question) =>
        q.options.map((o) => [o.id, 'coverage' in o ? o.coverage : -1]);
      const other = byId.get(neighbour);
      if (other) expect(ladder(question), id).toEqual(ladder(other));
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
      // Edge patching and edge management interfaces ask about network devices here and about
      // servers and gateways there, so they are not paired.
      expect(file.pairs.map((p) => `${p.here}~${p.there}`).sort()).toEqual([
        'AAA-01~PRV-08',
        'AAA-04~PRV-03',
        'MPL-01~SEG-06',
        'MPL-04~SEG-02',
        'PAT-03~VUL-04',
      ]);
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

    it('pairs only questions with the same ladder, so that each option maps to its namesake', () => {
      const otherById = new Map(other.questions.map((q) => [q.id, q]));
      for (const pair of file.pairs) {
        const here = byId.get(pair.here);
        const there = otherById.get(pair.there);
        if (!here || !there) throw new Error(`${pair.here} or ${pair.there} is missing`);
        const ladder = (q: Question) =>
          q.options.map((o) => ({
            id: o.id,
            criteria: o.criteria,
            coverage: 'coverage' in o ? o.coverage : undefined,
          }));
        expect(ladder(here), pair.here).toEqual(ladder(there));
        for (const option of here.options) {
          expect(pair.toThere[option.id], `${pair.here} ${option.id}`).toBe(option.id);
          expect(pair.toHere[option.id], `${pair.there} ${option.id}`).toBe(option.id);
        }
      }
    });

    it('words the questions on network elements exactly as Soft Cell does, and says so', () => {
      const otherById = new Map(other.questions.map((q) => [q.id, q]));
      for (const [here, there] of [
        ['MPL-01', 'SEG-06'],
        ['AAA-01', 'PRV-08'],
        ['AAA-04', 'PRV-03'],
      ] as const) {
        expect(byId.get(here)?.text, here).toBe(otherById.get(there)?.text);
        expect(byId.get(here)?.help, here).toContain(
          `asks the same fact as the Soft Cell set's ${there}, so one answer serves both`,
        );
      }
    });
  });
});
