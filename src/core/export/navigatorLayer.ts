import type { Answer, Assessment } from '../assessment/model.ts';
import { formatCoverage, formatPoints, formatRisk } from '../format.ts';
import { choiceLabel } from '../questionSet/choiceLabel.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import type { ControlQuestion, QuestionSet } from '../questionSet/schema.ts';
import type { AnswerStatus } from '../scoring/answerStatus.ts';
import { bandLabel } from '../scoring/bands.ts';
import { progressOf } from '../scoring/progress.ts';
import { score, type QuestionScore, type ScoreResult } from '../scoring/score.ts';
import { plural, signed } from '../text.ts';

/**
 * An assessment as a MITRE ATT&CK Navigator layer (layer format 4.5, the specification in
 * mitre-attack/attack-navigator, layers/spec/v4.5/layerformat.md), and the change between two
 * cycles as a second kind of layer. How each technique is scored: docs/navigator-layer.md.
 */

/** The layer format this file writes; Navigator warns on a layer without it or of another version. */
export const navigatorLayerVersion = '4.5';
/**
 * The Navigator release and ATT&CK version the layer is written for: those of the specification's
 * own example (Navigator 5.2.0 with ATT&CK 18); the spec asks for a Navigator of at least 4.9.0.
 */
export const navigatorVersion = '5.2.0';
export const attackVersion = '18';

/** Navigator's own red-yellow-green preset (gradient.ts, "redgreen"): low coverage is red. */
const coverageColors = ['#ff6666', '#ffe766', '#8ec843'];
/** Red for worse, white for no change, green for better: a diverging scale centred on 0. */
const changeColors = ['#ff6666', '#ffffff', '#8ec843'];
/** How a technique without a score is listed in the legend; Navigator greys it out as disabled. */
const disabledColor = '#bdbdbd';
/** The change scale ends at least this far from 0, so that a small move is not drawn saturated. */
const smallestChangeBound = 10;

export interface NavigatorMetadataItem {
  name: string;
  value: string;
}
/** A horizontal line between metadata items in Navigator's tooltip. */
export interface NavigatorDivider {
  divider: true;
}
export type NavigatorMetadata = NavigatorMetadataItem | NavigatorDivider;

export interface NavigatorTechnique {
  /**
   * A technique or a sub-technique (T1003.001). No `tactic` is written: Navigator then shows the
   * annotation under every tactic the technique belongs to, which is what a control does.
   */
  techniqueID: string;
  /** Absent when the technique cannot be scored: Navigator leaves it uncoloured. */
  score?: number;
  comment: string;
  /** False when no control applies: Navigator greys the technique out. */
  enabled: boolean;
  metadata: NavigatorMetadata[];
}

export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: typeof navigatorLayerVersion };
  domain: 'enterprise-attack';
  description: string;
  layout: {
    layout: 'side';
    showID: boolean;
    showName: boolean;
    /** Sub-techniques the layer annotates are shown open under their technique. */
    expandedSubtechniques: 'annotated';
  };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: NavigatorMetadata[];
}

/** An assessment with its score, as the results page and the command line already hold them. */
export interface ScoredAssessment {
  assessment: Assessment;
  result: ScoreResult;
}

/** One control mapped to a technique, and how its answer counts there. */
export interface MappedControl {
  questionId: string;
  title: string;
  weight: number;
  /** The answer in the words the assessor chose from, or why there is none to count. */
  answer: string;
  /** Coverage 0 to 1 as the risk score counts it; null when the control does not apply. */
  coverage: number | null;
  /** Why a control with coverage null is left out: not applicable, or hidden by a scoping answer. */
  leftOut?: 'not applicable' | 'out of scope';
  /** The answer counts as 0 by rule ("Don't know", not answered, N/A without what it needs). */
  countsAsAbsent: boolean;
}

