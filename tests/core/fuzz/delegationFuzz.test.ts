import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../../src/core/assessment/fileSchema.ts';
import { sealText } from '../../../src/core/crypto/passphrase.ts';
import { sealedJson } from '../../../src/core/delegation/fileCheck.ts';
import { importQuestionnaireFile, importResponseFile } from '../../../src/core/delegation/files.ts';
import { applyMerge, pendingMerge, receiveResponse } from '../../../src/core/delegation/merge.ts';
import { questionnaireSchema } from '../../../src/core/delegation/questionnaire.ts';
import { responseSchema } from '../../../src/core/delegation/response.ts';
import { contentDigest } from '../../../src/core/integrity/digest.ts';
import { formatProblem, type Problem, type Result } from '../../../src/core/result.ts';
import {
  anaId,
  answeredAt,
  deepFreeze,
  leadAssessment,
  mergedAt,
  respond,
  respondedAt,
  send,
  set,
  withPeople,
} from '../../support/delegationFixtures.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import { paths, setAt } from '../../support/jsonPaths.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';
import { garbageFile, hostileValue as sharedHostileValue } from '../../support/hostileJson.ts';

/**
 * Questionnaire and response files, damaged or hostile, through the paths the app reads them by
 * (importQuestionnaireFile, importResponseFile) and, for responses, on into the assessment
 * (receiveResponse, then a merge). As for assessment files (importFuzz.test.ts): nothing throws,
 * every refusal is in plain words, only a sound file is read, and the assessment is never changed.
 */

// A real round: Ana has the EXP domain of a lead's assessment, with answers in and out of it.
const sent = send(
  withPeople(
    leadAssessment({
      'EXP-01': { choice: 'yes' },
      'EXP-02': {
        choice: 'some',
        note: 'Blocking on two portals.',
        owner: 'Web team',
        due: '2026-09-30',
      },
      'EXP-04': { choice: 'partial', carriedOver: true },
      'CRD-01': { choice: 'none', note: 'Not for Ana.' },
    }),
  ),
);
const responded = respond(sent.questionnaire, {
  'EXP-01': { choice: 'yes' },
  'EXP-02': { choice: 'most', note: 'Blocking on four: Zażółć «портал».', evidence: 'WAF report' },
  'EXP-03': { choice: 'month', evidenceDate: '2026-03-01', evidence: 'Patch log' },
  'EXP-04': { choice: 'na', naReason: 'Outsourced.', compensatingControl: 'Provider audits.' },
  'EXP-05': {},
});
/** The lead's assessment that sent the questionnaire, frozen: any change to it throws. */
const lead = deepFreeze(sent.assessment);
const leadBefore = structuredClone(lead);

const questionnaireText = sent.text;
const responseText = responded.text;
const questionnaireValue = JSON.parse(questionnaireText) as Record<string, unknown>;
const responseValue = JSON.parse(responseText) as Record<string, unknown>;

function deleteAt(root: unknown, path: readonly (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || root === null || typeof root !== 'object') return root;
  if (Array.isArray(root))
    return rest.length === 0
      ? root.filter((_, i) => i !== head)
      : root.map((child, i) => (i === head ? deleteAt(child, rest) : child));
  const record = root as Record<string, unknown>;
  if (rest.length === 0)
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== head));
  return { ...record, [head]: deleteAt(record[head], rest) };
}

/** JSON text of any value; an undefined root (a whole file replaced by nothing) is an empty file. */
const json = (value: unknown): string => JSON.stringify(value) ?? '';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const getAt = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], root);

/**
 * The value's text with a key added at an object: a placeholder renamed in the text keeps even
 * "__proto__" a plain key, exactly as a hostile file delivers it to JSON.parse.
 */
function withKey(
  root: unknown,
  path: readonly (string | number)[],
  key: string,
  value: unknown,
): string {
  const placeholder = `${key}§injected`;
  const text = JSON.stringify(
    setAt(root, path, { ...(getAt(root, path) as object), [placeholder]: value }),
  );
  return text.replace(JSON.stringify(placeholder), JSON.stringify(key));
}

/** The text sealed again with the digest of what it now holds, as a hand-made file would be. */
function resealed(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (!isObject(value)) return text;
  const { integrity: _old, ...content } = value;
  return sealedJson(content, respondedAt);
}

const hostileValue = fc.oneof(
  sharedHostileValue,
  fc.constant(undefined),
  fc.constantFrom('', ' ', 'na', 'unknown', 'EXP-03', 'CRD-01', '2026-02-30', 'Infinity'),
  fc.constant('y'.repeat(5_000)),
);

