import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportedFile } from '../../support/exportedFile.ts';
import { listedProblems } from '../../../src/components/ProblemList.tsx';
import { importLimits } from '../../../src/core/assessment/inspectJson.ts';
import { ImportPage } from '../../../src/features/transfer/index.ts';
import { sealText } from '../../../src/core/crypto/passphrase.ts';
import { useAssessments, useQuestionnaires } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';
import {
  anaId,
  leadWithAna as leadAssessment,
  questionnaireIds,
  responseText,
  sendToAna as send,
} from '../../support/delegationFixtures.ts';

const fileLabel = 'Assessment, questionnaire or response file';
const fileOf = (text: string) => new File([text], 'assessment.json', { type: 'application/json' });
const snapshot = () => JSON.stringify(useAssessments.getState().assessments);

beforeEach(() => {
  window.location.hash = '#/import';
});

/** An empty browser on the import page, with an encrypted file picked: its passphrase is asked. */
async function pickEncryptedFile() {
  const user = userEvent.setup();
  seedStore();
  const text = await exportedFile(
    fixtureAssessment('middle-profile'),
    new Date(),
    'correct horse battery staple',
  );
  render(<ImportPage />);
  await user.upload(screen.getByLabelText(fileLabel), fileOf(text));
  const passphrase = await screen.findByLabelText('Passphrase of the encrypted file');
  return { user, passphrase };
}

