import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../../src/components/download.ts';
import type { Assessment } from '../../../src/core/assessment/model.ts';
import { backupLimits } from '../../../src/core/backup/format.ts';
import { importBackupFile } from '../../../src/core/backup/parse.ts';
import { BackupPage } from '../../../src/features/backup/index.ts';
import { useAssessments, useGroups, useQuestionnaires } from '../../../src/store/index.ts';
import {
  answeredRound1,
  backupText,
  deviceWith,
  northwind,
  openedRound2,
  southern,
  withGroups,
  withQuestionnaires,
} from '../../core/backup/backupFiles.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';

vi.mock('../../../src/components/download.ts', () => ({ downloadFile: vi.fn() }));

const set = loadShippedSet();
const middle = fixtureAssessment('middle-profile');
const unicode = fixtureAssessment('unicode-operator');
const victim = fixtureAssessment('soft-cell-victim');
/** Middle profile as this device last saw it, before the changes the backup holds. */
const olderMiddle: Assessment = {
  ...middle,
  updatedAt: '2026-10-02T08:00:00.000Z',
  answers: { ...middle.answers, 'EXP-02': { choice: 'none' } },
};

const fileOf = (text: string, name = 'cellguard-backup-2026-11-26.json') =>
  new File([text], name, { type: 'application/json' });
const snapshot = () => JSON.stringify(useAssessments.getState());
const stored = () => Object.values(useAssessments.getState().assessments);

beforeEach(async () => {
  window.location.hash = '#/backup';
  vi.mocked(downloadFile).mockClear();
  useAssessments.getState().setStaleEvidenceDays(180);
  await useQuestionnaires.ready;
  useQuestionnaires.setState({ questionnaires: {}, saveProblem: null });
  await useGroups.getState().load();
  await useGroups.getState().eraseAll();
});

const round1Id = answeredRound1.questionnaire.questionnaireId;
const round2Id = openedRound2.questionnaire.questionnaireId;
/** Round 1 as this browser has it: answered further after the backup was made. */
const round1Later = {
  ...answeredRound1,
  answers: {
    ...answeredRound1.answers,
    'EXP-04': { choice: 'partial', answeredAt: '2026-04-01T10:00:00.000Z' },
  },
  updatedAt: '2026-04-01T10:00:00.000Z',
};

