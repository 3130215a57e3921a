import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  cisoAssistantFileName,
  cisoAssistantLibrary,
  cisoAssistantLibraryYaml,
  cisoAssistantVersion,
  type CisoAssistantLibrary,
} from '../../../src/core/export/cisoAssistantLibrary.ts';
import type { QuestionSet } from '../../../src/core/questionSet/schema.ts';
import { cisoAssistantLibrarySchema } from '../../support/cisoAssistantLibrarySchema.ts';
import { loadShippedSets } from '../../support/shippedSet.ts';

const sets = loadShippedSets();
const options = { publicationDate: '2026-05-14' };
const fixtures = join(import.meta.dirname, '../../fixtures/ciso-assistant');

/** A shipped library as CISO Assistant's loader reads it: YAML 1.1 (PyYAML). */
const shipped = (file: string): unknown =>
  parse(readFileSync(join(fixtures, file), 'utf8'), { version: '1.1' });
const nist = shipped('nist-csf-2.0.excerpt.yaml');
const monAideCyber = shipped('anssi-mon-aide-cyber.excerpt.yaml');

type Json = Record<string, unknown>;
const record = (value: unknown): Json => value as Json;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const frameworkOf = (library: unknown): Json => record(record(record(library).objects).framework);
const nodesOf = (library: unknown): Json[] => list(frameworkOf(library).requirement_nodes);
const questionsOf = (library: unknown): Json[] =>
  nodesOf(library).flatMap((node) => Object.values(record(node.questions ?? {})) as Json[]);
const choicesOf = (library: unknown): Json[] =>
  questionsOf(library).flatMap((question) => list(question.choices));
const keysOf = (objects: readonly Json[]): Set<string> =>
  new Set(objects.flatMap((object) => Object.keys(object)));
const union = (...sets: Set<string>[]): Set<string> => new Set(sets.flatMap((s) => [...s]));

/** Every URN the library defines: itself, its framework, nodes, questions, choices, controls. */
function definedUrns(library: CisoAssistantLibrary): string[] {
  const { framework, reference_controls } = library.objects;
  return [
    library.urn,
    framework.urn,
    ...reference_controls.map((control) => control.urn),
    ...framework.requirement_nodes.flatMap((node) => [
      node.urn,
      ...Object.entries(node.questions ?? {}).flatMap(([questionUrn, question]) => [
        questionUrn,
        ...question.choices.map((choice) => choice.urn),
      ]),
    ]),
  ];
}

const nodeOf = (library: CisoAssistantLibrary, refId: string) => {
  const node = library.objects.framework.requirement_nodes.find((n) => n.ref_id === refId);
  if (!node) throw new Error(`no node ${refId}`);
  return node;
};

const onlyQuestion = (node: ReturnType<typeof nodeOf>) => {
  const entries = Object.entries(node.questions ?? {});
  expect(entries).toHaveLength(1);
  const [entry] = entries;
  if (!entry) throw new Error(`${node.ref_id} has no question`);
  return { urn: entry[0], question: entry[1] };
};

