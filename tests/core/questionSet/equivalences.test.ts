import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Equivalence } from '../../../src/core/questionSet/equivalenceSchema.ts';
import { checkEquivalence, sharedFacts } from '../../../src/core/questionSet/equivalences.ts';
import { formatSetProblem } from '../../../src/core/questionSet/problems.ts';
import type { QuestionSet } from '../../../src/core/questionSet/schema.ts';
import {
  loadQuestionSetFolder,
  loadQuestionSetLibrary,
} from '../../../src/node/questionSetFolder.ts';

const library = join(import.meta.dirname, '../../fixtures/question-sets/library');

function loadPair(): { it: QuestionSet; net: QuestionSet } {
  const loaded = loadQuestionSetLibrary(library);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const [it, net] = ['it-side', 'net-side'].map((id) => loaded.value.find((s) => s.id === id));
  if (!it || !net) throw new Error('fixture sets missing');
  return { it, net };
}

const messages = (set: QuestionSet, equivalence: Equivalence, other?: QuestionSet) =>
  checkEquivalence(set, equivalence, other).map(formatSetProblem);

describe('facts two sets share', () => {
  it('reads equivalences.yaml with the set and accepts a complete, order-keeping mapping', () => {
    const { net } = loadPair();
    expect(net.equivalences[0]?.with).toBe('it-side');
    expect(net.equivalences[0]?.pairs.map((p) => p.here)).toEqual(['NET-01', 'WEB-02']);
  });

  it('refuses a question either set lacks, naming the file and the pair', () => {
    const { it, net } = loadPair();
    const broken = structuredClone(net.equivalences[0] as Equivalence);
    (broken.pairs[0] as { there: string }).there = 'NET-09';
    (broken.pairs[1] as { here: string }).here = 'WEB-07';
    expect(messages(net, broken, it)).toEqual([
      'equivalences.yaml › pairs[0].there: NET-09 is not a question of it-side',
      'equivalences.yaml › pairs[1].here: WEB-07 is not a question of net-side',
    ]);
  });

  it('refuses a mapping that leaves out an option or names one that does not exist', () => {
    const { it, net } = loadPair();
    const broken = structuredClone(net.equivalences[0] as Equivalence);
    const pair = broken.pairs[0] as Equivalence['pairs'][number];
    pair.toThere = { none: 'none', half: 'most' };
    expect(messages(net, broken, it)).toEqual([
      'equivalences.yaml › pairs[0].toThere: must map every option of NET-01; full missing',
      'equivalences.yaml › pairs[0].toThere: most is not an option of NET-01',
    ]);
  });

  it('refuses a mapping that turns a better answer into a worse one', () => {
    const { it, net } = loadPair();
    const broken = structuredClone(net.equivalences[0] as Equivalence);
    (broken.pairs[0] as Equivalence['pairs'][number]).toHere = {
      none: 'none',
      half: 'full',
      full: 'half',
    };
    expect(messages(net, broken, it)).toEqual([
      'equivalences.yaml › pairs[0].toHere: keeps no order: full maps to half, below what the weaker half maps to',
    ]);
  });

  it('refuses a question named in two pairs, and a set that is not there', () => {
    const { it, net } = loadPair();
    const broken = structuredClone(net.equivalences[0] as Equivalence);
    (broken.pairs[1] as { here: string }).here = 'NET-01';
    expect(messages(net, broken, it)).toContain(
      'equivalences.yaml › pairs[1].here: NET-01 is already in another pair',
    );
    expect(messages(net, { ...broken, with: 'nowhere' })).toEqual([
      'equivalences.yaml › with: there is no question set "nowhere" beside this one',
    ]);
  });

  it('is checked when the folder is validated, against the set in the folder beside it', () => {
    expect(loadQuestionSetFolder(join(library, 'net-side')).ok).toBe(true);
    const alone = loadQuestionSetFolder(join(library, '../worked-example'));
    expect(alone.ok).toBe(true);
  });

  it('reads every pair in the direction answers go, whichever set declared it', () => {
    const { it, net } = loadPair();
    expect(sharedFacts(it, net)).toEqual([
      {
        fact: 'Central log store',
        question: 'NET-01',
        sourceQuestion: 'NET-01',
        options: { none: 'none', half: 'half', full: 'full' },
        back: { none: 'none', half: 'half', full: 'full' },
      },
      {
        fact: 'Web tier shield',
        question: 'WEB-01',
        sourceQuestion: 'WEB-02',
        options: { none: 'none', half: 'half', full: 'full' },
        back: { none: 'none', half: 'none', most: 'half', full: 'full' },
      },
    ]);
    expect(sharedFacts(net, it).map((f) => [f.question, f.sourceQuestion])).toEqual([
      ['NET-01', 'NET-01'],
      ['WEB-02', 'WEB-01'],
    ]);
  });
});
