import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Assessment } from '../../../src/core/assessment/model.ts';
import { carryForward } from '../../../src/core/cycles/cycles.ts';
import {
  navigatorChangeLayer,
  navigatorLayer,
  navigatorLayerJson,
  techniqueCoverage,
  type NavigatorLayer,
  type NavigatorTechnique,
} from '../../../src/core/export/navigatorLayer.ts';
import { controlQuestions } from '../../../src/core/questionSet/coverage.ts';
import type { ControlQuestion, QuestionSet } from '../../../src/core/questionSet/schema.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { answersArbitrary } from '../../support/arbitraries.ts';
import {
  navigatorLayerFileSchema,
  navigatorLayerSchema,
} from '../../support/navigatorLayerSchema.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';
import { loadShippedSets } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const sets = loadShippedSets();
const setById = (id: string): QuestionSet => {
  const set = sets.find((s) => s.id === id);
  if (!set) throw new Error(`no shipped set ${id}`);
  return set;
};
const softcell = setById('softcell');
const comms = setById('comms-hardening');

/** Every assessment fixture of a shipped set, by the set it answers. */
const fixtures: [string, QuestionSet][] = [
  ['all-best', softcell],
  ['all-worst', softcell],
  ['mature-operator', softcell],
  ['middle-profile', softcell],
  ['soft-cell-victim', softcell],
  ['unicode-operator', softcell],
  ['network-side', comms],
];

const scored = (set: QuestionSet, assessment: Assessment) => ({
  assessment,
  result: score(set, assessment),
});
const layerOf = (set: QuestionSet, assessment: Assessment) =>
  navigatorLayer(set, scored(set, assessment));
const changeOf = (set: QuestionSet, previous: Assessment, current: Assessment) =>
  navigatorChangeLayer(set, scored(set, previous), scored(set, current));

/** The layer as Navigator reads the file: the JSON text, parsed, checked against the spec. */
function validated(layer: NavigatorLayer) {
  const read = navigatorLayerSchema.safeParse(JSON.parse(navigatorLayerJson(layer)));
  expect(read.error?.issues ?? []).toEqual([]);
  return read.data;
}

function techniqueIn(layer: NavigatorLayer, id: string): NavigatorTechnique {
  const technique = layer.techniques.find((t) => t.techniqueID === id);
  if (!technique) throw new Error(`${id} is not in the layer`);
  return technique;
}

const control = (set: QuestionSet, id: string): ControlQuestion => {
  const question = controlQuestions(set).find((q) => q.id === id);
  if (!question) throw new Error(`no control ${id}`);
  return question;
};
const coverageOf = (set: QuestionSet, id: string, option: string) =>
  control(set, id).options.find((o) => o.id === option)?.coverage ?? Number.NaN;
const mappedTechniques = (set: QuestionSet) =>
  [...new Set(controlQuestions(set).flatMap((q) => q.attack))].sort();

/** The assessment with some answers replaced (undefined removes the answer). */
function withAnswers(
  assessment: Assessment,
  answers: Readonly<Record<string, Answer | undefined>>,
): Assessment {
  const replaced = Object.entries({ ...assessment.answers, ...answers }).filter(
    (entry): entry is [string, Answer] => entry[1] !== undefined,
  );
  return { ...assessment, answers: Object.fromEntries(replaced) };
}

/** The next quarter of an assessment, every answer carried over, then these answers changed. */
const nextQuarter = (
  assessment: Assessment,
  cycle: string,
  answers: Readonly<Record<string, Answer | undefined>>,
) => withAnswers(carryForward(assessment, { cycle }, new Date('2027-01-05T00:00:00Z')), answers);

const notApplicable = (reason = 'The vendor runs it under contract.'): Answer => ({
  choice: 'na',
  naReason: reason,
});

