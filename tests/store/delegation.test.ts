import { beforeEach, describe, expect, it } from 'vitest';
import { buildResponse, serializeResponse } from '../../src/core/delegation/response.ts';
import { importResponseFile } from '../../src/core/delegation/files.ts';
import { attributionLine } from '../../src/core/delegation/attribution.ts';
import { useAssessments } from '../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../support/storeFixtures.ts';

const isoDay = (iso: string) => iso.slice(0, 10);

/** A response file as the assignee's browser writes it, read back as the lead's import reads it. */
async function returned(
  questionnaire: Parameters<typeof buildResponse>[0],
  answers: Parameters<typeof buildResponse>[1],
) {
  const text = serializeResponse(buildResponse(questionnaire, answers, new Date()), new Date());
  const opened = await importResponseFile(text);
  if (!opened.ok) throw new Error(opened.problems.map((p) => p.message).join('; '));
  return opened.value;
}

describe('delegation through the store', () => {
  let id = '';
  beforeEach(() => {
    [id = ''] = seedStore(fixtureAssessment('soft-cell-victim'));
  });

  it('records who changed an answer: the lead by name, one entry for quick changes by the same person', () => {
    const store = useAssessments.getState();
    store.updateAnswer(id, 'SEG-06', { choice: 'most' });
    store.updateAnswer(id, 'SEG-06', { choice: 'all' });
    store.updateAnswer(id, 'SEG-06', { note: 'checked' });
    const answer = useAssessments.getState().assessments[id]?.assessment.answers['SEG-06'];
    expect(answer?.history).toHaveLength(1);
    expect(answer?.history?.[0]).toMatchObject({
      event: 'answered',
      by: 'Fixture author',
      via: 'lead',
      from: 'inband',
      to: 'all',
    });
  });

  it('records when evidence was entered, apart from the evidence date', () => {
    useAssessments
      .getState()
      .updateAnswer(id, 'EXP-01', { evidence: 'WAF report', evidenceDate: '2026-01-12' });
    const answer = useAssessments.getState().assessments[id]?.assessment.answers['EXP-01'];
    expect(answer?.evidenceDate).toBe('2026-01-12');
    expect(answer?.evidenceEnteredAt).toBeDefined();
    expect(isoDay(answer?.evidenceEnteredAt ?? '')).not.toBe('2026-01-12');
  });

  it('assigns, sends, receives and merges: conflicts wait for a decision, the same file twice changes nothing', async () => {
    const store = useAssessments.getState();
    const added = store.assign(id, {
      name: 'Ana Ruiz',
      role: 'network operations',
      domains: ['SEG'],
      questions: [],
    });
    expect(added.ok).toBe(true);
    const assigneeId = added.ok ? added.value : '';
    const prepared = store.prepareQuestionnaire(id, assigneeId);
    if (!prepared.ok) throw new Error('no questionnaire');
    const { questionnaire, round } = prepared.value;
    expect(questionnaire.questions.map((q) => q.id)).toEqual([
      'SEG-01',
      'SEG-02',
      'SEG-03',
      'SEG-04',
      'SEG-06',
      'SEG-05',
    ]);
    // Not recorded until the file is written.
    expect(
      useAssessments.getState().assessments[id]?.assessment.delegation?.assignees[0]?.rounds,
    ).toEqual([]);
    store.recordSent(id, assigneeId, round);

    const before = useAssessments.getState().assessments[id]?.assessment.answers;
    const mineSeg06 = before?.['SEG-06']?.choice;
    const response = await returned(questionnaire, {
      'SEG-06': { choice: 'all', note: 'OOB since March', answeredAt: '2026-11-20T09:00:00.000Z' },
    });
    const received = useAssessments.getState().receiveResponse(response.response, response.digest);
    expect(received.ok && received.value.outcome).toBe('received');
    // Nothing of the lead's changed yet: the conflict waits for a decision.
    expect(useAssessments.getState().assessments[id]?.assessment.answers['SEG-06']?.choice).toBe(
      mineSeg06,
    );
    const refused = useAssessments.getState().mergeResponse(id, assigneeId, {});
    expect(refused.ok).toBe(false);

    const merged = useAssessments.getState().mergeResponse(id, assigneeId, { 'SEG-06': 'theirs' });
    expect(merged.ok).toBe(true);
    const assessment = useAssessments.getState().assessments[id]?.assessment;
    const answer = assessment?.answers['SEG-06'];
    expect(answer?.choice).toBe('all');
    expect(answer?.note).toBe('OOB since March');
    expect(attributionLine(answer, isoDay)).toBe(
      `answered by Ana Ruiz (network operations) via questionnaire, 2026-11-20; merged by Fixture author (lead), ${isoDay(new Date().toISOString())}`,
    );
    // The response stays recorded as merged, with what it answered; its answers are gone.
    const [kept] = assessment?.delegation?.assignees[0]?.rounds[0]?.responses ?? [];
    expect(kept?.answered).toEqual(['SEG-06']);
    expect(kept?.mergedAt).toBeDefined();
    expect(kept).not.toHaveProperty('answers');

    const afterMerge = JSON.stringify(useAssessments.getState().assessments[id]?.assessment);
    const again = useAssessments.getState().receiveResponse(response.response, response.digest);
    expect(again.ok && again.value.outcome).toBe('already-merged');
    expect(JSON.stringify(useAssessments.getState().assessments[id]?.assessment)).toBe(afterMerge);
  });

  it('refuses a response when no assessment here sent it, in plain words', async () => {
    const other = seedStore(fixtureAssessment('soft-cell-victim'));
    const store = useAssessments.getState();
    const added = store.assign(other[0] ?? '', { name: 'Bo', domains: ['LOG'], questions: [] });
    const prepared = store.prepareQuestionnaire(other[0] ?? '', added.ok ? added.value : '');
    if (!prepared.ok) throw new Error('no questionnaire');
    const response = await returned(prepared.value.questionnaire, {});
    useAssessments.getState().remove(other[0] ?? '');
    const received = useAssessments.getState().receiveResponse(response.response, response.digest);
    expect(received.ok).toBe(false);
    if (!received.ok)
      expect(received.problems[0]?.message).toMatch(/no assessment in this browser sent them/);
  });
});
