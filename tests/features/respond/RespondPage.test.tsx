import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../../src/components/download.ts';
import { importResponseFile } from '../../../src/core/delegation/files.ts';
import type { Questionnaire } from '../../../src/core/delegation/questionnaire.ts';
import { RespondPage } from '../../../src/features/respond/index.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { useQuestionnaires, type StoredQuestionnaire } from '../../../src/store/index.ts';
import {
  leadWithAna as leadAssessment,
  questionnaireIds,
  sendToAna as send,
} from '../../support/delegationFixtures.ts';

vi.mock('../../../src/components/download.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/components/download.ts')>()),
  downloadFile: vi.fn(),
}));

const [id = ''] = questionnaireIds;
const plain = send(leadAssessment()).questionnaire;

/** A browser holding only this questionnaire, opened, on the respondent's page. */
async function openPage(questionnaire: Questionnaire = plain) {
  await useQuestionnaires.ready;
  useQuestionnaires.setState({ questionnaires: {}, saveProblem: null });
  await useQuestionnaires.persistence.flush();
  useQuestionnaires.getState().open(questionnaire);
  window.location.hash = `#/respond/${id}`;
  const user = userEvent.setup();
  render(<RespondPage questionnaireId={id} />);
  return user;
}

const question = (questionId: string) =>
  screen.getByRole('group', { name: new RegExp(`^${questionId} `) });
const entry = () => useQuestionnaires.getState().questionnaires[id] as StoredQuestionnaire;
const progressText = () => screen.getByText(/^\d+ of \d+ answered$/).textContent;

async function savedAnswers() {
  await useQuestionnaires.persistence.flush();
  const db = await openDatabase(indexedDB);
  try {
    const records = await db.readQuestionnaires();
    return (records.find((record) => record.id === id)?.stored as StoredQuestionnaire | undefined)
      ?.answers;
  } finally {
    db.close();
  }
}

beforeEach(() => {
  vi.mocked(downloadFile).mockClear();
});

