import { Document } from 'yaml';
import { effortHorizon } from '../planning/plan.ts';
import type { ControlQuestion, Question, QuestionSet, Remediation } from '../questionSet/schema.ts';
import { audienceLabel, unverifiedNote } from '../reporting/labels.ts';

/**
 * A question set as a CISO Assistant framework library (docs/ciso-assistant.md), so that a team
 * can load it into CISO Assistant and assess there. The shape follows intuitem's library loader
 * and converter (ciso-assistant-community: backend/library/utils.py, tools/convert_library_v2.py)
 * and the URN scheme of their library builder (documentation/architecture/decisions/
 * library-builder-urn-scheme.md); tests/support/cisoAssistantLibrarySchema.ts holds the schema the
 * tests check every export against.
 *
 * Keys are written in the converter's order, snake_case as CISO Assistant reads them.
 */

/**
 * The URN namespace (their "packager"). Cellguard packages these files, not intuitem, so the URNs
 * never claim intuitem's namespace; their loader and builder accept any packager of
 * [a-z0-9_-], at most 32 characters.
 */
export const cisoAssistantPackager = 'cellguard';

export interface CisoAssistantChoice {
  urn: string;
  value: string;
  description?: string;
  add_score?: number;
}

export interface CisoAssistantQuestion {
  type: 'unique_choice';
  text: string;
  choices: CisoAssistantChoice[];
}

export interface CisoAssistantRequirementNode {
  urn: string;
  assessable: boolean;
  depth: 1 | 2;
  parent_urn?: string;
  ref_id: string;
  name: string;
  description: string;
  annotation?: string;
  reference_controls?: string[];
  /** By question URN, as their loader reads them. */
  questions?: Record<string, CisoAssistantQuestion>;
}

export interface CisoAssistantReferenceControl {
  urn: string;
  ref_id: string;
  name: string;
  description: string;
}

export interface CisoAssistantScoreDefinition {
  score: number;
  name: string;
  description: string;
}

export interface CisoAssistantFramework {
  urn: string;
  ref_id: string;
  name: string;
  description: string;
  min_score: number;
  max_score: number;
  scores_definition: CisoAssistantScoreDefinition[];
  requirement_nodes: CisoAssistantRequirementNode[];
}

export interface CisoAssistantLibrary {
  urn: string;
  locale: 'en';
  ref_id: string;
  name: string;
  description: string;
  copyright: string;
  version: number;
  /** YYYY-MM-DD: the day the file was exported. */
  publication_date: string;
  provider: string;
  packager: string;
  objects: {
    reference_controls: CisoAssistantReferenceControl[];
    framework: CisoAssistantFramework;
  };
}

export interface CisoAssistantExportOptions {
  /** The day of the export, YYYY-MM-DD; the library's publication_date. */
  publicationDate: string;
}

/**
 * CISO Assistant updates a loaded library only when the new file's version integer is higher, so
 * the set's semantic version becomes major × 1,000,000 + minor × 1,000 + patch (2.0.0 → 2000000,
 * 2.1.3 → 2001003): every later version of the set gets a larger number.
 */
export function cisoAssistantVersion(semanticVersion: string): number {
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(semanticVersion);
  if (!parts) throw new Error(`${semanticVersion} is not a semantic version such as 2.0.0`);
  const [major, minor, patch] = parts.slice(1).map(Number) as [number, number, number];
  if (minor > 999 || patch > 999)
    throw new Error(`${semanticVersion}: a minor or patch number over 999 has no library version`);
  return major * 1_000_000 + minor * 1_000 + patch;
}

/**
 * The library's own segment of every URN, and its ref_id in lower case: "cellguard-softcell".
 * Their builder takes this segment from the library's ref_id; the prefix keeps a Cellguard set
 * apart from any library of the same name even where the packager is not looked at.
 */
const librarySegment = (set: Pick<QuestionSet, 'id'>): string => `cellguard-${set.id}`;

/** A set id, question id or option id as a URN segment: lower case, as their loader stores it. */
const segment = (id: string): string => id.toLowerCase();

/**
 * Every URN of a set's library, as their library builder mints them:
 * urn:<packager>:risk:<type>:<library>[:<object>], a requirement's question below its URN.
 */
