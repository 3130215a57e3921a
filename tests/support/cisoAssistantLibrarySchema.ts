import { z } from '../../src/core/shared/zod.ts';

/**
 * A CISO Assistant library (framework, reference controls, threats) as their loader accepts it,
 * derived from intuitem/ciso-assistant-community. Files read, at the commits the search index
 * holds (the newest of them dated October 2026):
 *
 * - backend/library/utils.py @ 014d8241 (LibraryImporter, FrameworkImporter,
 *   RequirementNodeImporter, ReferenceControlImporter, ThreatImporter): required fields, the
 *   object fields, which keys are read, the score range check.
 * - tools/convert_library_v2.py @ 02c143c6 (converter v2.1): the keys it writes and their order,
 *   `version` as an integer, `publication_date`, `dependencies`, the question block (keyed by
 *   question URN, `type`, `choices` of `urn` + `value`, `text`).
 * - tools/check_library_v2.py @ 01510e7a: the URN pattern, `urn:<packager>:risk:<object>:<id>`,
 *   ref_id characters, the two-letter locale, a positive integer version.
 * - tools/README.md @ 05751624: required library fields; answers' `add_score`, `compute_result`,
 *   `description`, `color`, `select_implementation_groups`; the four question types.
 * - backend/library/tests/test_library_import_questions.py @ 020f95e4: the choice keys the loader
 *   stores, `compute_result` as a boolean or a string, `depends_on`.
 * - backend/library/tests/test_framework_scoring_properties.py @ 0da5fc34: a minimal valid
 *   library, `score_scale_locked`, `score_calculation_method`.
 * - documentation/architecture/decisions/library-builder-urn-scheme.md @ 11c80cb2: URN segments,
 *   the 32-character packager, 255-character URNs, names up to 200 and ref_ids up to 100.
 * - backend/library/libraries/nist-csf-2.0.yaml @ 0211ba30, anssi-mon-aide-cyber.yaml @ 26491fcf,
 *   cisa-cpg-2.0.yaml @ 2eb597b8: shipped libraries (excerpts in tests/fixtures/ciso-assistant/).
 *
 * Objects are strict where a typo would silently lose data (a misspelt key is ignored by their
 * loader); the object kinds Cellguard never writes (risk matrices, mappings, quick forms…) are
 * only checked to be lists or objects.
 */

/**
 * check_library_v2.validate_urn allows [a-z0-9._-]; the converter's clean_urn_suffix and the
 * builder's urn_safe_leaf also keep ( ) [ ], and shipped libraries nest ':' in requirement ids.
 * Always lower case: their loader lower-cases every URN it stores.
 */
const urnPattern = /^urn:[a-z0-9_-]{1,32}:[a-z0-9._()[\]-]+(?::[a-z0-9._()[\]-]+)*$/;
export const urn = z
  .string()
  .max(255, 'is longer than the 255 characters of their URN columns')
  .regex(urnPattern, 'is not a lower-case URN such as urn:<packager>:risk:req_node:<library>:<id>');

/** urn:<packager>:risk:<object>:<id>, as check_library_v2.URNMetadataFormat writes it. */
const urnOfType = (objectType: string) =>
  urn.refine((value) => value.split(':')[2] === 'risk' && value.split(':')[3] === objectType, {
    message: `must read urn:<packager>:risk:${objectType}:<id>`,
  });

/** check_library_v2.validate_ref_id, for libraries and frameworks. */
const objectRefId = z
  .string()
  .max(100)
  .regex(/^[a-zA-Z0-9._-]+$/, 'may hold letters, digits, ".", "_" and "-" only');

const name = z.string().min(1).max(200);
const text = z.string();
/** { fr: { name: …, description: … } }: per locale, the translated fields. */
const translations = z.record(z.string().regex(/^[a-z]{2}$/), z.record(z.string(), z.unknown()));
/** check_library_v2.is_valid_locale: ISO 639-1. */
const locale = z.string().regex(/^[a-z0-9]{2}$/, 'must be a two-letter language code');
/** YAML 1.1 (PyYAML) reads an unquoted date as a date; YAML 1.2 and a quoted one as text. */
const date = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()]);

export const scoreDefinitionSchema = z.strictObject({
  score: z.number().int(),
  name: text,
  description: text.nullable(),
  description_doc: text.optional(),
  translations: translations.optional(),
});

const implementationGroupSchema = z.strictObject({
  ref_id: z.string().min(1),
  name: text,
  description: text.nullable().optional(),
  default_selected: z.boolean().optional(),
  translations: translations.optional(),
});

/** A choice as RequirementNodeImporter stores it (test_library_import_questions.py). */
export const choiceSchema = z.strictObject({
  urn,
  value: text,
  description: text.optional(),
  add_score: z.number().int().optional(),
  compute_result: z.union([z.boolean(), z.string()]).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  select_implementation_groups: z.array(z.string()).optional(),
  translations: translations.optional(),
});

export const questionSchema = z
  .strictObject({
    type: z.enum(['unique_choice', 'multiple_choice', 'text', 'date']),
    text,
    choices: z.array(choiceSchema).optional(),
    depends_on: z
      .strictObject({
        question: z.string(),
        answers: z.array(z.string()),
        condition: z.enum(['any', 'all']).optional(),
      })
      .optional(),
    translations: translations.optional(),
  })
  .refine(
    (question) =>
      !['unique_choice', 'multiple_choice'].includes(question.type) ||
      (question.choices?.length ?? 0) > 0,
    { message: 'a choice question needs its choices' },
  );