describe.each(sets.map((set) => [set.id, set] as const))(
  'the %s set as a CISO Assistant library',
  (_, set) => {
    const library = cisoAssistantLibrary(set, options);
    const text = cisoAssistantLibraryYaml(set, options);

    it('passes the schema derived from their loader, as data and as the YAML file', () => {
      expect(cisoAssistantLibrarySchema.safeParse(library).error?.issues ?? []).toEqual([]);
      const asPyYamlReadsIt = parse(text, { version: '1.1' });
      expect(cisoAssistantLibrarySchema.safeParse(asPyYamlReadsIt).error?.issues ?? []).toEqual([]);
    });

    it('reads back from its YAML exactly as exported, in YAML 1.1 and 1.2 alike', () => {
      expect(parse(text, { version: '1.1' })).toEqual(library);
      expect(parse(text)).toEqual(library);
      expect(text).not.toMatch(/^\s*[&*]\w/m);
    });

    it('turns each domain into a section and each question into one assessable requirement below it, in the set’s order', () => {
      const nodes = library.objects.framework.requirement_nodes;
      const expected = set.domains.flatMap((domain) => [
        { ref_id: domain.id, depth: 1, assessable: false, name: domain.title },
        ...set.questions
          .filter((question) => question.domain === domain.id)
          .map((question) => ({
            ref_id: question.id,
            depth: 2,
            assessable: true,
            name: question.title,
          })),
      ]);
      expect(
        nodes.map(({ ref_id, depth, assessable, name }) => ({ ref_id, depth, assessable, name })),
      ).toEqual(expected);
      for (const question of set.questions) {
        const node = nodeOf(library, question.id);
        expect(node.parent_urn).toBe(nodeOf(library, question.domain).urn);
        expect(node.description).toBe(question.text);
        expect(node.annotation?.startsWith(question.help)).toBe(true);
      }
    });

    it('asks every question once, with its options in order as single-choice answers: label, criteria and, for a control, its coverage as score', () => {
      expect(questionsOf(library)).toHaveLength(set.questions.length);
      for (const question of set.questions) {
        const { urn, question: asked } = onlyQuestion(nodeOf(library, question.id));
        expect(urn).toBe(`${nodeOf(library, question.id).urn}:question:1`);
        expect(asked.type).toBe('unique_choice');
        expect(asked.text).toBe(question.text);
        expect(asked.choices).toEqual(
          question.options.map((option) => ({
            urn: `${urn}:choice:${option.id}`,
            value: option.label,
            ...(option.criteria ? { description: option.criteria } : {}),
            ...(question.kind === 'control' && 'coverage' in option
              ? { add_score: Math.round((option.coverage ?? 0) * 100) }
              : {}),
          })),
        );
      }
    });

    it('keeps the set’s permanent ids in ref_id and URN, in lower case, unchanged from one export to the next', () => {
      const urns = definedUrns(library);
      expect(new Set(urns).size).toBe(urns.length);
      for (const urn of urns) expect(urn).toBe(urn.toLowerCase());
      expect(library.urn).toBe(`urn:cellguard:risk:library:cellguard-${set.id}`);
      expect(library.objects.framework.urn).toBe(
        `urn:cellguard:risk:framework:cellguard-${set.id}`,
      );
      const [first] = set.questions;
      expect(nodeOf(library, first?.id ?? '').urn).toBe(
        `urn:cellguard:risk:req_node:cellguard-${set.id}:${(first?.id ?? '').toLowerCase()}`,
      );
      const later = cisoAssistantLibrary(set, { publicationDate: '2027-01-31' });
      expect(definedUrns(later)).toEqual(urns);
      expect(later.publication_date).toBe('2027-01-31');
    });

    it('hangs every requirement below a section that exists, and links only reference controls it defines', () => {
      const nodes = library.objects.framework.requirement_nodes;
      const sections = new Set(nodes.filter((node) => node.depth === 1).map((node) => node.urn));
      for (const node of nodes) {
        if (node.depth === 1) expect(node.parent_urn).toBeUndefined();
        else expect(sections.has(node.parent_urn ?? '')).toBe(true);
      }
      const controls = new Set(library.objects.reference_controls.map((control) => control.urn));
      const linked = new Set(nodes.flatMap((node) => node.reference_controls ?? []));
      expect([...linked].filter((urn) => !controls.has(urn))).toEqual([]);
      expect([...controls].filter((urn) => !linked.has(urn))).toEqual([]);
    });

    it('suggests each control requirement’s remediation as a reference control, a shared one once for all its questions', () => {
      for (const question of set.questions) {
        const node = nodeOf(library, question.id);
        if (question.kind === 'scope') {
          expect(node.reference_controls).toBeUndefined();
          continue;
        }
        const control = library.objects.reference_controls.find(
          (c) => c.urn === node.reference_controls?.[0],
        );
        expect(control).toMatchObject({
          ref_id: question.remediation.id,
          name: question.remediation.action,
        });
        expect(control?.description.startsWith(question.remediation.detail)).toBe(true);
      }
      const remediationIds = new Set(
        set.questions.flatMap((q) => (q.kind === 'control' ? [q.remediation.id] : [])),
      );
      expect(library.objects.reference_controls.map((c) => c.ref_id).sort()).toEqual(
        [...remediationIds].sort(),
      );
    });

    it('names the library by set and version, and numbers its version so that a later set version is higher', () => {
      expect(library).toMatchObject({
        ref_id: `CELLGUARD-${set.id.toUpperCase()}`,
        locale: 'en',
        provider: 'Cellguard',
        packager: 'cellguard',
        version: cisoAssistantVersion(set.version),
        publication_date: '2026-05-14',
      });
      expect(library.name).toContain(set.title);
      expect(library.description).toContain(set.source.link);
      expect(cisoAssistantFileName(set)).toBe(
        `cellguard-${set.id}-${set.version}-ciso-assistant.yaml`,
      );
    });
  },
);