/** A technique the question set maps, with the controls mapped to it and its coverage. */
export interface TechniqueCoverage {
  techniqueId: string;
  /** The name the question set gives it (ATT&CK's name). */
  name: string;
  /** The reason, when the mapping is Cellguard's own and not ATT&CK's or the source's. */
  ownMapping?: string;
  /** Every control mapped to it, in question-set order. */
  controls: MappedControl[];
  /**
   * 0 to 100, to one decimal: 100 × Σ weight × coverage ÷ Σ weight over the controls that apply.
   * Null when none applies: a technique nobody can defend here is not called covered.
   */
  coverage: number | null;
}

/** One decimal, as every number of the layer; never −0. */
const oneDecimal = (value: number): number => Math.round(value * 10) / 10 || 0;

const answerWords: Readonly<Record<AnswerStatus, string>> = {
  answered: '',
  unknown: "Don't know",
  unanswered: 'Not answered',
  na: 'Not applicable',
  'na-without-reason': 'Not applicable, no reason given',
  'na-uncompensated': 'Not applicable, no compensating control',
};

function mappedControl(
  question: ControlQuestion,
  scored: QuestionScore | undefined,
  answer: Answer | undefined,
): MappedControl {
  const common = { questionId: question.id, title: question.title, weight: question.weight };
  // A control the score does not list is hidden by a scoping answer: out of scope.
  if (!scored)
    return {
      ...common,
      answer: `Out of scope (${question.showIf?.question ?? 'scoping question'})`,
      coverage: null,
      leftOut: 'out of scope',
      countsAsAbsent: false,
    };
  const answerText =
    scored.status === 'answered'
      ? choiceLabel(question, answer?.choice)
      : answerWords[scored.status];
  return {
    ...common,
    answer: answerText,
    coverage: scored.coverage,
    ...(scored.coverage === null ? { leftOut: 'not applicable' as const } : {}),
    countsAsAbsent: scored.status !== 'answered' && scored.coverage !== null,
  };
}

/**
 * Each technique the set's controls map, in technique-id order, with the coverage of the controls
 * mapped to it: the same weighted formula as the risk score, over those controls only, turned so
 * that 100 is fully covered. Coverage is taken from the score, so "Don't know", unanswered and
 * N/A without a reason (or, on a critical control, without a compensating control) count as 0, and
 * N/A with its reason or a scoping answer leaves the control out.
 */
export function techniqueCoverage(
  set: QuestionSet,
  assessment: Pick<Assessment, 'answers'>,
  result: ScoreResult = score(set, assessment),
): TechniqueCoverage[] {
  const scoredById = new Map(result.questions.map((q) => [q.questionId, q]));
  const controlsByTechnique = new Map<string, MappedControl[]>();
  for (const question of controlQuestions(set)) {
    const control = mappedControl(
      question,
      scoredById.get(question.id),
      assessment.answers[question.id],
    );
    for (const techniqueId of question.attack)
      controlsByTechnique.set(techniqueId, [
        ...(controlsByTechnique.get(techniqueId) ?? []),
        control,
      ]);
  }
  return [...controlsByTechnique]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([techniqueId, controls]) => {
      const counted = controls.filter(
        (c): c is MappedControl & { coverage: number } => c.coverage !== null,
      );
      const weight = counted.reduce((sum, c) => sum + c.weight, 0);
      const covered = counted.reduce((sum, c) => sum + c.weight * c.coverage, 0);
      const technique = set.techniques[techniqueId];
      return {
        techniqueId,
        name: technique?.name ?? techniqueId,
        ...(technique?.ownMapping ? { ownMapping: technique.ownMapping } : {}),
        controls,
        coverage: weight === 0 ? null : oneDecimal((100 * covered) / weight),
      };
    });
}

const controlName = (control: MappedControl) => `${control.questionId} ${control.title}`;

/** "Some, blocking (coverage 0.40, weight 5)" or "Don't know (counts as not in place, weight 5)". */
function countedAnswer(control: MappedControl & { coverage: number }): string {
  const how = control.countsAsAbsent
    ? 'counts as not in place'
    : `coverage ${formatCoverage(control.coverage)}`;
  return `${control.answer} (${how}, weight ${control.weight})`;
}