describe('ImportPage', () => {
  it('imports a valid exported file as a new assessment', async () => {
    const user = userEvent.setup();
    seedStore();
    const text = await exportedFile(
      fixtureAssessment('unicode-operator'),
      new Date('2026-11-26T10:00:00Z'),
    );
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), fileOf(text));
    expect(await screen.findByText(/The file matches its SHA-256 digest/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import the assessment' }));
    const [stored] = Object.values(useAssessments.getState().assessments);
    expect(stored?.assessment.organisation).toBe('ПАО «Северный Телеком»');
    expect(stored?.summary?.visible).toBeGreaterThan(0);
    expect(window.location.hash).toBe(`#/a/${stored?.id}/results`);
  });

  it('lists what is wrong with an edited file and changes nothing', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'));
    const before = snapshot();
    const text = (await exportedFile(fixtureAssessment('middle-profile'), new Date())).replace(
      '"SOC lead"',
      '"Nobody"',
    );
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), fileOf(text));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This file cannot be imported. Nothing was changed in this browser.',
    );
    expect(alert).toHaveTextContent('does not match its SHA-256 digest');
    expect(snapshot()).toBe(before);
  });

  it('asks for the passphrase of an encrypted file and says plainly when it is wrong', async () => {
    const { user, passphrase } = await pickEncryptedFile();
    await user.type(passphrase, 'wrong horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Open the file' }));
    expect(
      await screen.findByText(
        'The passphrase is wrong, or the file was changed after it was encrypted.',
      ),
    ).toBeInTheDocument();
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(0);
    await user.clear(passphrase);
    await user.type(passphrase, 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Open the file' }));
    expect(
      await screen.findByRole('button', { name: 'Import the assessment' }),
    ).toBeInTheDocument();
  }, 20_000);

  it('says next to the field that the passphrase is needed when none was given, and puts the cursor there', async () => {
    const { user, passphrase } = await pickEncryptedFile();
    await user.click(screen.getByRole('button', { name: 'Open the file' }));
    expect(passphrase).toHaveAccessibleDescription(
      'Enter the passphrase the file was encrypted with: it cannot be opened without it.',
    );
    expect(passphrase).toHaveFocus();
  });

  it('cancels a file waiting for its passphrase: the page is back at its start and nothing changed', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'));
    const before = snapshot();
    const text = await exportedFile(
      fixtureAssessment('unicode-operator'),
      new Date(),
      'correct horse battery staple',
    );
    render(<ImportPage />);
    const input = screen.getByLabelText<HTMLInputElement>(fileLabel);
    await user.upload(input, fileOf(text));
    await user.type(
      await screen.findByLabelText('Passphrase of the encrypted file'),
      'correct horse battery staple',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Passphrase of the encrypted file')).not.toBeInTheDocument();
    expect(input.files).toHaveLength(0);
    expect(input).toHaveFocus();
    expect(snapshot()).toBe(before);
    await user.upload(input, fileOf(text));
    expect(await screen.findByLabelText('Passphrase of the encrypted file')).toHaveValue('');
  });

  it('cancels the preview, and a pick still being read, without keeping anything', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'));
    const before = snapshot();
    const text = await exportedFile(fixtureAssessment('unicode-operator'), new Date());
    render(<ImportPage />);
    const input = screen.getByLabelText<HTMLInputElement>(fileLabel);
    await user.upload(input, fileOf(text));
    await screen.findByRole('button', { name: 'Import the assessment' });
    const slow = fileOf(text);
    let finishReading: (text: string) => void = () => undefined;
    vi.spyOn(slow, 'text').mockReturnValue(new Promise((resolve) => (finishReading = resolve)));
    await user.upload(input, slow);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    finishReading(text);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Import the assessment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(input.files).toHaveLength(0);
    expect(input).toHaveFocus();
    expect(snapshot()).toBe(before);
  });

  it('shows when the file and the assessment it would replace were last changed, to the minute', async () => {
    const user = userEvent.setup();
    seedStore({ ...fixtureAssessment('middle-profile'), updatedAt: '2026-11-20T09:15:00.000Z' });
    const changed = {
      ...fixtureAssessment('middle-profile'),
      updatedAt: '2026-11-20T16:40:00.000Z',
    };
    render(<ImportPage />);
    await user.upload(
      screen.getByLabelText(fileLabel),
      fileOf(await exportedFile(changed, new Date())),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      /answers, last changed 20 Nov 2026, 16:40\./,
    );
    await user.click(
      screen.getByRole('button', { name: 'Replace the one already in this browser' }),
    );
    expect(screen.getByRole('dialog')).toHaveTextContent('(last changed 20 Nov 2026, 09:15)');
  });

  it('says in plain words that a file whose digest was edited by hand cannot be trusted', async () => {
    const user = userEvent.setup();
    seedStore();
    const exported = JSON.parse(
      await exportedFile(fixtureAssessment('middle-profile'), new Date()),
    ) as { integrity: { digest: string } };
    exported.integrity.digest = exported.integrity.digest.slice(0, 40);
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), fileOf(JSON.stringify(exported, null, 2)));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "The file's SHA-256 digest was changed or damaged after the file was exported, so Cellguard cannot check it. Export it again from the original browser.",
    ]);
  });

  it('replaces the matching assessment only after confirmation', async () => {
    const user = userEvent.setup();
    const [existingId = ''] = seedStore(fixtureAssessment('middle-profile'));
    const changed = structuredClone(fixtureAssessment('middle-profile'));
    changed.answers['EXP-02'] = { choice: 'verified' };
    render(<ImportPage />);
    await user.upload(
      screen.getByLabelText(fileLabel),
      fileOf(await exportedFile(changed, new Date())),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Replace the one already in this browser' }),
    );
    // One assessment per organisation, scope and cycle: a second copy is not offered.
    expect(screen.queryByRole('button', { name: 'Import the assessment' })).toBeNull();
    expect(screen.getByRole('link', { name: 'correct the cycle or scope' })).toHaveAttribute(
      'href',
      `#/a/${existingId}/details`,
    );
    const dialog = screen.getByRole('dialog', { name: 'Replace the assessment in this browser?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(useAssessments.getState().assessments[existingId]?.assessment.answers['EXP-02']).toEqual(
      { choice: 'all' },
    );
    await user.click(
      screen.getByRole('button', { name: 'Replace the one already in this browser' }),
    );
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Replace' }));
    expect(Object.keys(useAssessments.getState().assessments)).toEqual([existingId]);
    expect(useAssessments.getState().assessments[existingId]?.assessment.answers['EXP-02']).toEqual(
      { choice: 'verified' },
    );
  });

  it('refuses a file larger than any assessment by its size, without reading it', async () => {
    const user = userEvent.setup();
    seedStore();
    const file = new File([new Uint8Array(importLimits.maxBytes + 1)], 'huge.json', {
      type: 'application/json',
    });
    const read = vi.spyOn(file, 'text');
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), file);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The file is 5.1 MB; an assessment file is never larger than 5 MB.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('shows what the last picked file is, even when an earlier pick is still being read', async () => {
    const user = userEvent.setup();
    seedStore();
    const text = await exportedFile(fixtureAssessment('middle-profile'), new Date());
    const slow = fileOf(text);
    let finishReading: (text: string) => void = () => undefined;
    vi.spyOn(slow, 'text').mockReturnValue(new Promise((resolve) => (finishReading = resolve)));
    const huge = new File([new Uint8Array(importLimits.maxBytes + 1)], 'huge.json');
    render(<ImportPage />);
    const input = screen.getByLabelText(fileLabel);
    await user.upload(input, slow);
    await user.upload(input, huge);
    finishReading(text);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('alert')).toHaveTextContent('The file is 5.1 MB');
    expect(screen.queryByText(/The file matches its SHA-256 digest/)).not.toBeInTheDocument();
  });

  it('lists the first problems in plain words and counts the rest', async () => {
    const user = userEvent.setup();
    seedStore();
    const file = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../fixtures/assessments/middle-profile.json'),
        'utf8',
      ),
    ) as { answers: Record<string, { choice?: string; due?: string }> };
    const broken = Object.keys(file.answers).slice(0, listedProblems + 3);
    for (const id of broken) file.answers[id] = { ...file.answers[id], due: 'next spring' };
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), fileOf(JSON.stringify(file)));
    const alert = await screen.findByRole('alert');
    const items = within(alert).getAllByRole('listitem');
    expect(items).toHaveLength(listedProblems);
    expect(items[0]).toHaveTextContent(
      `Question ${broken[0]}, due date: must be a real date written YYYY-MM-DD`,
    );
    expect(alert).not.toHaveTextContent('answers.');
    expect(alert).toHaveTextContent('and 3 more problems');
  });
});