describe('what a requirement’s annotation carries', () => {
  const softcell = sets.find((set) => set.id === 'softcell') as QuestionSet;
  const library = cisoAssistantLibrary(softcell, options);
  const annotation = nodeOf(library, 'EXP-02').annotation ?? '';

  it('says when a question applies, and names its recommendations, techniques, references, sources and weight', () => {
    expect(annotation).toContain(
      'Asked only when EXP-01 (Web applications on the internet) is answered "Yes, one or more"',
    );
    expect(annotation).toContain('R1 Web-tier protection');
    expect(annotation).toContain('T1190 Exploit Public-Facing Application');
    expect(annotation).toContain('NIST CSF 2.0: PR.IR-01');
    expect(annotation).toContain(
      'https://www.cybereason.com/blog/operation-soft-cell-a-worldwide-campaign-against-telecommunications-providers',
    );
    expect(annotation).toContain("Weight in Cellguard's score: 5 of 5.");
    expect(annotation).toContain('Critical in Cellguard');
  });

  it('marks a scoping question as not scored, and gives its answers no score', () => {
    const scope = nodeOf(library, 'EXP-01');
    expect(scope.annotation).toContain('A scoping question: Cellguard does not score it');
    for (const choice of onlyQuestion(scope).question.choices)
      expect(choice.add_score).toBeUndefined();
  });
});

describe('the YAML text', () => {
  it('keeps an answer labelled "No" or "Yes" a string for PyYAML, which reads YAML 1.1', () => {
    const [set] = sets;
    if (!set) throw new Error('no shipped set');
    const [first, ...rest] = set.questions;
    if (!first) throw new Error('no question');
    const relabelled: QuestionSet = {
      ...set,
      questions: [
        {
          ...first,
          options: first.options.map((option, i) => ({ ...option, label: i === 0 ? 'No' : 'Yes' })),
        } as typeof first,
        ...rest,
      ],
    };
    const read = parse(cisoAssistantLibraryYaml(relabelled, options), { version: '1.1' });
    const node = nodesOf(read).find((n) => n.ref_id === first.id);
    const values = list(record(Object.values(record(node?.questions))[0]).choices).map(
      (choice) => choice.value,
    );
    expect(values[0]).toBe('No');
    expect(values.slice(1).every((value) => value === 'Yes')).toBe(true);
  });

  it('numbers library versions in the order of the set versions', () => {
    expect(cisoAssistantVersion('2.0.0')).toBe(2_000_000);
    const ordered = ['1.0.0', '1.0.1', '1.1.0', '1.9.999', '1.10.0', '2.0.0', '10.0.0'];
    const numbers = ordered.map(cisoAssistantVersion);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(() => cisoAssistantVersion('1.1000.0')).toThrow(/over 999/);
    expect(() => cisoAssistantVersion('2.0')).toThrow(/not a semantic version/);
  });

  it('refuses a publication date that is not YYYY-MM-DD', () => {
    const [set] = sets;
    if (!set) throw new Error('no shipped set');
    expect(() => cisoAssistantLibrary(set, { publicationDate: '14/05/2026' })).toThrow(
      /YYYY-MM-DD/,
    );
  });
});