export function cisoAssistantUrns(set: Pick<QuestionSet, 'id'>) {
  const library = librarySegment(set);
  const base = `urn:${cisoAssistantPackager}:risk`;
  /** A domain's or a question's requirement node. */
  const node = (id: string) => `${base}:req_node:${library}:${segment(id)}`;
  /** The one question of a question's node: their default question id is a number. */
  const question = (questionId: string) => `${node(questionId)}:question:1`;
  return {
    library: `${base}:library:${library}`,
    framework: `${base}:framework:${library}`,
    node,
    question,
    /**
     * One answer. Their converter numbers choices by position; the option's permanent id is used
     * instead, so that a later version of the set that inserts an option leaves every answer
     * already given in CISO Assistant attached to the same choice (their loader takes a choice's
     * ref_id from the last URN segment, numbers or not).
     */
    choice: (questionId: string, optionId: string) =>
      `${question(questionId)}:choice:${segment(optionId)}`,
    /** "reference_control" is the type token their builder writes; "function" is the legacy one. */
    referenceControl: (remediationId: string) =>
      `${base}:reference_control:${library}:${segment(remediationId)}`,
  };
}

/** The library's ref_id, as CISO Assistant lists it: "CELLGUARD-SOFTCELL". */
export const cisoAssistantRefId = (set: Pick<QuestionSet, 'id'>): string =>
  librarySegment(set).toUpperCase();

/** "cellguard-softcell-2.0.0-ciso-assistant.yaml". */
export const cisoAssistantFileName = (set: Pick<QuestionSet, 'id' | 'version'>): string =>
  `cellguard-${set.id}-${set.version}-ciso-assistant.yaml`;

/**
 * The score of a requirement is the coverage Cellguard gives the chosen answer, in percent: the
 * answer's add_score, on CISO Assistant's 0-100 scale (whose slider moves in steps of 5, and every
 * coverage of the shipped sets is a multiple of 0.05).
 */
const scoresDefinition: CisoAssistantScoreDefinition[] = [
  {
    score: 0,
    name: 'Not in place',
    description:
      "The chosen answer gives none of the control's protection (Cellguard coverage 0 %). Each answer adds its coverage in percent to the score.",
  },
  {
    score: 100,
    name: 'Fully in place',
    description:
      "The chosen answer gives the control's whole protection (Cellguard coverage 100 %). Each answer adds its coverage in percent to the score.",
  },
];

const paragraphs = (...parts: (string | undefined | false)[]): string =>
  parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');

const bulletList = (lines: readonly string[]): string =>
  lines.map((line) => `- ${line}`).join('\n');

/** A sentence ends once: "Do this" and "Do this." both become "Do this." */
const sentence = (text: string): string =>
  /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;

function sourceLines(set: QuestionSet, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const source = set.sources.find((s) => s.id === id);
    if (!source) return [];
    const where = [source.publisher, source.date].filter(Boolean).join(', ');
    return [`${source.title} (${where})${source.link ? ` ${source.link}` : ''}`];
  });
}

const optionLabels = (question: Question | undefined, optionIds: readonly string[]): string =>
  optionIds
    .map((id) => `"${question?.options.find((o) => o.id === id)?.label ?? id}"`)
    .join(' or ');

/**
 * The help text, then everything else Cellguard knows about the question that CISO Assistant has
 * no field for: when it is asked, by whom, what it depends on, the recommendations, techniques,
 * references and sources behind it, and how much it weighs in Cellguard's own score.
 */
function annotationOf(set: QuestionSet, question: Question): string {
  const byId = new Map(set.questions.map((q) => [q.id, q]));
  const named = (id: string) => `${id} (${byId.get(id)?.title ?? id})`;
  const condition = question.showIf;
  const sources = sourceLines(set, question.sources);
  const common = [
    condition &&
      `Asked only when ${named(condition.question)} is answered ${optionLabels(byId.get(condition.question), condition.anyOf)}; otherwise it does not apply.`,
    question.audience && `Answered by ${audienceLabel(question.audience)}.`,
  ];
  if (question.kind === 'scope')
    return paragraphs(
      question.help,
      ...common,
      'A scoping question: Cellguard does not score it, and hides the questions that depend on it when they do not apply.',
      sources.length > 0 && `Sources:\n${bulletList(sources)}`,
    );
  return paragraphs(
    question.help,
    ...common,
    ...controlDetails(set, question, named),
    sources.length > 0 && `Sources:\n${bulletList(sources)}`,
  );
}