describe('the layer-format schema written from the 4.5 specification', () => {
  // A layer using every part of the specification: tactic, colour, links, dividers, filters.
  const everything = {
    name: 'every field',
    versions: { attack: '18', navigator: '5.2.0', layer: '4.5' },
    domain: 'enterprise-attack',
    description: 'uses every property the specification lists',
    filters: { platforms: ['Windows', 'Linux'] },
    sorting: 3,
    layout: {
      layout: 'flat',
      showID: true,
      showName: false,
      showAggregateScores: true,
      countUnscored: false,
      aggregateFunction: 'max',
      expandedSubtechniques: 'all',
    },
    hideDisabled: true,
    techniques: [
      { techniqueID: 'T1110', score: 0, color: '#fd8d3c', showSubtechniques: true },
      { techniqueID: 'T1110.001', score: 100, links: [{ label: 'a', url: 'https://x.test' }] },
      { techniqueID: 'T1078', tactic: 'initial-access', enabled: false, comment: '' },
      { techniqueID: 'T1078', tactic: 'persistence', color: '' },
      {
        techniqueID: 'T1053',
        metadata: [{ name: 'one', value: '1' }, { divider: true }, { name: 'two', value: '2' }],
      },
    ],
    gradient: { colors: ['#ff6666ff', '#ffe766', '#8ec843'], minValue: -5, maxValue: 5 },
    legendItems: [{ label: 'legend', color: '#FF00FF' }],
    showTacticRowBackground: true,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: false,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
    metadata: [{ name: 'layer', value: 'metadata' }, { divider: true }],
    links: [{ label: 'Navigator', url: 'https://github.com/mitre-attack/attack-navigator' }],
  };

  it('accepts a layer that uses every property of the specification, alone or in a list', () => {
    expect(navigatorLayerSchema.safeParse(everything).error?.issues ?? []).toEqual([]);
    expect(navigatorLayerFileSchema.safeParse([everything, everything]).success).toBe(true);
    expect(navigatorLayerSchema.safeParse({ name: 'minimal', domain: 'ics-attack' }).success).toBe(
      true,
    );
  });

  const technique = (change: Record<string, unknown>) => ({
    ...everything,
    techniques: [{ techniqueID: 'T1190', ...change }],
  });
  it.each<[string, unknown]>([
    ['a score given as text', technique({ score: '80' })],
    ['a technique id in lower case', technique({ techniqueID: 't1190' })],
    ['a sub-technique id with two digits', technique({ techniqueID: 'T1003.01' })],
    ['a tactic given by its name', technique({ tactic: 'Lateral Movement' })],
    ['enabled given as text', technique({ enabled: 'false' })],
    ['a misspelt technique key', technique({ techniqueId: 'T1190' })],
    ['metadata without its value', technique({ metadata: [{ name: 'questions' }] })],
    ['a divider that is not a boolean', technique({ metadata: [{ divider: 'yes' }] })],
    ['a link without its protocol', technique({ links: [{ label: 'a', url: 'x.test' }] })],
    [
      'the same technique twice',
      { ...everything, techniques: [{ techniqueID: 'T1190' }, { techniqueID: 'T1190' }] },
    ],
    ['layer version 4.4', { ...everything, versions: { ...everything.versions, layer: '4.4' } }],
    [
      'a layer version given as a number',
      { ...everything, versions: { ...everything.versions, layer: 4.5 } },
    ],
    [
      'a Navigator before 4.9.0',
      { ...everything, versions: { ...everything.versions, navigator: '4.8.2' } },
    ],
    ['versions without the Navigator version', { ...everything, versions: { layer: '4.5' } }],
    ['an unknown domain', { ...everything, domain: 'enterprise' }],
    [
      'gradient colours by name',
      { ...everything, gradient: { ...everything.gradient, colors: ['red', 'green'] } },
    ],
    [
      'a gradient of one colour',
      { ...everything, gradient: { ...everything.gradient, colors: ['#ff6666'] } },
    ],
    [
      'a gradient whose maximum is not above its minimum',
      { ...everything, gradient: { colors: ['#ff6666', '#8ec843'], minValue: 5, maxValue: 5 } },
    ],
    ['a legend item without its colour', { ...everything, legendItems: [{ label: 'x' }] }],
    ['a sorting outside 0-3', { ...everything, sorting: 4 }],
    ['a platform of another domain', { ...everything, filters: { platforms: ['Android'] } }],
    ['a layer without a name', { ...everything, name: undefined }],
    ['a misspelt layer key', { ...everything, legenditems: [] }],
  ])('refuses %s', (_what, layer) => {
    expect(navigatorLayerFileSchema.safeParse(layer).success).toBe(false);
  });
});