/** The keys RequirementNodeImporter reads, plus `depth`, which the converter always writes. */
export const requirementNodeSchema = z
  .strictObject({
    urn: urnOfType('req_node'),
    assessable: z.boolean(),
    depth: z.number().int().min(1),
    parent_urn: urnOfType('req_node').optional(),
    ref_id: z.string().max(100).optional(),
    name: name.optional(),
    description: text.optional(),
    annotation: text.optional(),
    typical_evidence: text.optional(),
    implementation_groups: z.array(z.string()).optional(),
    threats: z.array(urn).optional(),
    reference_controls: z.array(urn).optional(),
    questions: z.record(urn, questionSchema).optional(),
    questions_properties: z.record(z.string(), z.unknown()).optional(),
    display_mode: z.string().optional(),
    /** tools/README.md: a positive integer, 1 by default. */
    weight: z.number().int().min(1).optional(),
    /** tools/README.md (Excel format); older converters wrote it into the node. */
    importance: z.enum(['mandatory', 'recommended', 'nice to have', 'undefined']).optional(),
    min_score: z.number().int().optional(),
    max_score: z.number().int().optional(),
    scores_definition_ref: z.string().optional(),
    translations: translations.optional(),
  })
  .refine((node) => node.depth === 1 || node.parent_urn !== undefined, {
    message: 'a node below depth 1 names its parent_urn',
  })
  .refine(
    (node) =>
      Object.keys(node.questions ?? {}).every((questionUrn) =>
        questionUrn.startsWith(`${node.urn}:`),
      ),
    { message: "a question's URN starts with its requirement node's URN" },
  );

export const frameworkSchema = z
  .strictObject({
    urn: urnOfType('framework'),
    ref_id: objectRefId,
    name: name.optional(),
    description: text.optional(),
    annotation: text.optional(),
    min_score: z.number().int().min(0).optional(),
    max_score: z.number().int().min(0).optional(),
    result_aggregation: z.string().optional(),
    score_scale_locked: z.boolean().optional(),
    score_calculation_method: z.string().optional(),
    scores_definition: z
      .union([
        z.array(scoreDefinitionSchema),
        z.strictObject({ scale: z.array(scoreDefinitionSchema) }),
      ])
      .optional(),
    implementation_groups_definition: z.array(implementationGroupSchema).optional(),
    outcomes_definition: z.array(z.unknown()).optional(),
    field_visibility: z.record(z.string(), z.unknown()).optional(),
    translations: translations.optional(),
    requirement_nodes: z.array(requirementNodeSchema).min(1),
  })
  // FrameworkImporter.import_framework: 0 and 100 when absent, min below max, neither negative.
  .refine((framework) => (framework.min_score ?? 0) < (framework.max_score ?? 100), {
    message: 'min_score must be below max_score',
  })
  .refine(
    (framework) => {
      const urns = framework.requirement_nodes.map((node) => node.urn);
      return new Set(urns).size === urns.length;
    },
    { message: 'every requirement node has a URN of its own' },
  );

/** ReferenceControlImporter: categories and CSF functions from their model's choices. */
export const referenceControlSchema = z.strictObject({
  urn,
  ref_id: z.string().min(1).max(100),
  name: name.optional(),
  description: text.optional(),
  annotation: text.optional(),
  typical_evidence: text.optional(),
  category: z.enum(['policy', 'process', 'technical', 'physical', 'procedure']).optional(),
  csf_function: z
    .enum(['govern', 'identify', 'protect', 'detect', 'respond', 'recover'])
    .optional(),
  translations: translations.optional(),
});

const threatSchema = z.strictObject({
  urn,
  ref_id: z.string().min(1).max(100),
  name: name.optional(),
  description: text.optional(),
  annotation: text.optional(),
  translations: translations.optional(),
});

/** LibraryImporter.OBJECT_FIELDS: at least one, never both the old and the new spelling. */
const otherObjects = [
  'ttp_catalogs',
  'tactics',
  'techniques',
  'metric_definitions',
  'risk_matrix',
  'risk_matrices',
  'quick_forms',
  'requirement_mapping_set',
  'requirement_mapping_sets',
  'preset',
  'workflows',
] as const;

export const libraryObjectsSchema = z
  .strictObject({
    framework: frameworkSchema.optional(),
    frameworks: z.array(frameworkSchema).optional(),
    reference_controls: z.array(referenceControlSchema).optional(),
    threats: z.array(threatSchema).optional(),
    ...Object.fromEntries(
      otherObjects.map((key) => [
        key,
        z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
      ]),
    ),
  })
  .refine((objects) => Object.keys(objects).length > 0, {
    message: 'a library holds at least one object field',
  })
  .refine((objects) => !(objects.framework && objects.frameworks), {
    message: "a library can't have both 'framework' and 'frameworks'",
  });

/** The library header: check_library_v2.validate_library_meta and the converter's header. */
export const cisoAssistantLibrarySchema = z.strictObject({
  /** The converter's signature; present in the libraries it wrote, ignored by the loader. */
  convert_library_version: z.string().optional(),
  urn: urnOfType('library'),
  locale,
  ref_id: objectRefId,
  name,
  description: text,
  copyright: z.string().min(1),
  /** A loaded library is updated only by a file with a higher version. */
  version: z.number().int().positive(),
  publication_date: date.optional(),
  provider: z.string().min(1),
  packager: z.string().min(1).max(32, 'the packager is a URN namespace: at most 32 characters'),
  dependencies: z.array(urn).optional(),
  labels: z.array(z.string()).optional(),
  translations: translations.optional(),
  objects: libraryObjectsSchema,
});

export type CisoAssistantLibraryFile = z.infer<typeof cisoAssistantLibrarySchema>;