function controlDetails(
  set: QuestionSet,
  question: ControlQuestion,
  named: (id: string) => string,
): string[] {
  const recommendations = question.recommendations.flatMap((id) => {
    const recommendation = set.recommendations.find((r) => r.id === id);
    if (!recommendation) return [];
    const note = recommendation.unverified ? ` (${unverifiedNote})` : '';
    return [
      `${recommendation.id} ${recommendation.title}: ${sentence(recommendation.summary)}${note}`,
    ];
  });
  const techniques = question.attack.map((id) => `${id} ${set.techniques[id]?.name ?? ''}`.trim());
  const references = [
    `NIST CSF 2.0: ${question.refs.nistCsf.join(', ')}`,
    question.refs.cisV8.length > 0 && `CIS Controls v8: ${question.refs.cisV8.join(', ')}`,
  ].filter((line): line is string => typeof line === 'string');
  return [
    ...question.requires.map(
      (requirement) =>
        `Depends on ${requirement.anyOf.map(named).join(' or ')} being in place: ${sentence(requirement.why)}`,
    ),
    recommendations.length > 0 ? `Recommendations:\n${bulletList(recommendations)}` : '',
    techniques.length > 0 ? `ATT&CK techniques: ${techniques.join('; ')}.` : '',
    `References: ${references.join('; ')}.`,
    `Weight in Cellguard's score: ${question.weight} of 5. ${sentence(question.weightReason)}`,
    question.critical
      ? [
          'Critical in Cellguard: below 70 % coverage it holds the risk band at High or worse, whatever the score.',
          question.criticalReason && sentence(question.criticalReason),
        ]
          .filter(Boolean)
          .join(' ')
      : '',
  ];
}

function questionNode(set: QuestionSet, question: Question): CisoAssistantRequirementNode {
  const urns = cisoAssistantUrns(set);
  const choices: CisoAssistantChoice[] = question.options.map((option) => ({
    urn: urns.choice(question.id, option.id),
    value: option.label,
    ...(option.criteria ? { description: option.criteria } : {}),
    // Scoping answers protect nothing: CISO Assistant gets no score from them.
    ...('coverage' in option && typeof option.coverage === 'number'
      ? { add_score: Math.round(option.coverage * 100) }
      : {}),
  }));
  return {
    urn: urns.node(question.id),
    assessable: true,
    depth: 2,
    parent_urn: urns.node(question.domain),
    ref_id: question.id,
    name: question.title,
    description: question.text,
    annotation: annotationOf(set, question),
    ...(question.kind === 'control'
      ? { reference_controls: [urns.referenceControl(question.remediation.id)] }
      : {}),
    questions: {
      [urns.question(question.id)]: { type: 'unique_choice', text: question.text, choices },
    },
  };
}

/** Effort as docs/methodology.md measures it, in a small team's time. */
const effortName: Readonly<Record<Remediation['effort'], string>> = {
  S: 'small (about a week of a small team)',
  M: 'medium (about a month)',
  L: 'large (about a quarter)',
};

/**
 * A remediation as a reference control: the action CISO Assistant suggests as an applied control
 * for each requirement it closes. A shared remediation is one control for all its questions.
 */
function referenceControlOf(
  set: QuestionSet,
  remediation: Remediation,
): CisoAssistantReferenceControl {
  const stopGap = remediation.containment;
  return {
    urn: cisoAssistantUrns(set).referenceControl(remediation.id),
    ref_id: remediation.id,
    name: remediation.action,
    description: paragraphs(
      remediation.detail,
      `Effort: ${effortName[remediation.effort]}; Cellguard's plan expects it done within ${effortHorizon[remediation.effort]} days.`,
      stopGap &&
        `Stop-gap while a critical gap stays open longer than 30 days: ${stopGap.action}. ${sentence(stopGap.detail)}`,
    ),
  };
}