/** A file as a hostile or careless writer could deliver it, and whether its digest was renewed. */
interface Mutated {
  text: string;
  resealed: boolean;
}

function hostileFile(
  validText: string,
  validValue: Record<string, unknown>,
): fc.Arbitrary<Mutated> {
  const all = paths(validValue);
  const objects = all.filter((path) => isObject(getAt(validValue, path)));
  const mutation = fc.oneof(
    // truncated anywhere
    fc.nat().map((cut) => validText.slice(0, cut % validText.length)),
    // a value anywhere replaced by another type, a giant string, prototype keys or deep nesting
    fc
      .tuple(fc.nat(), hostileValue)
      .map(([pick, replacement]) =>
        json(setAt(validValue, all[pick % all.length] ?? [], replacement)),
      ),
    // a value anywhere left out
    fc.nat().map((pick) => json(deleteAt(validValue, all[pick % all.length] ?? []))),
    // a key added to any object, prototype keys included
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          '__proto__',
          'constructor',
          'prototype',
          'extra',
          'owner',
          'score',
          'EXP-99',
          'CRD-01',
        ),
        hostileValue,
      )
      .map(([pick, key, value]) =>
        withKey(validValue, objects[pick % objects.length] ?? [], key, value),
      ),
    // wrong formats and versions
    fc
      .tuple(
        fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
        fc.constantFrom(
          'cellguard-questionnaire',
          'cellguard-response',
          'cellguard-assessment',
          'cellguard-backup',
          'cellguard-encrypted',
          'other',
        ),
      )
      .map(([formatVersion, format]) => JSON.stringify({ ...validValue, format, formatVersion })),
    // text changed in place
    fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([at, text]) => {
      const position = at % validText.length;
      return validText.slice(0, position) + text + validText.slice(position + text.length);
    }),
    // binary garbage, random JSON, a damaged encrypted wrapper
    garbageFile,
  );
  return fc
    .tuple(mutation, fc.boolean())
    .map(([text, reseal]) =>
      reseal ? { text: resealed(text), resealed: true } : { text, resealed: false },
    );
}

/** A message a person can act on: words, not a path or a stack, and not overlong. */
function plainWords(problem: Problem) {
  const message = formatProblem(problem);
  expect(typeof problem.message).toBe('string');
  expect(problem.message).toMatch(/\p{L}{2,}\s+\p{L}{2,}/u);
  expect(message.length).toBeGreaterThan(10);
  expect(message.length).toBeLessThan(600);
  expect(message).not.toMatch(
    /\n\s+at |\[object Object\]|undefined|NaN|TypeError|SyntaxError|RangeError/,
  );
}

function refusedPlainly(result: Result<unknown>) {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  result.problems.forEach(plainWords);
}

function notPolluted() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** A received response taken in as far as it goes: kept, then merged taking every answer of theirs. */
function intoTheAssessment(
  response: Parameters<typeof receiveResponse>[2],
  digest: string,
): 'refused' | 'known' | 'merged' {
  const received = receiveResponse(lead, set, response, digest, respondedAt);
  refusedPlainly(received);
  if (!received.ok) return 'refused';
  expect(assessmentSchema.safeParse(received.value.assessment).success).toBe(true);
  if (received.value.outcome !== 'received') {
    expect(received.value.assessment).toBe(lead);
    return 'known';
  }
  const pending = pendingMerge(received.value.assessment, set, anaId);
  const decisions = Object.fromEntries(
    (pending?.items ?? []).map((item) => [item.questionId, 'theirs' as const]),
  );
  const merged = applyMerge(received.value.assessment, set, anaId, decisions, mergedAt);
  expect(merged.ok).toBe(true);
  if (merged.ok) expect(assessmentSchema.safeParse(merged.value).success).toBe(true);
  return 'merged';
}

