import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../../src/core/assessment/fileSchema.ts';
import type { Answer, Assessment } from '../../../src/core/assessment/model.ts';
import { withoutAssignee } from '../../../src/core/delegation/assignments.ts';
import { attributionLine } from '../../../src/core/delegation/attribution.ts';
import { sealedJson } from '../../../src/core/delegation/fileCheck.ts';
import {
  applyMerge,
  noRecipient,
  pendingMerge,
  receiveResponse,
  recipientOf,
  type MergeDecision,
} from '../../../src/core/delegation/merge.ts';
import { parseResponseValue, type ResponseFile } from '../../../src/core/delegation/response.ts';
import { respondentFields } from '../../../src/core/delegation/fields.ts';
import { formatDate, formatDateTime } from '../../../src/core/format.ts';
import {
  anaId,
  answeredAt,
  benId,
  day,
  deepFreeze,
  leadAssessment,
  mergedAt,
  messages,
  ok,
  questionnaireIds,
  receive,
  respond,
  respondedAt,
  send,
  sentAt,
  set,
  withPeople,
} from '../../support/delegationFixtures.ts';

/** The lead's answers before Ana's questionnaire: one of each case the merge tells apart. */
const leadAnswers: Record<string, Answer> = {
  // Ana gives the same answer: nothing to do.
  'EXP-01': { choice: 'yes' },
  // Ana answers differently: the lead decides.
  'EXP-02': {
    choice: 'some',
    note: 'Blocking on two portals.',
    owner: 'Web team',
    due: '2026-09-30',
  },
  // EXP-03 has no answer: Ana's is taken.
  // Ana gives the same choice and adds evidence.
  'EXP-08': { choice: 'logged', note: 'Logged centrally.' },
  // Carried over from the last cycle; Ana returns it unchanged.
  'EXP-04': { choice: 'partial', carriedOver: true },
  // Another domain: never touched.
  'CRD-01': { choice: 'none', note: 'Not Ana\u2019s.' },
};

const anaAnswers = {
  'EXP-01': { choice: 'yes' },
  'EXP-02': { choice: 'most', note: 'Blocking on four portals.', evidence: 'WAF report' },
  'EXP-03': { choice: 'month', evidence: 'Patch log', evidenceDate: '2026-03-01' },
  'EXP-08': { choice: 'logged', evidence: 'SIEM rule 42' },
  'EXP-04': { choice: 'partial' },
  // Opened, never answered: nothing to merge.
  'EXP-05': {},
};

/** Ana's response received: the assessment it is kept in, and the response. */
function received(answers: Parameters<typeof respond>[1] = anaAnswers, lead = leadAnswers) {
  const sent = send(withPeople(leadAssessment(lead), 'both'));
  const responded = respond(sent.questionnaire, answers);
  const { assessment } = receive(sent.assessment, responded);
  return { sent, responded, assessment };
}

/** A response file written by hand (or by a buggy writer), sealed with a correct digest. */
function handMade(response: ResponseFile, change: Partial<ResponseFile>) {
  const { integrity: _i, ...content } = response;
  return ok(parseResponseValue(JSON.parse(sealedJson({ ...content, ...change }, respondedAt))));
}