function referenceControls(set: QuestionSet): CisoAssistantReferenceControl[] {
  const seen = new Map<string, Remediation>();
  for (const question of set.questions)
    if (question.kind === 'control' && !seen.has(question.remediation.id))
      seen.set(question.remediation.id, question.remediation);
  return [...seen.values()].map((remediation) => referenceControlOf(set, remediation));
}

function descriptionOf(set: QuestionSet): string {
  const { source } = set;
  return paragraphs(
    `${set.title}: Cellguard's question set "${set.id}", version ${set.version}.`,
    `Source: "${source.report}", ${source.publisher}, ${source.date}: ${source.link}`,
    "Each domain of the set is a section; each question is a requirement with one single-choice question whose answers are the set's graded options. An answer adds the coverage Cellguard gives it, in percent, to the requirement's score (0-100). The annotation of each requirement carries the help text, the recommendations, ATT&CK techniques, references and sources; each control requirement suggests the remediation that closes it as a reference control.",
    set.definitions.length > 0 &&
      `Words the answers use in a fixed sense:\n${bulletList(set.definitions.map((d) => `${d.term}: ${sentence(d.meaning)}`))}`,
  );
}

function copyrightOf(set: QuestionSet): string {
  const publishers = [...new Set(set.sources.map((s) => s.publisher))];
  return `Questions, help texts and answer criteria written for Cellguard. The help texts cite public sources (${publishers.join('; ')}), named in each requirement's annotation; this library is not published or endorsed by them or by intuitem.`;
}

/** The library as data, keys in the order their converter writes them. */
export function cisoAssistantLibrary(
  set: QuestionSet,
  { publicationDate }: CisoAssistantExportOptions,
): CisoAssistantLibrary {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(publicationDate))
    throw new Error(`${publicationDate} is not a date as YYYY-MM-DD`);
  const urns = cisoAssistantUrns(set);
  const name = `Cellguard: ${set.title}`;
  const domainNodes = set.domains.map((domain): CisoAssistantRequirementNode => ({
    urn: urns.node(domain.id),
    assessable: false,
    depth: 1,
    ref_id: domain.id,
    name: domain.title,
    description: domain.summary,
  }));
  // Each domain's node, then its questions: the tree in the order the wizard asks it.
  const requirementNodes = set.domains.flatMap((domain, index) => [
    domainNodes[index] as CisoAssistantRequirementNode,
    ...set.questions.filter((q) => q.domain === domain.id).map((q) => questionNode(set, q)),
  ]);
  return {
    urn: urns.library,
    locale: 'en',
    ref_id: cisoAssistantRefId(set),
    name,
    description: descriptionOf(set),
    copyright: copyrightOf(set),
    version: cisoAssistantVersion(set.version),
    publication_date: publicationDate,
    provider: 'Cellguard',
    packager: cisoAssistantPackager,
    objects: {
      reference_controls: referenceControls(set),
      framework: {
        urn: urns.framework,
        ref_id: cisoAssistantRefId(set),
        name,
        description: descriptionOf(set),
        min_score: 0,
        max_score: 100,
        scores_definition: scoresDefinition,
        requirement_nodes: requirementNodes,
      },
    },
  };
}

/**
 * The library as YAML text. CISO Assistant reads it with PyYAML, a YAML 1.1 parser, so it is
 * written as YAML 1.1: a label such as "No" or "Yes" stays a string instead of becoming a boolean,
 * and the date stays a quoted string (as in their CISA CPG 2.0 library). Lines are not folded and
 * no anchors are written, so the file reads like theirs.
 */
export function cisoAssistantLibraryYaml(
  set: QuestionSet,
  options: CisoAssistantExportOptions,
): string {
  const document = new Document(cisoAssistantLibrary(set, options), {
    version: '1.1',
    aliasDuplicateObjects: false,
  });
  document.commentBefore = ` Cellguard question set ${set.id} ${set.version} as a CISO Assistant library.\n Load it in CISO Assistant: Libraries, upload this file, then load the library.`;
  return document.toString({ lineWidth: 0 });
}