describe('BackupPage: back up everything', () => {
  it('downloads every assessment and the settings, encrypted with the passphrase given twice', async () => {
    const user = userEvent.setup();
    seedStore(middle, unicode);
    render(<BackupPage />);
    await user.type(
      screen.getByLabelText('Passphrase (optional, at least 8 characters)'),
      'correct horse battery staple',
    );
    await user.type(screen.getByLabelText('Repeat the passphrase'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Download the backup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No backup was made: correct the passphrase, or leave both fields empty.',
    );
    expect(screen.getByText('The two passphrases differ.')).toBeInTheDocument();
    expect(downloadFile).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Repeat the passphrase'), ' staple');
    await user.click(screen.getByRole('button', { name: 'Download the backup' }));
    expect(await screen.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent(
      'The encrypted backup (2 assessments and the settings) has been downloaded.',
    );
    const [[text, name, type] = []] = vi.mocked(downloadFile).mock.calls;
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(name).toBe(`cellguard-backup-${day}.encrypted.json`);
    expect(type).toBe('application/json');
    expect(String(text)).not.toContain('Example Networks');
    const opened = await importBackupFile(String(text), set, 'correct horse battery staple');
    expect(opened.ok && opened.value.entries.map((entry) => entry.assessment)).toEqual([
      middle,
      unicode,
    ]);
  }, 20_000);

  it('clears the passphrase once the backup is downloaded, and a new attempt starts without the old outcome', async () => {
    const user = userEvent.setup();
    seedStore(middle);
    render(<BackupPage />);
    const passphrase = screen.getByLabelText('Passphrase (optional, at least 8 characters)');
    const repeat = screen.getByLabelText('Repeat the passphrase');
    await user.type(passphrase, 'correct horse battery staple');
    await user.type(repeat, 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Download the backup' }));
    expect(await screen.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent(
      'The encrypted backup (1 assessment and the settings) has been downloaded.',
    );
    expect([passphrase, repeat].map((field) => (field as HTMLInputElement).value)).toEqual([
      '',
      '',
    ]);
    await user.type(passphrase, 'short');
    await user.click(screen.getByRole('button', { name: 'Download the backup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No backup was made');
    expect(screen.queryByText(/has been downloaded/)).not.toBeInTheDocument();
  }, 20_000);

  it('says there is nothing to back up in an empty browser', () => {
    seedStore();
    render(<BackupPage />);
    expect(
      screen.getByText(
        'There is nothing to back up yet: no assessment or questionnaire is saved in this browser.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download the backup' })).not.toBeInTheDocument();
  });

  it('says how many questionnaires to answer it holds, and writes them with their answers', async () => {
    const user = userEvent.setup();
    seedStore(middle);
    useQuestionnaires.setState({
      questionnaires: { [round1Id]: answeredRound1, [round2Id]: openedRound2 },
    });
    render(<BackupPage />);
    expect(
      screen.getByText(/every questionnaire you were sent to answer \(2 questionnaires\)/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Download the backup' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The backup (1 assessment, 2 questionnaires and the settings) has been downloaded.',
    );
    const [[text] = []] = vi.mocked(downloadFile).mock.calls;
    const opened = await importBackupFile(String(text), set);
    expect(opened.ok && opened.value.questionnaires).toEqual([answeredRound1, openedRound2]);
  });

  it('backs up the questionnaires of a browser that holds no assessment', () => {
    seedStore();
    useQuestionnaires.setState({ questionnaires: { [round2Id]: openedRound2 } });
    render(<BackupPage />);
    expect(screen.getByRole('button', { name: 'Download the backup' })).toBeInTheDocument();
    expect(screen.getByText(/\(1 questionnaire\)/)).toBeInTheDocument();
  });
});

describe('BackupPage: restore from a backup', () => {
  it('previews what is added, replaced and unchanged, then restores it into the store', async () => {
    const user = userEvent.setup();
    const [olderId, unicodeId] = seedStore(olderMiddle, unicode);
    const text = await backupText(
      deviceWith(middle, unicode, {
        assessment: victim,
        position: { view: 'step', domainId: 'CRD' },
      }),
    );
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), fileOf(text));

    const counts = await screen.findByRole('list', { name: 'Summary' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1 to add', '1 to replace', '1 unchanged']);
    const table = screen.getByRole('table', { name: 'Every assessment in the backup' });
    const outcomeOf = (title: string) =>
      within(table).getByRole('rowheader', { name: title }).nextElementSibling?.textContent;
    expect(
      outcomeOf('Example Telecom (victim profile) · Corporate IT, OSS/BSS and core · 2026-Q3'),
    ).toBe('Added');
    expect(
      outcomeOf('Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4'),
    ).toBe('Replaces the one on this device');
    expect(outcomeOf('ПАО «Северный Телеком» · Κεντρικό δίκτυο και OSS/BSS · 2026-Q4')).toBe(
      'Already here, unchanged',
    );
    expect(
      screen.getByText('Evidence will be flagged after 90 days, as in the backup (now 180).'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Restore' }));
    const dialog = screen.getByRole('dialog', { name: 'Replace 1 assessment on this device?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(stored()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Replace and restore' }),
    );

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Restored from the backup: 1 assessment added, 1 replaced, 1 already here unchanged. Evidence is flagged after 90 days, as in the backup.',
    );
    const { assessments, settings } = useAssessments.getState();
    expect(Object.keys(assessments)).toHaveLength(3);
    expect(assessments[olderId ?? '']?.assessment).toEqual(middle);
    expect(assessments[unicodeId ?? '']?.assessment).toEqual(unicode);
    const added = stored().find((s) => s.assessment.organisation === victim.organisation);
    expect(added?.assessment).toEqual(victim);
    expect(added?.position).toEqual({ view: 'step', domainId: 'CRD' });
    expect(added?.summary?.visible).toBeGreaterThan(0);
    expect(settings.staleEvidenceDays).toBe(90);
  });

  it('warns before replacing an assessment changed here after the backup was made', async () => {
    const user = userEvent.setup();
    seedStore({ ...olderMiddle, updatedAt: '2027-01-05T08:00:00.000Z' });
    render(<BackupPage />);
    await user.upload(
      screen.getByLabelText('Backup file'),
      fileOf(await backupText(deviceWith(middle))),
    );
    expect(
      await screen.findByText(
        'Changed here after the backup was made: those changes will be lost.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(screen.getByRole('dialog')).toHaveTextContent(
      '1 of them was changed here after the backup was made, and those changes will be lost',
    );
  });

  it('tells apart two versions changed the same day by the time of each change', async () => {
    const user = userEvent.setup();
    seedStore({ ...olderMiddle, updatedAt: '2026-11-20T09:15:00.000Z' });
    render(<BackupPage />);
    await user.upload(
      screen.getByLabelText('Backup file'),
      fileOf(await backupText(deviceWith({ ...middle, updatedAt: '2026-11-20T16:40:00.000Z' }))),
    );
    const table = await screen.findByRole('table', { name: 'Every assessment in the backup' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
      /Backup: \d+ answers, last changed 20 Nov 2026, 16:40\. This device: last changed 20 Nov 2026, 09:15\./,
    );
  });

  it('asks for the passphrase of an encrypted backup and says plainly when it is wrong', async () => {
    const user = userEvent.setup();
    seedStore();
    const text = await backupText(deviceWith(middle), undefined, 'correct horse battery staple');
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), fileOf(text));
    const passphrase = await screen.findByLabelText('Passphrase of the backup');
    await user.type(passphrase, 'wrong horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Open the backup' }));
    // Deriving the key from a passphrase takes PBKDF2's 600,000 rounds: longer than a second here.
    const decrypting = { timeout: 10_000 };
    expect(await screen.findByRole('alert', {}, decrypting)).toHaveTextContent(
      'The passphrase is wrong, or the file was changed after it was encrypted.',
    );
    await user.clear(passphrase);
    await user.type(passphrase, 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Open the backup' }));
    await user.click(await screen.findByRole('button', { name: 'Restore' }, decrypting));
    expect(stored().map((s) => s.assessment)).toEqual([middle]);
  }, 20_000);

  it('lists what is wrong with a changed backup and changes nothing', async () => {
    const user = userEvent.setup();
    seedStore(olderMiddle);
    const before = snapshot();
    const text = (await backupText(deviceWith(middle, victim))).replace(
      '"owner": "SOC lead"',
      '"owner": "Nobody"',
    );
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), fileOf(text));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This backup cannot be restored. Nothing was changed in this browser.',
    );
    expect(alert).toHaveTextContent(
      'The backup does not match its SHA-256 digest: it was changed or damaged after it was made.',
    );
    expect(screen.queryByRole('button', { name: 'Restore' })).not.toBeInTheDocument();
    expect(snapshot()).toBe(before);
  });

  it('names a bad answer in an entry by its question and the answers it offers, without a field path', async () => {
    const user = userEvent.setup();
    seedStore();
    // Made, digest and all, by a Cellguard whose EXP-02 had an answer this one does not offer.
    const text = await backupText(
      deviceWith({ ...middle, answers: { ...middle.answers, 'EXP-02': { choice: 'maybe' } } }),
    );
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), fileOf(text));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Question EXP-02 "[^"]+" has the answer "maybe"/);
    expect(alert.textContent).not.toMatch(/answers\.EXP-02|\.choice/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const user = userEvent.setup();
    seedStore();
    const file = fileOf('{}');
    Object.defineProperty(file, 'size', { value: backupLimits.maxBytes + 1 });
    const read = vi.spyOn(file, 'text');
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), file);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file is 50.0 MB; a Cellguard backup is never larger than 50 MB.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('says when everything in the backup is already here', async () => {
    const user = userEvent.setup();
    seedStore(middle);
    useAssessments.getState().setStaleEvidenceDays(90);
    render(<BackupPage />);
    await user.upload(
      screen.getByLabelText('Backup file'),
      fileOf(await backupText(deviceWith(middle))),
    );
    expect(
      await screen.findByText('Everything in this backup is already on this device.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restore' })).not.toBeInTheDocument();
  });
});

