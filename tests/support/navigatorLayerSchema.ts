import { z } from '../../src/core/shared/zod.ts';

/**
 * An ATT&CK Navigator layer, layer format 4.5, as a zod schema. MITRE publishes no JSON schema; this
 * one is written from the specification in mitre-attack/attack-navigator,
 * layers/spec/v4.5/layerformat.md (read at commit 068cf4e8), section by section, with where
 * Navigator's own loader is stricter than the text (nav-app/src/app/classes/view-model.ts,
 * technique-vm.ts, gradient.ts: what it refuses with a "TypeError" and drops).
 *
 * Every object is strict: the specification lists every property, and Navigator silently ignores a
 * key it does not know, so a misspelt one ("techniqueId", "minvalue") would be lost without a word.
 * Optional here is optional there ("Required? No"); a default the spec gives is not filled in.
 */

/**
 * Gradient object, colors: "the hexadecimal RGB color values". #rrggbb, or #rrggbbaa as Navigator
 * itself writes them (gradient.ts serialize: toHex8String).
 */
const hexColor = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'must be a hexadecimal colour such as #ff6666');

/** "navigator: Must be at least "4.9.0"" (Version object). */
const atLeast = (version: string, minimum: readonly number[]) => {
  const parts = version.split('.').map(Number);
  for (const [index, least] of minimum.entries()) {
    const part = parts[index] ?? 0;
    if (part !== least) return part > least;
  }
  return true;
};

/** Version object: `navigator` and `layer` required, `attack` optional. */
export const versionsSchema = z.strictObject({
  /** "ATT&CK version of this layer"; Navigator reads its first run of digits (view-model.ts). */
  attack: z
    .string()
    .regex(/^\d+(?:\.\d+)?$/, 'must be an ATT&CK version such as "18"')
    .optional(),
  navigator: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'must be a Navigator version such as "5.2.0"')
    .refine((version) => atLeast(version, [4, 9, 0]), 'must be at least 4.9.0'),
  /** "Must be "4.5"": another version makes Navigator warn that the layer is out of date. */
  layer: z.literal('4.5'),
});

/** Metadata object: `name` and `value`, both required strings. */
export const metadataItemSchema = z.strictObject({ name: z.string(), value: z.string() });
/** Divider object: `divider`, a required boolean. */
export const dividerSchema = z.strictObject({ divider: z.boolean() });
/** "Array of Metadata objects and Divider objects". */
const metadataList = z.array(z.union([metadataItemSchema, dividerSchema]));

/** Link object: `label` and `url`; "URLs must be prefixed with a protocol identifier". */
export const linkSchema = z.strictObject({
  label: z.string(),
  url: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, 'must start with a protocol, e.g. https://'),
});
const linkList = z.array(z.union([linkSchema, dividerSchema]));

/**
 * Technique object. "T####", or "T####.###" for a sub-technique: the parent's id and the
 * sub-technique's suffix. Technique and sub-technique differ in nothing else.
 */
export const techniqueSchema = z.strictObject({
  techniqueID: z
    .string()
    .regex(/^T\d{4}(?:\.\d{3})?$/, 'must be an ATT&CK technique id such as T1190 or T1003.001'),
  /**
   * "Unique identifier of the ATT&CK technique's tactic, e.g. "lateral-movement"". Without it the
   * annotation appears under every tactic of the technique.
   */
  tactic: z
    .string()
    .regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be a tactic short name such as lateral-movement')
    .optional(),
  comment: z.string().optional(),
  enabled: z.boolean().optional(),
  /** "Optional numeric score"; Navigator drops a score that is not a number (technique-vm.ts). */
  score: z.number().finite().optional(),
  /** An explicit colour overrides the score's; "" (the default) is none. */
  color: z.union([z.literal(''), hexColor]).optional(),
  metadata: metadataList.optional(),
  links: linkList.optional(),
  showSubtechniques: z.boolean().optional(),
});