describe.each(fixtures)('the ATT&CK Navigator layer of the %s fixture', (name, set) => {
  const assessment = fixtureAssessment(name);
  const layer = layerOf(set, assessment);

  it('passes the layer-format 4.5 schema, with its versions, and lists every technique the set maps once', () => {
    const read = validated(layer);
    expect(read?.versions).toEqual({ attack: '18', navigator: '5.2.0', layer: '4.5' });
    expect(read?.domain).toBe('enterprise-attack');
    expect(layer.techniques.map((t) => t.techniqueID)).toEqual(mappedTechniques(set));
    expect(layer.name).toContain(assessment.organisation);
    expect(layer.name).toContain(assessment.cycle);
  });

  it('scores every technique with a control that applies from 0 to 100 and names each mapped question', () => {
    for (const technique of layer.techniques) {
      const mapped = controlQuestions(set).filter((q) => q.attack.includes(technique.techniqueID));
      if (technique.enabled) {
        expect(technique.score).toBeGreaterThanOrEqual(0);
        expect(technique.score).toBeLessThanOrEqual(100);
      } else expect(technique).not.toHaveProperty('score');
      for (const question of mapped) {
        expect(technique.comment, technique.techniqueID).toContain(
          `${question.id} ${question.title}`,
        );
        const listed = technique.metadata.flatMap((m) => ('value' in m ? m.value.split(', ') : []));
        expect(listed, technique.techniqueID).toContain(question.id);
      }
    }
  });

  it('changes by nothing against the same assessment, and the change layer passes the schema too', () => {
    const change = changeOf(set, assessment, assessment);
    validated(change);
    for (const technique of change.techniques)
      if (technique.enabled) expect(technique.score, technique.techniqueID).toBe(0);
  });
});