describe('BackupPage: restore the questionnaires a user was sent to answer', () => {
  it('lists them in the preview, asks before replacing one, and puts them back in this browser', async () => {
    const user = userEvent.setup();
    seedStore(middle);
    useAssessments.getState().setStaleEvidenceDays(90);
    useQuestionnaires.setState({ questionnaires: { [round1Id]: round1Later } });
    const text = await backupText(
      withQuestionnaires(deviceWith(middle), answeredRound1, openedRound2),
    );
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), fileOf(text));

    expect(
      await screen.findByText(/with 1 assessment and 2 questionnaires you were sent to answer\./),
    ).toBeInTheDocument();
    const counts = screen.getByRole('list', { name: 'Questionnaires summary' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1 to add', '1 to replace', '0 unchanged']);
    const table = screen.getByRole('table', { name: 'Every questionnaire in the backup' });
    const title =
      'Questions from J. Smith · Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4';
    const rowOf = (name: string) => within(table).getByRole('rowheader', { name }).parentElement;
    expect(rowOf(title)).toHaveTextContent(
      /Replaces the one on this deviceBackup: 2 of 8 questions answered, last changed .*; response file created .*\. This device: 3 of 8 questions answered.*Changed here after the backup was made: those changes will be lost\./,
    );
    expect(rowOf(`${title} · round 2`)).toHaveTextContent(/Added0 of \d+ questions answered/);

    await user.click(screen.getByRole('button', { name: 'Restore' }));
    const dialog = screen.getByRole('dialog', { name: 'Replace 1 questionnaire on this device?' });
    expect(dialog).toHaveTextContent(
      `The answers kept in this browser for ${title} will be replaced by the backup's; 1 of them was changed here after the backup was made`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(useQuestionnaires.getState().questionnaires).toEqual({ [round1Id]: round1Later });

    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Replace and restore' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Restored from the backup: 0 assessments added, 0 replaced, 1 already here unchanged. Questionnaires you were sent to answer: 1 added, 1 replaced, 0 already here unchanged.',
    );
    expect(useQuestionnaires.getState().questionnaires).toEqual({
      [round1Id]: answeredRound1,
      [round2Id]: openedRound2,
    });
  });

  it('says when the questionnaires in the backup are already here', async () => {
    const user = userEvent.setup();
    seedStore();
    useAssessments.getState().setStaleEvidenceDays(90);
    useQuestionnaires.setState({ questionnaires: { [round2Id]: openedRound2 } });
    render(<BackupPage />);
    await user.upload(
      screen.getByLabelText('Backup file'),
      fileOf(await backupText(withQuestionnaires(deviceWith(), openedRound2))),
    );
    expect(
      await screen.findByText('Everything in this backup is already on this device.'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Every questionnaire in the backup' })).getByText(
        'Already here, unchanged',
      ),
    ).toBeInTheDocument();
  });

  it('refuses a backup whose questionnaire was changed, naming it, and changes nothing', async () => {
    const user = userEvent.setup();
    seedStore();
    const text = (await backupText(withQuestionnaires(deviceWith(), openedRound2))).replace(
      '"name": "Ana Ruiz"',
      '"name": "Mallory"',
    );
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), fileOf(text));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The backup does not match its SHA-256 digest',
    );
    expect(useQuestionnaires.getState().questionnaires).toEqual({});
  });
});