describe('RespondPage', () => {
  it('shows who asks, for which assessment, the note and the progress, and nothing else of the device', async () => {
    await openPage();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Questions from J. Smith · Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4',
    );
    expect(screen.getByText('Please answer by Friday.')).toHaveAttribute('dir', 'auto');
    expect(progressText()).toBe('0 of 8 answered');
    // Headings in order: the page, then one per domain and the response file.
    const levels = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    expect(levels.slice(1).every((level) => level === 2)).toBe(true);
    expect(
      screen.getByRole('heading', { level: 2, name: 'Internet exposure and the web tier' }),
    ).toBeInTheDocument();
    // No score, no way to any assessment of this browser.
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryByText(/risk score|Risk \d/i)).toBeNull();
  });

  it('saves each answer at once, stamped with the time, and counts it', async () => {
    const user = await openPage();
    await user.click(within(question('EXP-01')).getByRole('radio', { name: 'Yes, one or more' }));
    await user.type(within(question('EXP-01')).getByLabelText('Note'), 'Self-care portal');
    expect(progressText()).toBe('1 of 8 answered');
    const saved = await savedAnswers();
    expect(saved?.['EXP-01']).toMatchObject({ choice: 'yes', note: 'Self-care portal' });
    expect(Date.parse(saved?.['EXP-01']?.answeredAt ?? '')).not.toBeNaN();
    const evidence = within(question('EXP-03')).getByLabelText('Evidence');
    expect(evidence).toHaveAttribute('dir', 'auto');
    await user.type(evidence, 'WSUS report');
    await user.type(within(question('EXP-03')).getByLabelText('Evidence date'), '2026-02-27');
    expect(entry().answers['EXP-03']).toMatchObject({
      evidence: 'WSUS report',
      evidenceDate: '2026-02-27',
    });
    // Evidence without a choice is not an answer yet.
    expect(progressText()).toBe('1 of 8 answered');
  });

  it('answers with the keyboard alone', async () => {
    const user = await openPage();
    const yes = within(question('EXP-01')).getByRole('radio', { name: 'Yes, one or more' });
    yes.focus();
    await user.keyboard(' ');
    expect(yes).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(within(question('EXP-01')).getByRole('radio', { name: 'No, none' })).toBeChecked();
    expect(entry().answers['EXP-01']?.choice).toBe('no');
  });

  it('hides the questions a scoping answer rules out, and shows them again when it changes', async () => {
    const user = await openPage();
    await user.click(within(question('EXP-01')).getByRole('radio', { name: 'No, none' }));
    expect(screen.queryByRole('group', { name: /^EXP-02 / })).toBeNull();
    expect(progressText()).toBe('1 of 4 answered');
    expect(
      screen.getByText('4 questions do not apply after the scoping answers and are left out.'),
    ).toBeInTheDocument();
    await user.click(within(question('EXP-01')).getByRole('radio', { name: 'Yes, one or more' }));
    expect(question('EXP-02')).toBeInTheDocument();
    expect(progressText()).toBe('1 of 8 answered');
  });

  it('asks for the reason of "Not applicable", which counts only with it; a scoping question has no such answer', async () => {
    const user = await openPage();
    expect(within(question('EXP-01')).queryByRole('radio', { name: 'Not applicable' })).toBeNull();
    await user.click(within(question('EXP-03')).getByRole('radio', { name: 'Not applicable' }));
    const reason = within(question('EXP-03')).getByLabelText('Reason it does not apply (required)');
    expect(reason).toBeRequired();
    expect(reason).toHaveAccessibleDescription(/without a reason, “Not applicable” does not count/);
    expect(progressText()).toBe('0 of 8 answered');
    // A critical control also asks what stands in for it.
    expect(
      within(question('EXP-03')).getByLabelText('Compensating control (what stands in for it)'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create response file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Give a reason for each "Not applicable" answer first (EXP-03), or choose another answer. No file was created.',
    );
    expect(downloadFile).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'EXP-03: give the reason' }));
    expect(reason).toHaveFocus();
    await user.keyboard('No internet-facing servers of our own');
    expect(reason).not.toHaveAccessibleDescription();
    expect(progressText()).toBe('1 of 8 answered');
  });

  it('shows the current answer and lets the respondent keep it as their own', async () => {
    const sent = send(
      leadAssessment({ 'EXP-03': { choice: 'month', note: 'Monthly patch window' } }),
    ).questionnaire;
    const user = await openPage(sent);
    const card = question('EXP-03');
    expect(card).toHaveTextContent('Answer in the assessment now: Within 30 days');
    expect(card).toHaveTextContent('Note: Monthly patch window');
    // The current answer is the lead's until the respondent gives or keeps it.
    expect(within(card).getByRole('radio', { name: 'Within 30 days' })).not.toBeChecked();
    await user.click(within(card).getByRole('button', { name: 'Keep the current answer: EXP-03' }));
    expect(within(card).getByRole('radio', { name: 'Within 30 days' })).toBeChecked();
    expect(within(card).getByLabelText('Note')).toHaveValue('Monthly patch window');
    expect(entry().answers['EXP-03']).toMatchObject({
      choice: 'month',
      note: 'Monthly patch window',
    });
  });

  it('says how many questions remain, then creates the response file and says what to do next', async () => {
    const user = await openPage();
    await user.click(within(question('EXP-01')).getByRole('radio', { name: 'Yes, one or more' }));
    await user.click(within(question('EXP-02')).getByRole('radio', { name: 'Most, blocking' }));
    await user.type(within(question('EXP-02')).getByLabelText('Note'), 'Two portals left');
    await user.click(within(question('EXP-04')).getByRole('radio', { name: "Don't know" }));
    const create = screen.getByRole('button', { name: 'Create response file' });
    expect(create).toHaveAccessibleDescription(
      /5 of 8 questions are not answered yet\. You can create the file now and send another one later/,
    );
    await user.click(create);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The response file cellguard-response-Example-Networks-mid-journey-profile-2026-Q4-Ana-Ruiz-r1.json has been downloaded. Send it to J. Smith, who imports it in Cellguard with "Import a file".',
    );
    const [[text = '', name, type] = []] = vi.mocked(downloadFile).mock.calls;
    expect(name).toBe(
      'cellguard-response-Example-Networks-mid-journey-profile-2026-Q4-Ana-Ruiz-r1.json',
    );
    expect(type).toBe('application/json');
    const opened = await importResponseFile(String(text));
    if (!opened.ok) throw new Error(opened.problems.map((p) => p.message).join());
    const { response } = opened.value;
    expect(response.from).toEqual({
      id: 'aaaaaaaaaaa1',
      name: 'Ana Ruiz',
      role: 'network operations',
    });
    expect(response.questionnaireId).toBe(id);
    expect(
      Object.fromEntries(
        Object.entries(response.answers).map(([q, { answeredAt: _at, ...a }]) => [q, a]),
      ),
    ).toEqual({
      'EXP-01': { choice: 'yes' },
      'EXP-02': { choice: 'most', note: 'Two portals left' },
      'EXP-04': { choice: 'unknown' },
    });
    expect(entry().respondedAt).toBe(response.respondedAt);
    expect(screen.getByText(/You created a response file on/)).toBeInTheDocument();
  });

  it('encrypts the response file with a passphrase given twice', async () => {
    const user = await openPage();
    await user.click(within(question('EXP-01')).getByRole('radio', { name: 'No, none' }));
    await user.type(
      screen.getByLabelText('Passphrase (optional, at least 8 characters)'),
      'correct horse battery staple',
    );
    await user.type(screen.getByLabelText('Repeat the passphrase'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Create response file' }));
    expect(await screen.findByRole('status', {}, { timeout: 15_000 })).toHaveTextContent(
      'It is encrypted: tell J. Smith the passphrase another way',
    );
    const [[text = '', name] = []] = vi.mocked(downloadFile).mock.calls;
    expect(name).toMatch(/-Ana-Ruiz-r1\.encrypted\.json$/);
    const opened = await importResponseFile(String(text), 'correct horse battery staple');
    expect(opened.ok && opened.value.response.answers['EXP-01']?.choice).toBe('no');
  }, 30_000);

  it('says when a later round replaced this questionnaire, and links to it', async () => {
    const first = send(leadAssessment());
    const second = send(
      first.assessment,
      questionnaireIds[1],
      new Date('2026-04-02T09:00:00.000Z'),
    );
    await openPage(first.questionnaire);
    useQuestionnaires.getState().open(second.questionnaire);
    // The lead's name is a <bdi> of its own, so the sentence is matched around it.
    const notice = await screen.findByText(/sent a later questionnaire \(round 2\)/);
    expect(notice).toBeVisible();
    expect(notice).toHaveTextContent(
      /^J\. Smith sent a later questionnaire \(round 2\) on 2 Apr 2026: a response to this one will be refused\./,
    );
    expect(screen.getByRole('link', { name: 'Answer round 2' })).toHaveAttribute(
      'href',
      `#/respond/${second.questionnaire.questionnaireId}`,
    );
  });

  it('says plainly when the questionnaire is not in this browser', async () => {
    await useQuestionnaires.ready;
    useQuestionnaires.setState({ questionnaires: {} });
    render(<RespondPage questionnaireId={id} />);
    expect(
      screen.getByRole('heading', { name: 'This questionnaire is not in this browser' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import a file' })).toHaveAttribute('href', '#/import');
  });

  it('says in plain words when the answers cannot be saved', async () => {
    await openPage();
    useQuestionnaires.setState({
      saveProblem:
        "This browser's storage is full, so your latest answers are kept in this tab but not saved yet.",
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(/storage is full/);
  });
});