/** Gradient object: all three required; "at least two (2) values"; "maxValue must be > minValue". */
export const gradientSchema = z
  .strictObject({
    colors: z.array(hexColor).min(2, 'needs at least two colours'),
    minValue: z.number().finite(),
    maxValue: z.number().finite(),
  })
  .refine((gradient) => gradient.maxValue > gradient.minValue, {
    message: 'maxValue must be greater than minValue',
    path: ['maxValue'],
  });

/**
 * LegendItem object: `label` and `color`, both required. The spec says only "String" for the
 * colour; Navigator accepts any colour tinycolor reads. Hex is required here, the form Navigator's
 * own files use, so that the check cannot depend on a colour-name table.
 */
export const legendItemSchema = z.strictObject({ label: z.string(), color: hexColor });

/** Filter object: `platforms`, each valid for the layer's domain (checked with the domain below). */
const platformsByDomain = {
  'enterprise-attack': [
    'PRE',
    'Windows',
    'Linux',
    'macOS',
    'Network',
    'AWS',
    'GCP',
    'Azure',
    'Azure AD',
    'Office 365',
    'SaaS',
  ],
  'mobile-attack': ['Android', 'iOS'],
  'ics-attack': [
    'Windows',
    'Control Server',
    'Data Historian',
    'Engineering Workstation',
    'Field Controller/RTU/PLC/IED',
    'Human-Machine Interface',
    'Input/Output Server',
    'Safety Instrumented System/Protection Relay',
  ],
} as const;

/** Layout object: every field optional, each with its listed values. */
export const layoutSchema = z.strictObject({
  layout: z.enum(['side', 'flat', 'mini']).optional(),
  showID: z.boolean().optional(),
  showName: z.boolean().optional(),
  showAggregateScores: z.boolean().optional(),
  countUnscored: z.boolean().optional(),
  aggregateFunction: z.enum(['average', 'min', 'max', 'sum']).optional(),
  expandedSubtechniques: z.enum(['none', 'all', 'annotated']).optional(),
});

/** The layer: the Property Table. `name` and `domain` are the only required properties. */
export const navigatorLayerSchema = z
  .strictObject({
    versions: versionsSchema.optional(),
    name: z.string(),
    description: z.string().optional(),
    domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
    customDataURL: z.string().optional(),
    filters: z.strictObject({ platforms: z.array(z.string()).optional() }).optional(),
    /** 0 and 1: by name ascending and descending; 2 and 3: by score ascending and descending. */
    sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    layout: layoutSchema.optional(),
    hideDisabled: z.boolean().optional(),
    techniques: z.array(techniqueSchema).optional(),
    gradient: gradientSchema.optional(),
    legendItems: z.array(legendItemSchema).optional(),
    showTacticRowBackground: z.boolean().optional(),
    tacticRowBackground: hexColor.optional(),
    selectTechniquesAcrossTactics: z.boolean().optional(),
    selectSubtechniquesWithParent: z.boolean().optional(),
    selectVisibleTechniques: z.boolean().optional(),
    metadata: metadataList.optional(),
    links: linkList.optional(),
  })
  .superRefine((layer, context) => {
    const valid: readonly string[] = platformsByDomain[layer.domain];
    for (const [index, platform] of (layer.filters?.platforms ?? []).entries())
      if (!valid.includes(platform))
        context.addIssue({
          code: 'custom',
          path: ['filters', 'platforms', index],
          message: `is not a platform of ${layer.domain}`,
        });
    // Navigator keeps one annotation per technique and tactic (view-model.ts setTechniqueVM): a
    // second entry for the same pair silently replaces the first.
    const seen = new Set<string>();
    for (const [index, technique] of (layer.techniques ?? []).entries()) {
      const key = `${technique.techniqueID}^${technique.tactic ?? ''}`;
      if (seen.has(key))
        context.addIssue({
          code: 'custom',
          path: ['techniques', index, 'techniqueID'],
          message: `${technique.techniqueID} is listed twice for the same tactic`,
        });
      seen.add(key);
    }
  });

export type NavigatorLayerFile = z.infer<typeof navigatorLayerSchema>;

/** "Users are now able to download all open layers into a single file": one layer, or a list. */
export const navigatorLayerFileSchema = z.union([
  navigatorLayerSchema,
  z.array(navigatorLayerSchema).min(1),
]);