describe('delegation fuzzing: damaged and hostile questionnaire and response files', () => {
  it('questionnaires: never throws, refuses in plain words, reads only a sound file', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileFile(questionnaireText, questionnaireValue),
        async ({ text, resealed }) => {
          const result = await importQuestionnaireFile(text);
          refusedPlainly(result);
          if (result.ok) {
            const value = JSON.parse(text) as Record<string, unknown>;
            expect(questionnaireSchema.safeParse(value).success).toBe(true);
            expect(result.value.digest).toBe(contentDigest(value));
            // Without a new digest, only a file holding what Cellguard wrote is read.
            if (!resealed) expect(result.value.digest).toBe(sent.questionnaire.integrity.digest);
          }
          notPolluted();
        },
      ),
      { numRuns: propertyRuns(400) },
    );
  }, 60_000);

  it('responses: never throws, refuses in plain words, and never changes the assessment', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile(responseText, responseValue), async ({ text, resealed }) => {
        const result = await importResponseFile(text);
        refusedPlainly(result);
        if (result.ok) {
          const value = JSON.parse(text) as Record<string, unknown>;
          expect(responseSchema.safeParse(value).success).toBe(true);
          expect(result.value.digest).toBe(contentDigest(value));
          if (!resealed) expect(result.value.digest).toBe(responded.digest);
          intoTheAssessment(result.value.response, result.value.digest);
        }
        notPolluted();
      }),
      { numRuns: propertyRuns(400) },
    );
    expect(lead).toEqual(leadBefore);
  }, 60_000);

  it('responses with any answers, sealed correctly: received or refused plainly, merged into a valid assessment', async () => {
    const questionIds = fc.constantFrom(
      ...set.questions.slice(0, 12).map((q) => q.id),
      'CRD-01',
      'LOG-01',
      'EXP-99',
      'exp-01',
    );
    const field = (values: fc.Arbitrary<unknown>) => fc.option(values, { nil: undefined });
    /** The first value most of the time, so that whole files are sound often enough to go on. */
    const mostly = (usual: string, ...others: string[]) =>
      fc.oneof(
        { arbitrary: fc.constant(usual), weight: 8 },
        { arbitrary: fc.constantFrom(...others), weight: 1 },
      );
    const answer = fc.record(
      {
        choice: field(
          fc.constantFrom(
            'yes',
            'no',
            'none',
            'some',
            'most',
            'all',
            'verified',
            'month',
            'na',
            'unknown',
            'maybe',
            '',
          ),
        ),
        note: field(fc.oneof(fc.string({ maxLength: 30 }), fc.constant('z'.repeat(10_000)))),
        naReason: field(fc.string({ maxLength: 20 })),
        evidence: field(fc.constantFrom('Report A', 'WAF report', ' ', '')),
        evidenceDate: field(mostly('2026-03-01', '2026-02-30', 'yesterday')),
        compensatingControl: field(fc.string({ maxLength: 20 })),
        answeredAt: mostly(
          answeredAt,
          '2026-03-12',
          '1',
          'not a date',
          '+275760-09-13T00:00:00.000Z',
          '2026-03-01T00:00:00+14:00',
        ),
        // The lead's plan field, which a response never carries.
        owner: fc.option(fc.constant('Someone'), { nil: undefined, freq: 30 }),
      },
      { requiredKeys: ['answeredAt'] },
    );
    const { integrity: _i, ...content } = responseValue;
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(questionIds, answer, { maxKeys: 6 }),
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2027-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        async (answers, at) => {
          const text = sealedJson({ ...content, respondedAt: at.toISOString(), answers }, at);
          const result = await importResponseFile(text);
          refusedPlainly(result);
          outcomes.add(
            result.ok ? intoTheAssessment(result.value.response, result.value.digest) : 'invalid',
          );
          notPolluted();
        },
      ),
      // A fixed seed: the check below that every stage is reached must not depend on luck.
      { numRuns: 100, seed: 20261126 },
    );
    // The runs reach every stage: refused on reading, refused on receiving, merged.
    expect([...outcomes].sort()).toEqual(['invalid', 'merged', 'refused']);
    expect(lead).toEqual(leadBefore);
  }, 60_000);

  it('refuses, in plain words, hostile content inside an encrypted file', async () => {
    const passphrase = 'the right passphrase';
    const inside = [
      '{"__proto__": {"polluted": true}}',
      questionnaireText.slice(0, 300),
      JSON.stringify({ ...questionnaireValue, questions: [] }),
      await exportedFile(lead, respondedAt),
    ];
    for (const text of inside) {
      const sealed = await sealText(text, passphrase);
      if (!sealed.ok) throw new Error('could not encrypt');
      const asQuestionnaire = await importQuestionnaireFile(sealed.value, passphrase);
      const asResponse = await importResponseFile(sealed.value, passphrase);
      expect(asQuestionnaire.ok || asResponse.ok).toBe(false);
      refusedPlainly(asQuestionnaire);
      refusedPlainly(asResponse);
      notPolluted();
    }
  }, 60_000);
});