const isCounted = (control: MappedControl): control is MappedControl & { coverage: number } =>
  control.coverage !== null;

/** The controls left out, by id with why: "EXP-06 … (Not applicable)". */
const leftOutList = (controls: readonly MappedControl[]) =>
  controls
    .filter((c) => !isCounted(c))
    .map((c) => `${controlName(c)} (${c.answer})`)
    .join('; ');

const ids = (controls: readonly MappedControl[]) => controls.map((c) => c.questionId).join(', ');

function mappingMetadata(technique: TechniqueCoverage): NavigatorMetadata[] {
  return technique.ownMapping
    ? [{ name: 'Mapping', value: `Cellguard's own: ${technique.ownMapping}` }]
    : [];
}

/**
 * The comment names every control and its answer on one line: Navigator's tooltip runs the text of
 * a comment together, so the controls are separated by semicolons, not line breaks.
 */
function coverageTechnique(technique: TechniqueCoverage): NavigatorTechnique {
  const counted = technique.controls.filter(isCounted);
  const leftOut = technique.controls.filter((c) => !isCounted(c));
  const notCounted = leftOut.length > 0 ? ` Not counted: ${leftOutList(leftOut)}.` : '';
  const questions: NavigatorMetadata[] = [
    { name: 'Questions counted', value: ids(counted) || 'none' },
    ...(leftOut.length > 0 ? [{ name: 'Questions not counted', value: ids(leftOut) }] : []),
  ];
  if (technique.coverage === null)
    return {
      techniqueID: technique.techniqueId,
      comment: `No control mapped to this technique applies, so it is not scored.${notCounted}`,
      enabled: false,
      metadata: [...questions, ...mappingMetadata(technique)],
    };
  const listed = counted.map((c) => `${controlName(c)}: ${countedAnswer(c)}`).join('; ');
  return {
    techniqueID: technique.techniqueId,
    score: technique.coverage,
    comment: `Coverage ${formatPoints(technique.coverage)} of 100, weighted over ${plural(counted.length, 'control')}: ${listed}.${notCounted}`,
    enabled: true,
    metadata: [
      ...questions,
      { divider: true },
      ...counted.map((c) => ({ name: c.questionId, value: countedAnswer(c) })),
      ...mappingMetadata(technique),
    ],
  };
}

const method =
  'Each technique: 100 × Σ weight × coverage ÷ Σ weight over the controls mapped to it that apply; "Don\'t know" and unanswered count as 0; a technique with no control that applies is disabled and unscored (docs/navigator-layer.md).';

function identityMetadata(assessment: Assessment): NavigatorMetadataItem[] {
  return [
    { name: 'Organisation', value: assessment.organisation },
    ...(assessment.scope.trim() ? [{ name: 'Scope', value: assessment.scope }] : []),
  ];
}

function draftMetadata(set: QuestionSet, assessment: Assessment): NavigatorMetadataItem[] {
  const unconfirmed = progressOf(set, assessment.answers).unconfirmed;
  return unconfirmed > 0
    ? [
        {
          name: `Draft (${assessment.cycle})`,
          value: `${plural(unconfirmed, 'answer')} carried over or taken from another set and not yet confirmed`,
        },
      ]
    : [];
}

const layout: NavigatorLayer['layout'] = {
  layout: 'side',
  showID: true,
  showName: true,
  expandedSubtechniques: 'annotated',
};
const versions: NavigatorLayer['versions'] = {
  attack: attackVersion,
  navigator: navigatorVersion,
  layer: navigatorLayerVersion,
};

const identity = (assessment: Pick<Assessment, 'organisation' | 'scope'>) =>
  [assessment.organisation, assessment.scope].filter((part) => part.trim()).join(' · ');