const plain = (message: string) => {
  expect(message).not.toMatch(/undefined|\[object|^[\w.[\]-]+$/);
  expect(message).toMatch(/Nothing was changed\.$/);
};

describe('receiving a response', () => {
  it('keeps it for merging with its digest and answers, leaving the given assessment as it was', () => {
    const sent = send(withPeople(leadAssessment(leadAnswers)));
    const responded = respond(sent.questionnaire, anaAnswers);
    const before = deepFreeze(sent.assessment);
    const copy = structuredClone(before);
    const result = receive(before, responded, new Date('2026-03-13T08:00:00Z'));
    expect(before).toEqual(copy);
    expect(result).toMatchObject({ outcome: 'received', round: 1, notAssigned: [] });
    expect(result.assignee.id).toBe(anaId);
    expect(result.assessment.answers).toBe(before.answers);
    expect(result.assessment.delegation?.assignees[0]?.rounds[0]?.responses).toEqual([
      {
        digest: responded.digest,
        respondedAt: respondedAt.toISOString(),
        importedAt: '2026-03-13T08:00:00.000Z',
        // What the response answers with something given: EXP-05 was opened, never answered.
        answered: ['EXP-01', 'EXP-02', 'EXP-03', 'EXP-08', 'EXP-04'],
        answers: responded.response.answers,
      },
    ]);
    expect(assessmentSchema.safeParse(result.assessment).success).toBe(true);
  });

  it('changes nothing when the same file comes again, before or after it was merged', () => {
    const { responded, assessment } = received();
    const again = receive(deepFreeze(assessment), responded);
    expect(again.outcome).toBe('already-received');
    expect(again.assessment).toBe(assessment);
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    const snapshot = structuredClone(merged);
    const third = receive(deepFreeze(merged), responded, new Date('2026-04-01T00:00:00Z'));
    expect(third.outcome).toBe('already-merged');
    expect(third.assessment).toBe(merged);
    expect(third.assessment).toEqual(snapshot);
    // Merging again once it is merged changes nothing either.
    expect(ok(applyMerge(merged, set, anaId, {}, new Date('2026-05-01T00:00:00Z')))).toBe(merged);
  });

  it('refuses a response for another assessment, in plain words', () => {
    const { responded } = received();
    const other = withPeople(leadAssessment(), 'ana');
    const elsewhere = {
      ...other,
      delegation: { key: 'f'.repeat(24), assignees: other.delegation?.assignees ?? [] },
    };
    for (const assessment of [deepFreeze(elsewhere), deepFreeze(leadAssessment())]) {
      const [message] = messages(
        receiveResponse(assessment, set, responded.response, responded.digest, respondedAt),
      );
      expect(message).toBe(
        `This response answers questions of Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4 (${set.title}), not of this assessment (Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4). Nothing was changed.`,
      );
      plain(message ?? '');
    }
  });

  it('refuses a response from somebody no longer assigned, or to a questionnaire never sent', () => {
    const sent = send(withPeople(leadAssessment(leadAnswers), 'both'));
    const responded = respond(sent.questionnaire, anaAnswers);
    const withoutAna = deepFreeze(withoutAssignee(sent.assessment, anaId));
    const [gone] = messages(
      receiveResponse(withoutAna, set, responded.response, responded.digest, respondedAt),
    );
    expect(gone).toBe(
      "This response is from Ana Ruiz, who is no longer among the people this assessment's questions are assigned to. Nothing was changed.",
    );
    const unsent = handMade(responded.response, { questionnaireId: questionnaireIds[2] });
    const [never] = messages(
      receiveResponse(
        deepFreeze(sent.assessment),
        set,
        unsent.response,
        unsent.digest,
        respondedAt,
      ),
    );
    expect(never).toBe(
      'This response answers a questionnaire this assessment did not send to Ana Ruiz. Nothing was changed.',
    );
    // Ben's id on Ana's questionnaire: not a round sent to Ben.
    const asBen = handMade(responded.response, { from: { id: benId, name: 'Ben Okafor' } });
    expect(
      messages(receiveResponse(sent.assessment, set, asBen.response, asBen.digest, respondedAt)),
    ).toEqual([
      'This response answers a questionnaire this assessment did not send to Ben Okafor. Nothing was changed.',
    ]);
    [gone, never].forEach((message) => plain(message ?? ''));
  });

  it('refuses a response to an older round, naming both rounds and their dates', () => {
    const first = send(withPeople(leadAssessment(leadAnswers)));
    const secondAt = new Date('2026-03-20T09:00:00Z');
    const second = send(first.assessment, anaId, questionnaireIds[1], secondAt);
    expect(second.questionnaire.round).toBe(2);
    const late = respond(first.questionnaire, anaAnswers);
    const [message] = messages(
      receiveResponse(deepFreeze(second.assessment), set, late.response, late.digest, respondedAt),
    );
    expect(message).toBe(
      `This response answers an older questionnaire: round 1, sent to Ana Ruiz on ${day(sentAt.toISOString())}. Round 2 was sent on ${day(secondAt.toISOString())}; ask Ana Ruiz for the response to that one. Nothing was changed.`,
    );
    plain(message ?? '');
    // The response to round 2 is received.
    expect(receive(second.assessment, respond(second.questionnaire, anaAnswers)).outcome).toBe(
      'received',
    );
  });

  it('leaves out and names answers to questions that were not sent to the person', () => {
    const sent = send(withPeople(leadAssessment(leadAnswers)));
    const responded = respond(sent.questionnaire, anaAnswers);
    const stray = handMade(responded.response, {
      answers: {
        ...responded.response.answers,
        'CRD-01': { choice: 'all', answeredAt },
        'LOG-01': { note: 'Ours is central.', answeredAt },
      },
    });
    const result = receive(sent.assessment, stray);
    expect(result.notAssigned).toEqual(['CRD-01', 'LOG-01']);
    const kept = result.assessment.delegation?.assignees[0]?.rounds[0]?.responses[0]?.answers ?? {};
    expect(Object.keys(kept)).toEqual(Object.keys(responded.response.answers));
    const merged = ok(applyMerge(result.assessment, set, anaId, { 'EXP-02': 'theirs' }, mergedAt));
    expect(merged.answers['CRD-01']).toEqual(leadAnswers['CRD-01']);
    expect(merged.answers['LOG-01']).toBeUndefined();
  });

  it("refuses an answer that is not one of the question's answers", () => {
    const sent = send(withPeople(leadAssessment()));
    const responded = respond(sent.questionnaire, { 'EXP-03': { choice: 'weekly' } });
    const [message] = messages(
      receiveResponse(sent.assessment, set, responded.response, responded.digest, respondedAt),
    );
    expect(message).toBe(
      '"weekly" is not an answer to EXP-03; it accepts none, quarter, month, fortnight, verified, na, unknown.',
    );
  });

  it('refuses a response written before the one waiting to be merged, and replaces it with a later one', () => {
    const sent = send(withPeople(leadAssessment()));
    const later = respond(
      sent.questionnaire,
      { 'EXP-03': { choice: 'month' } },
      new Date('2026-03-13T10:00:00Z'),
    );
    const { assessment } = receive(sent.assessment, later);
    const earlier = respond(sent.questionnaire, { 'EXP-03': { choice: 'quarter' } }, respondedAt);
    const [message] = messages(
      receiveResponse(deepFreeze(assessment), set, earlier.response, earlier.digest, respondedAt),
    );
    // Date and time: two responses of the same day are told apart.
    expect(message).toBe(
      `This response from Ana Ruiz was written on ${formatDateTime(respondedAt.toISOString())}, before the one already waiting to be merged (${formatDateTime('2026-03-13T10:00:00.000Z')}). Nothing was changed.`,
    );
    expect(formatDateTime(respondedAt.toISOString())).toMatch(/\d\d:\d\d/);
    const latest = respond(
      sent.questionnaire,
      { 'EXP-03': { choice: 'fortnight' } },
      new Date('2026-03-14T10:00:00Z'),
    );
    const replaced = receive(assessment, latest).assessment;
    const responses = replaced.delegation?.assignees[0]?.rounds[0]?.responses ?? [];
    expect(responses.map((r) => r.digest)).toEqual([latest.digest]);
    expect(pendingMerge(replaced, set, anaId)?.items.map((i) => i.theirs.choice)).toEqual([
      'fortnight',
    ]);
  });

  it('keeps a second response to a round already merged, for merging again', () => {
    const { assessment } = received();
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    const questionnaire = send(withPeople(leadAssessment(leadAnswers), 'both')).questionnaire;
    const correction = respond(
      questionnaire,
      { 'EXP-05': { choice: 'few' } },
      new Date('2026-03-15T10:00:00Z'),
    );
    const again = receive(merged, correction);
    expect(again.outcome).toBe('received');
    expect(
      again.assessment.delegation?.assignees[0]?.rounds[0]?.responses.map((r) =>
        Boolean(r.mergedAt),
      ),
    ).toEqual([true, false]);
    expect(
      pendingMerge(again.assessment, set, anaId)?.items.map((i) => [i.questionId, i.kind]),
    ).toEqual([['EXP-05', 'new']]);
  });
});

describe('which assessment a response belongs to', () => {
  it('finds the assessment by the key the response carries, and says so plainly when none has it', () => {
    const { responded, assessment } = received();
    const other = { assessment: leadAssessment() };
    const mine = { assessment };
    expect(recipientOf([other, mine], responded.response)).toBe(mine);
    expect(recipientOf([other], responded.response)).toBeUndefined();
    expect(noRecipient(responded.response).message).toBe(
      `This response from Ana Ruiz answers questions of Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4 (${set.title}), and no assessment in this browser sent them. Import it where that assessment is kept.`,
    );
  });
});

describe('a response waiting while a later questionnaire is sent', () => {
  const secondAt = new Date('2026-03-13T09:00:00Z');

  it('stays mergeable, and the later round is left as it is', () => {
    const { sent, assessment: waiting } = received();
    const second = send(waiting, anaId, questionnaireIds[1], secondAt);
    expect(second.assessment.delegation?.assignees[0]?.rounds.map((r) => r.round)).toEqual([1, 2]);
    const pending = pendingMerge(second.assessment, set, anaId);
    expect(pending?.round.round).toBe(1);
    expect(pending?.round.questionnaireId).toBe(sent.questionnaire.questionnaireId);
    expect(pending?.items.map((i) => [i.questionId, i.kind])).toEqual([
      ['EXP-01', 'same'],
      ['EXP-02', 'conflict'],
      ['EXP-03', 'new'],
      ['EXP-08', 'adds'],
      ['EXP-04', 'same'],
    ]);
    const merged = ok(applyMerge(second.assessment, set, anaId, { 'EXP-02': 'theirs' }, mergedAt));
    expect(merged.answers['EXP-03']?.choice).toBe('month');
    expect(merged.answers['EXP-02']?.choice).toBe('most');
    const [round1, round2] = merged.delegation?.assignees[0]?.rounds ?? [];
    expect(round1?.responses.map((r) => r.mergedAt)).toEqual([mergedAt.toISOString()]);
    expect(round2).toBe(second.assessment.delegation?.assignees[0]?.rounds[1]);
    expect(pendingMerge(merged, set, anaId)).toBeUndefined();
  });

  it("comes after the later round's response, which is merged first", () => {
    const { assessment: waiting } = received();
    const second = send(waiting, anaId, questionnaireIds[1], secondAt);
    const later = respond(
      second.questionnaire,
      { 'EXP-05': { choice: 'few' } },
      new Date('2026-03-13T15:00:00Z'),
    );
    const both = receive(second.assessment, later).assessment;
    const first = pendingMerge(both, set, anaId);
    expect(first?.round.round).toBe(2);
    expect(first?.items.map((i) => [i.questionId, i.kind])).toEqual([['EXP-05', 'new']]);
    const once = ok(applyMerge(both, set, anaId, {}, mergedAt));
    expect(once.answers['EXP-05']?.choice).toBe('few');
    expect(pendingMerge(once, set, anaId)?.round.round).toBe(1);
    const twice = ok(applyMerge(once, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    expect(twice.answers['EXP-03']?.choice).toBe('month');
    expect(pendingMerge(twice, set, anaId)).toBeUndefined();
  });
});

describe("how each returned answer stands against the lead's", () => {
  it("tells new, adds, same and conflict apart, in the set's order, leaving out empty answers", () => {
    const pending = pendingMerge(received().assessment, set, anaId);
    expect(
      pending?.items.map(({ questionId, kind, differing }) => ({ questionId, kind, differing })),
    ).toEqual([
      { questionId: 'EXP-01', kind: 'same', differing: [] },
      { questionId: 'EXP-02', kind: 'conflict', differing: ['choice', 'note'] },
      { questionId: 'EXP-03', kind: 'new', differing: [] },
      { questionId: 'EXP-08', kind: 'adds', differing: [] },
      { questionId: 'EXP-04', kind: 'same', differing: [] },
    ]);
    expect(pending?.items[1]?.mine).toBe(leadAnswers['EXP-02']);
  });

  it('takes surrounding spaces for no difference', () => {
    const { assessment } = received({
      'EXP-02': { choice: 'some', note: '  Blocking on two portals.\n' },
    });
    expect(pendingMerge(assessment, set, anaId)?.items[0]?.kind).toBe('same');
  });

  it("names the round's questions the response left open: not answered, or answered with nothing", () => {
    const pending = pendingMerge(received().assessment, set, anaId);
    // EXP-05 was opened and left empty; EXP-06 and EXP-07 were not in the response at all.
    expect(pending?.round.questionIds).toEqual([
      'EXP-01',
      'EXP-02',
      'EXP-03',
      'EXP-08',
      'EXP-04',
      'EXP-05',
      'EXP-06',
      'EXP-07',
    ]);
    expect(pending?.leftOpen).toEqual(['EXP-05', 'EXP-06', 'EXP-07']);
    const { assessment: blank } = received({ 'EXP-01': { note: '   ' }, 'EXP-03': {} });
    expect(pendingMerge(blank, set, anaId)?.items).toEqual([]);
    expect(pendingMerge(blank, set, anaId)?.leftOpen).toEqual(pending?.round.questionIds);
  });

  it('has nothing pending for a person without a response waiting', () => {
    const sent = send(withPeople(leadAssessment(leadAnswers), 'both'));
    expect(pendingMerge(sent.assessment, set, anaId)).toBeUndefined();
    expect(pendingMerge(sent.assessment, set, benId)).toBeUndefined();
    expect(pendingMerge(sent.assessment, set, 'cccccccccccc')).toBeUndefined();
  });
});

describe('merging a response', () => {
  const { assessment } = received();
  deepFreeze(assessment);

  it('refuses, changing nothing, while a conflict has no decision', () => {
    const copy = structuredClone(assessment);
    const result = applyMerge(assessment, set, anaId, { 'EXP-03': 'mine' }, mergedAt);
    expect(messages(result)).toEqual([
      "Decide for EXP-02 whether to take Ana Ruiz's answer or keep yours.",
    ]);
    expect(assessment).toEqual(copy);
  });

  it('takes answers to unanswered questions, with who answered and who merged them', () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    expect(merged.answers['EXP-03']).toEqual({
      choice: 'month',
      evidence: 'Patch log',
      evidenceDate: '2026-03-01',
      evidenceEnteredAt: answeredAt,
      history: [
        {
          at: answeredAt,
          event: 'answered',
          by: 'Ana Ruiz',
          role: 'network operations',
          via: 'questionnaire',
          to: 'month',
        },
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
    expect(attributionLine(merged.answers['EXP-03'], formatDate)).toBe(
      'answered by Ana Ruiz (network operations) via questionnaire, 12 Mar 2026; merged by J. Smith (lead), 14 Mar 2026',
    );
    expect(merged.updatedAt).toBe(mergedAt.toISOString());
    expect(assessmentSchema.safeParse(merged).success).toBe(true);
  });

  it("fills the fields the lead left empty where the choice is the same, keeping the lead's", () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    expect(merged.answers['EXP-08']).toMatchObject({
      choice: 'logged',
      note: 'Logged centrally.',
      evidence: 'SIEM rule 42',
      evidenceEnteredAt: answeredAt,
    });
    expect(merged.answers['EXP-08']?.history?.map((h) => [h.event, h.by])).toEqual([
      ['confirmed', 'Ana Ruiz'],
      ['merged', 'J. Smith'],
    ]);
  });

  it('confirms a carried-over answer returned unchanged, with its history', () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    expect(merged.answers['EXP-04']).toEqual({
      choice: 'partial',
      history: [
        {
          at: answeredAt,
          event: 'confirmed',
          by: 'Ana Ruiz',
          role: 'network operations',
          via: 'questionnaire',
        },
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
    expect(attributionLine(merged.answers['EXP-04'], formatDate)).toBe(
      'confirmed by Ana Ruiz (network operations) via questionnaire, 12 Mar 2026; merged by J. Smith (lead), 14 Mar 2026',
    );
    // Another domain's answer is left exactly as it was.
    expect(merged.answers['CRD-01']).toBe(assessment.answers['CRD-01']);
  });

  it("records the assignee's confirmation of the same choice, carried over or not", () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    // EXP-01: the lead's own answer, returned the same.
    expect(merged.answers['EXP-01']).toEqual({
      choice: 'yes',
      history: [
        {
          at: answeredAt,
          event: 'confirmed',
          by: 'Ana Ruiz',
          role: 'network operations',
          via: 'questionnaire',
        },
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
    expect(attributionLine(merged.answers['EXP-01'], formatDate)).toBe(
      'confirmed by Ana Ruiz (network operations) via questionnaire, 12 Mar 2026; merged by J. Smith (lead), 14 Mar 2026',
    );
  });

  it('changes nothing for the same answer returned without a choice', () => {
    const { assessment: noted } = received({ 'EXP-08': { note: ' Logged centrally. ' } });
    expect(pendingMerge(noted, set, anaId)?.items.map((i) => [i.questionId, i.kind])).toEqual([
      ['EXP-08', 'same'],
    ]);
    const merged = ok(applyMerge(noted, set, anaId, {}, mergedAt));
    expect(merged.answers['EXP-08']).toBe(noted.answers['EXP-08']);
    expect(merged.answers).toEqual(noted.answers);
  });

  it("keeps the lead's answer to a conflict on 'mine'", () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    expect(merged.answers['EXP-02']).toBe(assessment.answers['EXP-02']);
  });

  it("takes their answer on 'theirs', keeping the lead's plan fields and recording the change", () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'theirs' }, mergedAt));
    expect(merged.answers['EXP-02']).toEqual({
      choice: 'most',
      note: 'Blocking on four portals.',
      evidence: 'WAF report',
      evidenceEnteredAt: answeredAt,
      owner: 'Web team',
      due: '2026-09-30',
      history: [
        {
          at: answeredAt,
          event: 'answered',
          by: 'Ana Ruiz',
          role: 'network operations',
          via: 'questionnaire',
          from: 'some',
          to: 'most',
        },
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
  });

  it("takes their answer whole on 'theirs': what they left empty is cleared, the plan stays", () => {
    const { assessment: full } = received(
      { 'EXP-02': { choice: 'most' } },
      {
        'EXP-02': {
          choice: 'some',
          note: 'Blocking on two portals.',
          evidence: 'WAF scan, January',
          evidenceDate: '2026-01-10',
          evidenceEnteredAt: '2026-01-12T10:00:00.000Z',
          owner: 'Web team',
          due: '2026-09-30',
        },
      },
    );
    const merged = ok(applyMerge(full, set, anaId, { 'EXP-02': 'theirs' }, mergedAt));
    // The lead's note spoke of "some": kept beside "most", it would contradict the answer.
    expect(merged.answers['EXP-02']).toEqual({
      choice: 'most',
      owner: 'Web team',
      due: '2026-09-30',
      history: [
        {
          at: answeredAt,
          event: 'answered',
          by: 'Ana Ruiz',
          role: 'network operations',
          via: 'questionnaire',
          from: 'some',
          to: 'most',
        },
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
  });

  it("keeps who accepted the risk on 'theirs' when the answer stays not applicable", () => {
    const { assessment: na } = received(
      { 'EXP-02': { choice: 'na', naReason: 'The portals moved to the provider.' } },
      {
        'EXP-02': {
          choice: 'na',
          naReason: 'No web tier.',
          compensatingControl: 'A proxy.',
          riskAcceptedBy: 'A. Chief, CISO',
          note: 'Checked in January.',
        },
      },
    );
    const merged = ok(applyMerge(na, set, anaId, { 'EXP-02': 'theirs' }, mergedAt));
    expect(merged.answers['EXP-02']).toEqual({
      choice: 'na',
      naReason: 'The portals moved to the provider.',
      riskAcceptedBy: 'A. Chief, CISO',
      history: [
        {
          at: answeredAt,
          event: 'confirmed',
          by: 'Ana Ruiz',
          role: 'network operations',
          via: 'questionnaire',
        },
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
  });

  it("keeps the lead's choice on 'theirs' when they gave none: only their note replaces the lead's", () => {
    const { assessment: noteOnly } = received(
      { 'EXP-02': { note: 'Blocking on four portals.' } },
      { 'EXP-02': { choice: 'some', note: 'Blocking on two portals.' } },
    );
    expect(pendingMerge(noteOnly, set, anaId)?.items[0]).toMatchObject({
      kind: 'conflict',
      differing: ['note'],
    });
    const merged = ok(applyMerge(noteOnly, set, anaId, { 'EXP-02': 'theirs' }, mergedAt));
    expect(merged.answers['EXP-02']).toEqual({
      choice: 'some',
      note: 'Blocking on four portals.',
      history: [
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
  });

  it("keeps the lead's answer and appends their note, signed and dated, on 'mine-and-note'", () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine-and-note' }, mergedAt));
    expect(merged.answers['EXP-02']).toEqual({
      ...leadAnswers['EXP-02'],
      note: 'Blocking on two portals.\n\nAna Ruiz (12 Mar 2026): Blocking on four portals.',
      history: [
        {
          at: answeredAt,
          event: 'note',
          by: 'Ana Ruiz',
          role: 'network operations',
          via: 'questionnaire',
        },
      ],
    });
  });

  it('marks the response merged and drops its answers, which now live in the assessment', () => {
    const merged = ok(applyMerge(assessment, set, anaId, { 'EXP-02': 'mine' }, mergedAt));
    expect(merged.delegation?.assignees[0]?.rounds[0]?.responses).toEqual([
      {
        digest: expect.any(String) as string,
        respondedAt: respondedAt.toISOString(),
        importedAt: respondedAt.toISOString(),
        mergedAt: mergedAt.toISOString(),
        // Kept: which questions this response answered, and so which it left open.
        answered: ['EXP-01', 'EXP-02', 'EXP-03', 'EXP-08', 'EXP-04'],
      },
    ]);
    expect(pendingMerge(merged, set, anaId)).toBeUndefined();
    // Ben's rounds and answers are untouched.
    expect(merged.delegation?.assignees[1]).toBe(assessment.delegation?.assignees[1]);
  });

  it('records a carried-over answer replaced by theirs as their change, the carried-over mark gone', () => {
    const { assessment: carried } = received({
      'EXP-04': { choice: 'scanned', note: 'Now scanned weekly.' },
    });
    const merged = ok(applyMerge(carried, set, anaId, { 'EXP-04': 'theirs' }, mergedAt));
    expect(merged.answers['EXP-04']).not.toHaveProperty('carriedOver');
    expect(merged.answers['EXP-04']?.history?.[0]).toMatchObject({
      event: 'answered',
      from: 'partial',
      to: 'scanned',
    });
  });

  it('keeps the carried-over mark when they add evidence without a choice', () => {
    const { assessment: carried } = received({ 'EXP-04': { evidence: 'Register export' } });
    expect(pendingMerge(carried, set, anaId)?.items[0]?.kind).toBe('adds');
    const merged = ok(applyMerge(carried, set, anaId, {}, mergedAt));
    expect(merged.answers['EXP-04']).toEqual({
      choice: 'partial',
      carriedOver: true,
      evidence: 'Register export',
      evidenceEnteredAt: answeredAt,
      history: [
        { at: mergedAt.toISOString(), event: 'merged', by: 'J. Smith', role: 'lead', via: 'lead' },
      ],
    });
  });

  it("keeps the lead's evidence date when their evidence is the lead's own", () => {
    const lead = {
      'EXP-03': {
        choice: 'month',
        evidence: 'Patch log',
        evidenceEnteredAt: '2026-01-05T10:00:00.000Z',
      },
    };
    const { assessment: same } = received(
      { 'EXP-03': { choice: 'month', evidence: 'Patch log', note: 'Checked.' } },
      lead,
    );
    const merged = ok(applyMerge(same, set, anaId, {}, mergedAt));
    expect(merged.answers['EXP-03']).toMatchObject({
      note: 'Checked.',
      evidenceEnteredAt: '2026-01-05T10:00:00.000Z',
    });
  });

  it("keeps an appended note within the note's limit, the lead's text first", () => {
    const long = 'L'.repeat(9_990);
    const { assessment: full } = received(
      { 'EXP-02': { choice: 'all', note: 'Their view.' } },
      {
        'EXP-02': { choice: 'some', note: long },
      },
    );
    const merged = ok(applyMerge(full, set, anaId, { 'EXP-02': 'mine-and-note' }, mergedAt));
    expect(merged.answers['EXP-02']?.note).toHaveLength(10_000);
    expect(merged.answers['EXP-02']?.note?.startsWith(long)).toBe(true);
    expect(assessmentSchema.safeParse(merged).success).toBe(true);
  });

  it("appends their note only once, and not when the lead's note holds it already", () => {
    const { assessment: holds } = received(
      { 'EXP-02': { choice: 'all', note: 'Four portals.' } },
      {
        'EXP-02': { choice: 'some', note: 'Two portals. Ana says: Four portals.' },
      },
    );
    const merged = ok(applyMerge(holds, set, anaId, { 'EXP-02': 'mine-and-note' }, mergedAt));
    expect(merged.answers['EXP-02']).toBe(holds.answers['EXP-02']);
  });

  it("drops what only 'not applicable' holds when their answer replaces it", () => {
    const lead = {
      'EXP-03': {
        choice: 'na',
        naReason: 'No web tier.',
        compensatingControl: 'None needed.',
        riskAcceptedBy: 'A. Chief, CISO',
      },
    };
    const { assessment: na } = received({ 'EXP-03': { choice: 'month' } }, lead);
    const merged = ok(applyMerge(na, set, anaId, { 'EXP-03': 'theirs' }, mergedAt));
    expect(merged.answers['EXP-03']).toMatchObject({ choice: 'month' });
    expect(merged.answers['EXP-03']).not.toHaveProperty('naReason');
    expect(merged.answers['EXP-03']).not.toHaveProperty('riskAcceptedBy');
  });
});

describe("merge property: nothing the lead wrote changes without the lead's decision", () => {
  const questions = ['EXP-01', 'EXP-02', 'EXP-03', 'EXP-08', 'EXP-04'] as const;
  const text = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
  const choiceOf = (id: string) => {
    const options = set.questions.find((q) => q.id === id)?.options.map((o) => o.id) ?? [];
    return text([...options.slice(0, 2), 'unknown']);
  };
  const fieldsArbitrary = (id: string) =>
    fc.record(
      {
        choice: choiceOf(id),
        note: text(['Checked.', 'Partly.', ' Checked. ']),
        evidence: text(['Report A', 'Report B']),
        evidenceDate: text(['2026-01-01', '2026-02-02']),
      },
      { requiredKeys: [] },
    );
  const strip = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  const leadArbitrary = fc.record(
    Object.fromEntries(
      questions.map((id) => [
        id,
        fc.option(
          fc.oneof(
            fc
              .tuple(
                fieldsArbitrary(id),
                fc.record({
                  owner: text(['Web team']),
                  due: text(['2026-12-31']),
                  carriedOver: fc.option(fc.constant(true as const), { nil: undefined }),
                  evidenceEnteredAt: text(['2026-01-05T10:00:00.000Z']),
                }),
              )
              .map(
                ([a, { evidenceEnteredAt, ...b }]) =>
                  // The store dates evidence when it is entered: never a date without evidence.
                  strip({ ...a, ...b, ...(a.evidence ? { evidenceEnteredAt } : {}) }) as Answer,
              ),
            fc.constant<Answer>({
              choice: 'na',
              naReason: 'No web tier.',
              compensatingControl: 'A proxy.',
              riskAcceptedBy: 'A. Chief',
            }),
          ),
          { nil: undefined },
        ),
      ]),
    ),
  );
  const theirArbitrary = fc.record(
    Object.fromEntries(
      questions.map((id) => [id, fc.option(fieldsArbitrary(id).map(strip), { nil: undefined })]),
    ),
  );
  const decisionArbitrary = fc.record(
    Object.fromEntries(
      questions.map((id) => [
        id,
        fc.constantFrom<MergeDecision>('theirs', 'mine', 'mine-and-note'),
      ]),
    ),
  );
  const leadFields = [
    ...respondentFields,
    'owner',
    'due',
    'riskAcceptedBy',
    'evidenceEnteredAt',
  ] as const;

  it('whatever the answers and decisions (150 runs)', () => {
    fc.assert(
      fc.property(
        leadArbitrary,
        theirArbitrary,
        decisionArbitrary,
        (leadGiven, theirGiven, decisions) => {
          const lead = Object.fromEntries(
            Object.entries(leadGiven).filter(([, a]) => a !== undefined),
          ) as Record<string, Answer>;
          const theirs = Object.fromEntries(
            Object.entries(theirGiven).filter(([, a]) => a !== undefined),
          ) as Record<string, object>;
          const sent = send(withPeople(leadAssessment(lead)));
          const responded = respond(sent.questionnaire, theirs);
          const before: Assessment = deepFreeze(receive(sent.assessment, responded).assessment);
          const kinds = new Map(
            pendingMerge(before, set, anaId)?.items.map((i) => [i.questionId, i.kind]),
          );
          const merged = ok(applyMerge(before, set, anaId, decisions, mergedAt));
          expect(assessmentSchema.safeParse(merged).success).toBe(true);
          for (const id of questions) {
            const mine = before.answers[id];
            const after = merged.answers[id];
            const decision = kinds.get(id) === 'conflict' ? decisions[id] : undefined;
            if (decision === 'mine') expect(after).toBe(mine);
            if (decision === 'theirs') continue;
            for (const field of leadFields) {
              const was = mine?.[field];
              if (was === undefined || was.trim() === '') continue;
              if (field === 'note' && decision === 'mine-and-note')
                expect(after?.note?.startsWith(was.trimEnd())).toBe(true);
              else expect(after?.[field]).toBe(was);
            }
          }
          // The response is merged: importing it again changes nothing.
          expect(receive(merged, responded).assessment).toBe(merged);
        },
      ),
      { numRuns: 150 },
    );
  });
});