describe('how a technique is scored', () => {
  const best = fixtureAssessment('all-best');

  it('is 0 for every technique when every control is at its worst, 100 when at its best', () => {
    for (const [name, expected] of [
      ['all-worst', 0],
      ['all-best', 100],
    ] as const) {
      const layer = layerOf(softcell, fixtureAssessment(name));
      const scores = layer.techniques.filter((t) => t.enabled).map((t) => t.score);
      expect(scores.length).toBeGreaterThan(30);
      expect(new Set(scores), name).toEqual(new Set([expected]));
    }
  });

  it('is the coverage of the one control mapped to it, times 100', () => {
    // T1003.002 (SAM hive export) has only CRD-02.
    const assessment = withAnswers(best, { 'CRD-02': { choice: 'logged' } });
    const technique = techniqueIn(layerOf(softcell, assessment), 'T1003.002');
    expect(technique.score).toBe(100 * coverageOf(softcell, 'CRD-02', 'logged'));
    expect(technique.comment).toBe(
      'Coverage 30.0 of 100, weighted over 1 control: CRD-02 Alerts on SAM hive export: Logged only (coverage 0.30, weight 3).',
    );
  });

  it('weights each control mapped to it by its weight, to one decimal', () => {
    // T1213 (data from information repositories): SUB-02 weight 5, SUB-03 weight 4, SUB-09 weight 2.
    const assessment = withAnswers(best, {
      'SUB-02': { choice: 'most' },
      'SUB-03': { choice: 'named' },
      'SUB-09': { choice: 'none' },
    });
    const weighted =
      (5 * coverageOf(softcell, 'SUB-02', 'most') +
        4 * coverageOf(softcell, 'SUB-03', 'named') +
        2 * coverageOf(softcell, 'SUB-09', 'none')) /
      (5 + 4 + 2);
    const technique = techniqueIn(layerOf(softcell, assessment), 'T1213');
    expect(technique.score).toBe(Math.round(1000 * weighted) / 10);
    expect(technique.score).toBe(46.4);
  });

  it.each<[string, Answer | undefined, string]>([
    ['not answered', undefined, 'Not answered (counts as not in place, weight 3)'],
    ["Don't know", { choice: 'unknown' }, "Don't know (counts as not in place, weight 3)"],
    [
      'not applicable without a reason',
      { choice: 'na' },
      'Not applicable, no reason given (counts as not in place, weight 3)',
    ],
  ])('counts a control %s as not in place, as the risk score does', (_what, answer, words) => {
    const layer = layerOf(softcell, withAnswers(best, { 'CRD-02': answer }));
    const technique = techniqueIn(layer, 'T1003.002');
    expect(technique.enabled).toBe(true);
    expect(technique.score).toBe(0);
    expect(technique.comment).toContain(`CRD-02 Alerts on SAM hive export: ${words}`);
  });

  it('does not score as covered a technique whose only control is not applicable', () => {
    // T1021.004 (SSH) and T1552.004 (private keys) have only CRD-08; T1078 has many more.
    const layer = layerOf(softcell, withAnswers(best, { 'CRD-08': notApplicable() }));
    for (const id of ['T1021.004', 'T1552.004']) {
      const technique = techniqueIn(layer, id);
      expect(technique.enabled, id).toBe(false);
      expect(technique, id).not.toHaveProperty('score');
      expect(technique.comment).toBe(
        'No control mapped to this technique applies, so it is not scored. Not counted: CRD-08 No stored credentials to OSS/BSS platforms (Not applicable).',
      );
      expect(technique.metadata).toContainEqual({ name: 'Questions not counted', value: 'CRD-08' });
    }
    const valid = techniqueIn(layer, 'T1078');
    expect(valid.score).toBe(100);
    expect(valid.comment).toContain(
      'Not counted: CRD-08 No stored credentials to OSS/BSS platforms (Not applicable).',
    );
    expect(validated(layer)?.legendItems).toContainEqual({
      label: 'Disabled: no control applies (N/A or out of scope)',
      color: '#bdbdbd',
    });
  });

  it('does not score as covered a technique whose only control a scoping answer puts out of scope', () => {
    // T1199 (trusted relationship) has only RAE-08, asked when RAE-01 says there are third-party links.
    const layer = layerOf(softcell, withAnswers(best, { 'RAE-01': { choice: 'no' } }));
    const technique = techniqueIn(layer, 'T1199');
    expect(technique.enabled).toBe(false);
    expect(technique).not.toHaveProperty('score');
    expect(technique.comment).toMatch(/Not counted: RAE-08 .+ \(Out of scope \(RAE-01\)\)\.$/);
    expect(layer.metadata).toContainEqual({
      name: 'Techniques',
      value: `${mappedTechniques(softcell).length - 1} scored, 1 with no control that applies`,
    });
  });

  it('leaves a not-applicable control out of the weighting instead of counting it as covered', () => {
    // T1213: SUB-09 (weight 2) not applicable leaves SUB-02 and SUB-03.
    const assessment = withAnswers(best, {
      'SUB-02': { choice: 'none' },
      'SUB-03': { choice: 'verified' },
      'SUB-09': notApplicable(),
    });
    expect(techniqueIn(layerOf(softcell, assessment), 'T1213').score).toBe(
      Math.round((1000 * 4) / 9) / 10,
    );
  });

  it('does the same for the network-side set: a control out of scope or not applicable is not coverage', () => {
    const network = fixtureAssessment('network-side');
    // T1602.001 (SNMP MIB dump) has only PRO-02; T1059.006 (Python) CSC-03, scoped by CSC-01, and
    // CFG-08.
    const layer = layerOf(
      comms,
      withAnswers(network, {
        'PRO-02': notApplicable('No SNMP anywhere.'),
        'CSC-01': { choice: 'no' },
      }),
    );
    expect(techniqueIn(layer, 'T1602.001').enabled).toBe(false);
    const python = techniqueIn(layer, 'T1059.006');
    expect(python.comment).toMatch(/Not counted: CSC-03 .+ \(Out of scope \(CSC-01\)\)\.$/);
    expect(python.score).toBe(
      100 * coverageOf(comms, 'CFG-08', network.answers['CFG-08']?.choice ?? ''),
    );
  });

  it('names each control with the option chosen, in the words the assessor chose from', () => {
    const middle = fixtureAssessment('middle-profile');
    const layer = layerOf(softcell, middle);
    const technique = techniqueIn(layer, 'T1190');
    for (const id of ['EXP-02', 'EXP-03', 'EXP-04', 'EXP-05', 'EXP-08', 'VUL-04']) {
      const question = control(softcell, id);
      const label = question.options.find((o) => o.id === middle.answers[id]?.choice)?.label;
      expect(technique.comment).toContain(`${id} ${question.title}: ${label} (`);
      expect(technique.metadata).toContainEqual(
        expect.objectContaining({
          name: id,
          value: expect.stringMatching(new RegExp(`^${label?.replace(/[()]/g, '\\$&')} \\(`)),
        }),
      );
    }
    expect(technique.metadata[0]).toEqual({
      name: 'Questions counted',
      value: 'EXP-02, EXP-03, EXP-08, EXP-04, EXP-05, VUL-04',
    });
  });

  it('says where a mapping is Cellguard’s own, not ATT&CK’s', () => {
    const layer = layerOf(softcell, best);
    const own = techniqueIn(layer, 'T1213').metadata.find(
      (m) => 'name' in m && m.name === 'Mapping',
    );
    expect(own).toEqual({
      name: 'Mapping',
      value: `Cellguard's own: ${softcell.techniques['T1213']?.ownMapping}`,
    });
    expect(
      techniqueIn(layer, 'T1190').metadata.some((m) => 'name' in m && m.name === 'Mapping'),
    ).toBe(false);
  });

  it('marks the layer as a draft while carried-over answers are unconfirmed', () => {
    const carried = carryForward(best, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
    expect(layerOf(softcell, carried).metadata).toContainEqual({
      name: 'Draft (2027-Q1)',
      value: `${Object.keys(best.answers).length} answers carried over or taken from another set and not yet confirmed`,
    });
    expect(
      layerOf(softcell, best).metadata.some((m) => 'name' in m && m.name.startsWith('Draft')),
    ).toBe(false);
  });

  it('never lowers a technique when an answer improves, and raises the techniques of that control', () => {
    const middle = fixtureAssessment('middle-profile');
    const before = new Map(
      techniqueCoverage(softcell, middle).map((t) => [t.techniqueId, t.coverage]),
    );
    let raised = 0;
    for (const question of controlQuestions(softcell)) {
      const top = question.options.reduce((a, b) => (b.coverage > a.coverage ? b : a));
      const improved = withAnswers(middle, { [question.id]: { choice: top.id } });
      const was = score(softcell, middle).questions.find((q) => q.questionId === question.id);
      for (const technique of techniqueCoverage(softcell, improved)) {
        const then = before.get(technique.techniqueId) ?? null;
        if (then === null || technique.coverage === null) continue;
        expect(
          technique.coverage,
          `${question.id} ${technique.techniqueId}`,
        ).toBeGreaterThanOrEqual(then);
        if (
          question.attack.includes(technique.techniqueId) &&
          (was?.coverage ?? 1) < top.coverage
        ) {
          expect(technique.coverage, `${question.id} ${technique.techniqueId}`).toBeGreaterThan(
            then,
          );
          raised += 1;
        }
      }
    }
    expect(raised).toBeGreaterThan(50);
  });

  it('for any answers, passes the schema, stays within 0-100, and is disabled exactly when no mapped control applies', () => {
    fc.assert(
      fc.property(fc.constantFrom(softcell, comms), fc.nat(), (set, seed) => {
        const answers = fc.sample(answersArbitrary(set), { seed, numRuns: 1 })[0] ?? {};
        const assessment = {
          ...fixtureAssessment(set === softcell ? 'all-best' : 'network-side'),
          answers,
        };
        const result = score(set, assessment);
        const layer = navigatorLayer(set, { assessment, result });
        expect(navigatorLayerSchema.safeParse(JSON.parse(navigatorLayerJson(layer))).success).toBe(
          true,
        );
        const counted = new Set(
          result.questions.filter((q) => q.coverage !== null).map((q) => q.questionId),
        );
        for (const technique of layer.techniques) {
          const applies = controlQuestions(set).some(
            (q) => q.attack.includes(technique.techniqueID) && counted.has(q.id),
          );
          expect(technique.enabled).toBe(applies);
          if (applies) {
            expect(technique.score).toBeGreaterThanOrEqual(0);
            expect(technique.score).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('the change-since-a-previous-cycle layer', () => {
  const q4 = fixtureAssessment('middle-profile');

  it('scores each technique by the improvement in coverage points, negative when it fell', () => {
    // CRD-02 alone maps T1003.002; CRD-07 alone T1003.003 and T1003.006.
    const q1 = nextQuarter(q4, '2027-Q1', {
      'CRD-02': { choice: 'verified' },
      'CRD-07': { choice: 'none' },
    });
    const change = changeOf(softcell, q4, q1);
    const sam = techniqueIn(change, 'T1003.002');
    const expected =
      100 *
      (coverageOf(softcell, 'CRD-02', 'verified') -
        coverageOf(softcell, 'CRD-02', q4.answers['CRD-02']?.choice ?? ''));
    expect(sam.score).toBeCloseTo(expected, 10);
    expect(sam.score).toBe(15);
    expect(sam.comment).toBe(
      'Coverage 85.0 in 2026-Q4 → 100.0 in 2027-Q1: +15.0 points. Changed: CRD-02 Alerts on SAM hive export: Alerted on all servers → Alerted and tested.',
    );
    for (const id of ['T1003.003', 'T1003.006']) {
      expect(techniqueIn(change, id).score, id).toBe(-60);
      expect(techniqueIn(change, id).comment).toMatch(/: −60\.0 points\. Changed: CRD-07 /);
    }
    // A technique none of whose controls changed moved by nothing.
    expect(techniqueIn(change, 'T1190').score).toBe(0);
    expect(techniqueIn(change, 'T1190').comment).toMatch(/No answer changed\. Unchanged: EXP-02, /);
  });

  it('equals, technique by technique, the later layer’s score minus the earlier one’s', () => {
    const q3 = fixtureAssessment('soft-cell-victim');
    const later = withAnswers(q3, q4.answers);
    const previous = layerOf(softcell, q3);
    const current = layerOf(softcell, { ...later, cycle: '2026-Q4' });
    const change = changeOf(softcell, q3, { ...later, cycle: '2026-Q4' });
    expect(change.techniques.map((t) => t.techniqueID)).toEqual(
      current.techniques.map((t) => t.techniqueID),
    );
    let moved = 0;
    for (const technique of change.techniques) {
      const then = techniqueIn(previous, technique.techniqueID).score ?? Number.NaN;
      const now = techniqueIn(current, technique.techniqueID).score ?? Number.NaN;
      expect(technique.score, technique.techniqueID).toBeCloseTo(now - then, 10);
      if (technique.score !== 0) moved += 1;
    }
    expect(moved).toBeGreaterThan(20);
  });

  it('draws a diverging gradient centred on no change, wide enough for the largest move', () => {
    const q1 = nextQuarter(q4, '2027-Q1', { 'CRD-07': { choice: 'none' } });
    const change = validated(changeOf(softcell, q4, q1));
    expect(change?.gradient).toEqual({
      colors: ['#ff6666', '#ffffff', '#8ec843'],
      minValue: -60,
      maxValue: 60,
    });
    expect(change?.legendItems?.slice(0, 3).map((item) => item.label)).toEqual([
      '−60 points or worse: coverage fell',
      '0: no change',
      '+60 points or better: coverage rose',
    ]);
    // A small move still gets a scale of ±10, so that it is drawn pale.
    const small = changeOf(softcell, q4, nextQuarter(q4, '2027-Q1', {}));
    expect(small.gradient).toMatchObject({ minValue: -10, maxValue: 10 });
  });

  it('does not compare a technique whose only control applied in one cycle only', () => {
    const q1 = nextQuarter(q4, '2027-Q1', { 'CRD-08': notApplicable() });
    const change = changeOf(softcell, q4, q1);
    const ssh = techniqueIn(change, 'T1021.004');
    expect(ssh.enabled).toBe(false);
    expect(ssh).not.toHaveProperty('score');
    expect(ssh.comment).toMatch(
      /^Not compared: no control mapped to this technique applies in 2027-Q1\. Changed: CRD-08 .+ → Not applicable\.$/,
    );
    expect(change.metadata).toContainEqual(
      expect.objectContaining({
        name: 'Techniques',
        value: expect.stringMatching(/, 2 not compared$/),
      }),
    );
  });

  it('works for two cycles of the network-side set and passes the schema', () => {
    const q3 = fixtureAssessment('network-side');
    const q4Network = nextQuarter(q3, '2026-Q4', {
      'PRO-02': { choice: 'verified' },
      'CFG-06': { choice: 'never' },
    });
    const change = validated(changeOf(comms, q3, q4Network));
    const snmp = change?.techniques?.find((t) => t.techniqueID === 'T1602.001');
    expect(snmp?.score).toBeCloseTo(
      100 * (1 - coverageOf(comms, 'PRO-02', q3.answers['PRO-02']?.choice ?? '')),
      10,
    );
    const image = change?.techniques?.find((t) => t.techniqueID === 'T1205');
    expect(image?.score).toBe(-100 * coverageOf(comms, 'CFG-06', 'install'));
    expect(change?.name).toBe(
      'Cellguard: Example Telecom (victim profile) · Corporate IT, OSS/BSS and core · change 2026-Q3 → 2026-Q4',
    );
    expect(change?.metadata).toContainEqual({ name: 'Earlier cycle', value: '2026-Q3' });
    expect(change?.metadata).toContainEqual({ name: 'Later cycle', value: '2026-Q4' });
  });
});