/** The assessment as a layer: each technique the set maps, scored by the coverage of its controls. */
export function navigatorLayer(set: QuestionSet, scored: ScoredAssessment): NavigatorLayer {
  const { assessment, result } = scored;
  const techniques = techniqueCoverage(set, assessment, result);
  const unscored = techniques.filter((t) => t.coverage === null).length;
  return {
    name: `Cellguard: ${identity(assessment)} · ${assessment.cycle}`,
    versions,
    domain: 'enterprise-attack',
    description: `Each ATT&CK technique that the question set "${set.title}" (${set.version}) maps, scored 0-100 by the coverage of the controls mapped to it in the ${assessment.cycle} assessment, whose risk is ${formatRisk(result.risk)} of 100 (${bandLabel[result.band]}). ${method}`,
    layout,
    hideDisabled: false,
    techniques: techniques.map(coverageTechnique),
    gradient: { colors: coverageColors, minValue: 0, maxValue: 100 },
    legendItems: [
      { label: '0: none of its controls in place', color: coverageColors[0] ?? '' },
      { label: '50: half the weighted coverage', color: coverageColors[1] ?? '' },
      {
        label: '100: every control that applies is in place everywhere, verified',
        color: coverageColors[2] ?? '',
      },
      { label: 'Disabled: no control applies (N/A or out of scope)', color: disabledColor },
    ],
    metadata: [
      ...identityMetadata(assessment),
      { name: 'Cycle', value: assessment.cycle },
      ...(assessment.assessor?.trim() ? [{ name: 'Assessor', value: assessment.assessor }] : []),
      { name: 'Question set', value: `${set.title} (${set.id} ${set.version})` },
      { name: 'Risk', value: `${formatRisk(result.risk)} of 100 (${bandLabel[result.band]})` },
      {
        name: 'Techniques',
        value: `${techniques.length - unscored} scored, ${unscored} with no control that applies`,
      },
      ...draftMetadata(set, assessment),
      { divider: true },
      { name: 'Method', value: method },
    ],
  };
}

/** A control's answer before and now, when it changed. */
function answerMove(before: MappedControl | undefined, now: MappedControl): string | undefined {
  if (before && before.answer === now.answer && before.coverage === now.coverage) return undefined;
  return `${before?.answer ?? 'Not asked'} → ${now.answer}`;
}

function changeTechnique(
  before: TechniqueCoverage | undefined,
  now: TechniqueCoverage,
  cycles: { before: string; now: string },
): NavigatorTechnique & { change: number | null } {
  const earlier = new Map(before?.controls.map((c) => [c.questionId, c]));
  const moves = now.controls.flatMap((control) => {
    const move = answerMove(earlier.get(control.questionId), control);
    return move ? [{ control, move }] : [];
  });
  const unchanged = now.controls.filter((c) => !moves.some((m) => m.control === c));
  const changed =
    moves.length > 0
      ? ` Changed: ${moves.map(({ control, move }) => `${controlName(control)}: ${move}`).join('; ')}.`
      : ' No answer changed.';
  const kept = unchanged.length > 0 ? ` Unchanged: ${ids(unchanged)}.` : '';
  const metadata: NavigatorMetadata[] = [
    { name: cycles.before, value: coverageWords(before?.coverage ?? null) },
    { name: cycles.now, value: coverageWords(now.coverage) },
    { name: 'Questions', value: ids(now.controls) },
    ...(moves.length > 0 ? [{ divider: true } as const] : []),
    ...moves.map(({ control, move }) => ({ name: control.questionId, value: move })),
    ...mappingMetadata(now),
  ];
  const previousCoverage = before?.coverage ?? null;
  if (previousCoverage === null || now.coverage === null) {
    const missing = [
      ...(previousCoverage === null ? [cycles.before] : []),
      ...(now.coverage === null ? [cycles.now] : []),
    ];
    return {
      techniqueID: now.techniqueId,
      comment: `Not compared: no control mapped to this technique applies in ${missing.join(' or ')}.${changed}${kept}`,
      enabled: false,
      metadata,
      change: null,
    };
  }
  const change = oneDecimal(now.coverage - previousCoverage);
  return {
    techniqueID: now.techniqueId,
    score: change,
    comment: `Coverage ${formatPoints(previousCoverage)} in ${cycles.before} → ${formatPoints(now.coverage)} in ${cycles.now}: ${signed(change, formatPoints)} points.${changed}${kept}`,
    enabled: true,
    metadata,
    change,
  };
}