describe('their shipped libraries against the same schema and key structure', () => {
  const ours = sets.map((set) => cisoAssistantLibrary(set, options) as unknown);

  it('accepts the NIST CSF 2.0 and MonAideCyber libraries as CISO Assistant ships them', () => {
    for (const shippedLibrary of [nist, monAideCyber])
      expect(cisoAssistantLibrarySchema.safeParse(shippedLibrary).error?.issues ?? []).toEqual([]);
  });

  it('has the same header keys as a library their converter wrote, without the converter’s own stamp', () => {
    const theirs = Object.keys(record(monAideCyber)).filter(
      (key) => key !== 'convert_library_version',
    );
    for (const library of ours) expect(Object.keys(record(library)).sort()).toEqual(theirs.sort());
    expect(Object.keys(record(record(ours[0]).objects)).sort()).toEqual(
      Object.keys(record(record(monAideCyber).objects)).sort(),
    );
  });

  it('uses, at every level, only keys their shipped libraries use there', () => {
    const theirLibraries = [nist, monAideCyber];
    const levels: [string, (library: unknown) => Json[]][] = [
      ['framework', (library) => [frameworkOf(library)]],
      ['requirement node', nodesOf],
      ['question', questionsOf],
      ['reference control', (library) => list(record(record(library).objects).reference_controls)],
      ['score definition', (library) => list(frameworkOf(library).scores_definition)],
    ];
    for (const [level, objectsAt] of levels) {
      const theirKeys = union(...theirLibraries.map((library) => keysOf(objectsAt(library))));
      const ourKeys = union(...ours.map((library) => keysOf(objectsAt(library))));
      expect({ level, unknown: [...ourKeys].filter((key) => !theirKeys.has(key)) }).toEqual({
        level,
        unknown: [],
      });
    }
  });

  it('gives choices only the keys their shipped libraries or their loader’s tests give them', () => {
    // backend/library/tests/test_library_import_questions.py, test_import_choice_with_all_optional_fields.
    const loaderTestKeys = new Set([
      'urn',
      'value',
      'add_score',
      'compute_result',
      'description',
      'color',
      'select_implementation_groups',
      'translations',
    ]);
    const allowed = union(keysOf(choicesOf(monAideCyber)), loaderTestKeys);
    const ourKeys = union(...ours.map((library) => keysOf(choicesOf(library))));
    expect([...ourKeys].filter((key) => !allowed.has(key))).toEqual([]);
  });

  it('refuses what their loader or checker would refuse', () => {
    const [set] = sets;
    if (!set) throw new Error('no shipped set');
    const good = cisoAssistantLibrary(set, options);
    const framework = good.objects.framework;
    const [section, requirement, ...others] = framework.requirement_nodes;
    if (!section || !requirement) throw new Error('no nodes');
    const broken: [string, unknown][] = [
      ['an upper-case URN', { ...good, urn: good.urn.toUpperCase() }],
      ['a version that is not an integer', { ...good, version: '2.0.0' }],
      [
        'a misspelt key',
        {
          ...good,
          objects: { ...good.objects, framework: { ...framework, requirment_nodes: [] } },
        },
      ],
      [
        'min_score not below max_score',
        { ...good, objects: { ...good.objects, framework: { ...framework, min_score: 100 } } },
      ],
      [
        'a requirement below depth 1 without its parent',
        {
          ...good,
          objects: {
            ...good.objects,
            framework: {
              ...framework,
              requirement_nodes: [section, { ...requirement, parent_urn: undefined }, ...others],
            },
          },
        },
      ],
      [
        'a choice question without choices',
        {
          ...good,
          objects: {
            ...good.objects,
            framework: {
              ...framework,
              requirement_nodes: [
                section,
                {
                  ...requirement,
                  questions: Object.fromEntries(
                    Object.entries(requirement.questions ?? {}).map(([urn, q]) => [
                      urn,
                      { ...q, choices: [] },
                    ]),
                  ),
                },
                ...others,
              ],
            },
          },
        },
      ],
      ['a packager longer than 32 characters', { ...good, packager: 'x'.repeat(33) }],
    ];
    for (const [what, library] of broken)
      expect({ what, accepted: cisoAssistantLibrarySchema.safeParse(library).success }).toEqual({
        what,
        accepted: false,
      });
  });
});