describe('ImportPage: questionnaires and responses', () => {
  const [questionnaireId = ''] = questionnaireIds;
  const sent = send(leadAssessment());

  beforeEach(async () => {
    await useQuestionnaires.ready;
    useQuestionnaires.setState({ questionnaires: {} });
    await useQuestionnaires.persistence.flush();
  });

  it('previews a questionnaire, then opens it for answering without touching any assessment', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'));
    const before = snapshot();
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), fileOf(sent.text));
    const preview = await screen.findByRole('status');
    expect(within(preview).getByRole('heading')).toHaveTextContent('Questionnaire from J. Smith');
    expect(preview).toHaveTextContent(
      'For Ana Ruiz: 8 questions of the Operation Soft Cell exposure assessment for Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4, sent on 10 Mar 2026.',
    );
    expect(preview).toHaveTextContent('The file matches its SHA-256 digest');
    expect(preview).toHaveTextContent('Note from J. Smith: Please answer by Friday.');
    await user.click(screen.getByRole('button', { name: 'Open the questionnaire' }));
    expect(useQuestionnaires.getState().questionnaires[questionnaireId]?.questionnaire).toEqual(
      sent.questionnaire,
    );
    expect(window.location.hash).toBe(`#/respond/${questionnaireId}`);
    expect(snapshot()).toBe(before);
  });

  it('says that the answers given so far are kept when the questionnaire is opened again', async () => {
    const user = userEvent.setup();
    seedStore();
    useQuestionnaires.getState().open(sent.questionnaire);
    useQuestionnaires.getState().answer(questionnaireId, 'EXP-01', { choice: 'yes' });
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), fileOf(sent.text));
    expect(await screen.findByRole('status')).toHaveTextContent(
      /You opened this questionnaire in this browser on .*\. Your answers so far \(1 of 8\) are kept\./,
    );
    await user.click(screen.getByRole('button', { name: 'Open the questionnaire' }));
    expect(
      useQuestionnaires.getState().questionnaires[questionnaireId]?.answers['EXP-01']?.choice,
    ).toBe('yes');
  });

  it('opens an encrypted questionnaire with its passphrase', async () => {
    const user = userEvent.setup();
    seedStore();
    const sealed = await sealText(sent.text, 'correct horse battery staple');
    if (!sealed.ok) throw new Error('not sealed');
    render(<ImportPage />);
    await user.upload(screen.getByLabelText(fileLabel), fileOf(sealed.value));
    await user.type(
      await screen.findByLabelText('Passphrase of the encrypted file'),
      'correct horse battery staple',
    );
    await user.click(screen.getByRole('button', { name: 'Open the file' }));
    expect(
      await screen.findByRole('button', { name: 'Open the questionnaire' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
  }, 30_000);

  it('receives a response for review, flags answers to questions not sent, and changes nothing the second time', async () => {
    const user = userEvent.setup();
    const [leadId = ''] = seedStore(sent.assessment);
    // A response that also answers a question of another domain, which Ana was not sent.
    const [first] = sent.questionnaire.questions;
    if (!first) throw new Error('the questionnaire holds no question');
    const widened = {
      ...sent.questionnaire,
      questions: [...sent.questionnaire.questions, { ...first, id: 'CRD-01' }],
    };
    const text = responseText(widened, {
      'EXP-01': { choice: 'yes' },
      'EXP-02': { choice: 'most', note: 'Two portals left' },
      'CRD-01': { choice: 'none' },
    });
    render(<ImportPage />);
    const input = screen.getByLabelText<HTMLInputElement>(fileLabel);
    await user.upload(input, fileOf(text));
    const panel = await screen.findByRole('status');
    expect(within(panel).getByRole('heading')).toHaveTextContent('Response from Ana Ruiz');
    expect(panel).toHaveTextContent(
      '2 answers to round 1 of the questions sent for Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4',
    );
    expect(panel).toHaveTextContent(
      'The response also answers CRD-01, which was not sent to Ana Ruiz; it was not taken.',
    );
    expect(within(panel).getByRole('link', { name: 'Review and merge' })).toHaveAttribute(
      'href',
      `#/a/${leadId}/merge/${anaId}`,
    );
    const round = () =>
      useAssessments.getState().assessments[leadId]?.assessment.delegation?.assignees[0]?.rounds[0];
    expect(round()?.responses).toHaveLength(1);
    expect(Object.keys(round()?.responses[0]?.answers ?? {})).toEqual(['EXP-01', 'EXP-02']);
    // The answers themselves change only when the lead merges.
    expect(useAssessments.getState().assessments[leadId]?.assessment.answers).toEqual({});

    const before = snapshot();
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    await user.upload(input, fileOf(text));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'This response file was imported before and is waiting to be merged. Nothing was changed.',
    );
    expect(screen.getByRole('link', { name: 'Review and merge' })).toBeInTheDocument();
    expect(snapshot()).toBe(before);
  });

  it('says a response merged before changes nothing', async () => {
    const user = userEvent.setup();
    const [leadId = ''] = seedStore(sent.assessment);
    const text = responseText(sent.questionnaire, { 'EXP-01': { choice: 'yes' } });
    render(<ImportPage />);
    const input = screen.getByLabelText<HTMLInputElement>(fileLabel);
    await user.upload(input, fileOf(text));
    await screen.findByRole('link', { name: 'Review and merge' });
    const merged = useAssessments.getState().mergeResponse(leadId, anaId, {});
    expect(merged.ok).toBe(true);
    const before = snapshot();
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    await user.upload(input, fileOf(text));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'This response file was imported and merged before. Nothing was changed.',
    );
    expect(screen.queryByRole('link', { name: 'Review and merge' })).toBeNull();
    expect(snapshot()).toBe(before);
  });

  it('refuses a response to another assessment, and changes nothing', async () => {
    const user = userEvent.setup();
    const other = send(leadAssessment({}, 'fedcba9876543210fedcba98', 'Other Operator'));
    seedStore(other.assessment);
    const before = snapshot();
    render(<ImportPage />);
    await user.upload(
      screen.getByLabelText(fileLabel),
      fileOf(responseText(sent.questionnaire, { 'EXP-01': { choice: 'yes' } })),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This file cannot be imported. Nothing was changed in this browser.',
    );
    expect(alert).toHaveTextContent(
      'This response from Ana Ruiz answers questions of Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4 (Operation Soft Cell exposure assessment), and no assessment in this browser sent them.',
    );
    expect(snapshot()).toBe(before);
  });
});