const coverageWords = (coverage: number | null) =>
  coverage === null ? 'no control applies' : `coverage ${formatPoints(coverage)} of 100`;

/**
 * The change between two cycles of the same set as a layer: each technique's score is its
 * coverage now minus its coverage then, in points (negative is worse), so that it equals the
 * difference of the two cycles' own layers. A technique no control applies to in either cycle is
 * disabled and unscored: there is nothing to compare.
 */
export function navigatorChangeLayer(
  set: QuestionSet,
  previous: ScoredAssessment,
  current: ScoredAssessment,
): NavigatorLayer {
  const cycles = { before: previous.assessment.cycle, now: current.assessment.cycle };
  const before = new Map(
    techniqueCoverage(set, previous.assessment, previous.result).map((t) => [t.techniqueId, t]),
  );
  const rows = techniqueCoverage(set, current.assessment, current.result).map((now) =>
    changeTechnique(before.get(now.techniqueId), now, cycles),
  );
  const changes = rows.flatMap((row) => (row.change === null ? [] : [row.change]));
  const largest = Math.max(0, ...changes.map(Math.abs));
  // Symmetric, so that 0 is always the middle colour; at least ±10 so that a small move stays pale.
  const bound = Math.max(smallestChangeBound, Math.ceil(largest / 10) * 10);
  const counts = [
    `${changes.filter((c) => c > 0).length} better`,
    `${changes.filter((c) => c < 0).length} worse`,
    `${changes.filter((c) => c === 0).length} unchanged`,
    `${rows.length - changes.length} not compared`,
  ].join(', ');
  const riskMove = current.result.risk - previous.result.risk;
  return {
    name: `Cellguard: ${identity(current.assessment)} · change ${cycles.before} → ${cycles.now}`,
    versions,
    domain: 'enterprise-attack',
    description: `How the coverage of each ATT&CK technique that the question set "${set.title}" (${set.version}) maps moved from ${cycles.before} to ${cycles.now}, in points of its 0-100 coverage: positive is better, negative is worse. ${method}`,
    layout,
    hideDisabled: false,
    techniques: rows.map(({ change: _change, ...technique }) => technique),
    gradient: { colors: changeColors, minValue: -bound, maxValue: bound },
    legendItems: [
      { label: `−${bound} points or worse: coverage fell`, color: changeColors[0] ?? '' },
      { label: '0: no change', color: changeColors[1] ?? '' },
      { label: `+${bound} points or better: coverage rose`, color: changeColors[2] ?? '' },
      {
        label: 'Disabled: no control applies in one of the cycles, nothing to compare',
        color: disabledColor,
      },
    ],
    metadata: [
      ...identityMetadata(current.assessment),
      { name: 'Earlier cycle', value: cycles.before },
      { name: 'Later cycle', value: cycles.now },
      { name: 'Question set', value: `${set.title} (${set.id} ${set.version})` },
      {
        name: 'Risk',
        value: `${formatRisk(previous.result.risk)} → ${formatRisk(current.result.risk)} (${signed(riskMove, formatPoints)} points)`,
      },
      { name: 'Techniques', value: counts },
      ...draftMetadata(set, previous.assessment),
      ...draftMetadata(set, current.assessment),
      { divider: true },
      { name: 'Method', value: method },
    ],
  };
}

/** The layer as the file Navigator opens: JSON, two-space indented, ending in a newline. */
export const navigatorLayerJson = (layer: NavigatorLayer): string =>
  `${JSON.stringify(layer, null, 2)}\n`;