describe('BackupPage: the groups of operating companies', () => {
  it('says how many groups it holds, and writes them', async () => {
    const user = userEvent.setup();
    seedStore(middle);
    useGroups.setState({ groups: { [northwind.id]: northwind, [southern.id]: southern } });
    render(<BackupPage />);
    expect(screen.getByText(/every group of operating companies \(2 groups\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Download the backup' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The backup (1 assessment, 2 groups and the settings) has been downloaded.',
    );
    const [[text] = []] = vi.mocked(downloadFile).mock.calls;
    const opened = await importBackupFile(String(text), set);
    expect(opened.ok && opened.value.groups).toEqual([northwind, southern]);
  });

  it('says in the preview how many groups the backup holds and what becomes of them, then restores them', async () => {
    const user = userEvent.setup();
    seedStore(middle);
    useAssessments.getState().setStaleEvidenceDays(90);
    const northwindHere = {
      ...northwind,
      name: 'Northwind (changed here)',
      updatedAt: '2026-12-01T00:00:00.000Z',
    };
    useGroups.setState({ groups: { [northwind.id]: northwindHere } });
    const text = await backupText(withGroups(deviceWith(middle), northwind, southern));
    render(<BackupPage />);
    await user.upload(screen.getByLabelText('Backup file'), fileOf(text));
    expect(
      await screen.findByText(
        "Groups of operating companies: 2 groups in the backup; 1 to add, 1 to replace (by the backup's name, members and weights; 1 changed here after the backup was made, and those changes will be lost), 0 already here unchanged.",
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Restored from the backup: 0 assessments added, 0 replaced, 1 already here unchanged. Groups of operating companies: 1 added, 1 replaced, 0 already here unchanged.',
    );
    await waitFor(() =>
      expect(useGroups.getState().groups).toEqual({
        [northwind.id]: northwind,
        [southern.id]: southern,
      }),
    );
  });

  it('says when the groups in the backup are already here', async () => {
    const user = userEvent.setup();
    seedStore();
    useAssessments.getState().setStaleEvidenceDays(90);
    useGroups.setState({ groups: { [southern.id]: southern } });
    render(<BackupPage />);
    await user.upload(
      screen.getByLabelText('Backup file'),
      fileOf(await backupText(withGroups(deviceWith(), southern))),
    );
    expect(
      await screen.findByText('Everything in this backup is already on this device.'),
    ).toBeInTheDocument();
  });
});
