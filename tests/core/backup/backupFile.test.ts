import { describe, expect, it } from 'vitest';
import type { Answer, Assessment } from '../../../src/core/assessment/model.ts';
import { importAssessmentFile } from '../../../src/core/assessment/transfer.ts';
import { currentFormatVersion } from '../../../src/core/assessment/formatVersion.ts';
import { backupLimits } from '../../../src/core/backup/format.ts';
import {
  backupSizeProblem,
  importBackupFile,
  maxListedProblems,
} from '../../../src/core/backup/parse.ts';
import { exportBackupFile, serializeBackup } from '../../../src/core/backup/serialize.ts';
import { contentDigest } from '../../../src/core/integrity/digest.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import { loadShippedSet, loadShippedSets } from '../../support/shippedSet.ts';
import { fixtureAssessment, fixtureText } from '../../support/storeFixtures.ts';
import {
  answeredRound1,
  backupText,
  type BackupJson,
  deviceWith,
  northwind,
  openedRound2,
  resealed,
  sentQuestionnaires,
  southern,
  withGroups,
  withQuestionnaires,
} from './backupFiles.ts';

const set = loadShippedSet();
const createdAt = new Date('2026-11-26T10:00:00Z');

const middle = fixtureAssessment('middle-profile');
const unicode = fixtureAssessment('unicode-operator');
const victim = fixtureAssessment('soft-cell-victim');
const device = deviceWith(
  { assessment: middle, position: { view: 'step', domainId: 'CRD' } },
  { assessment: unicode, position: { view: 'review' } },
  victim,
);

async function opened(text: string, passphrase?: string) {
  const result = await importBackupFile(text, set, passphrase);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

async function refused(text: string, passphrase?: string) {
  const result = await importBackupFile(text, set, passphrase);
  if (result.ok) throw new Error('the backup was accepted');
  return result.problems;
}

describe('backup files: back up and restore', () => {
  it('round-trips every assessment, where its user was, and the settings', async () => {
    const text = await backupText(device, createdAt);
    const backup = await opened(text);
    expect(backup.createdAt).toBe('2026-11-26T10:00:00.000Z');
    expect(backup.settings).toEqual({ staleEvidenceDays: 90 });
    // Ordered by organisation, scope, set and cycle, whatever the device's order.
    expect(backup.entries).toEqual([
      { assessment: middle, position: { view: 'step', domainId: 'CRD' }, migrated: [] },
      { assessment: victim, position: { view: 'results' }, migrated: [] },
      { assessment: unicode, position: { view: 'review' }, migrated: [] },
    ]);
    const again = serializeBackup(
      deviceWith(...backup.entries.map(({ assessment, position }) => ({ assessment, position }))),
      createdAt,
    );
    expect(again).toBe(text);
  });

  it('holds each assessment exactly as its single export, and says what wrote it', async () => {
    const file = JSON.parse(await backupText(device, createdAt)) as {
      format: string;
      formatVersion: number;
      app: unknown;
      assessments: { assessment: unknown }[];
    };
    expect(file.format).toBe('cellguard-backup');
    expect(file.formatVersion).toBe(3);
    expect(file.app).toEqual({
      assessmentFormatVersion: currentFormatVersion,
      questionSets: [{ id: 'softcell', version: set.version }],
    });
    expect(file.assessments[0]?.assessment).toEqual(
      JSON.parse(await exportedFile(middle, createdAt)),
    );
  });

  it('holds assessments of every set, each restored with its own set and step', async () => {
    const network = fixtureAssessment('network-side');
    const both = deviceWith(victim, {
      assessment: network,
      position: { view: 'step', domainId: 'MPL' },
    });
    const text = await backupText(both, createdAt);
    // In the order of the entries: organisation, scope, then set.
    expect((JSON.parse(text) as { app: { questionSets: unknown[] } }).app.questionSets).toEqual([
      { id: 'comms-hardening', version: '1.0.0' },
      { id: 'softcell', version: set.version },
    ]);
    const restored = await importBackupFile(text, loadShippedSets());
    if (!restored.ok) throw new Error(JSON.stringify(restored.problems));
    expect(restored.value.entries.map((e) => [e.assessment.questionSet.id, e.position])).toEqual([
      ['comms-hardening', { view: 'step', domainId: 'MPL' }],
      ['softcell', { view: 'results' }],
    ]);
    // A Cellguard that ships only Soft Cell refuses the whole backup, naming the entry.
    const [problem] = await refused(text);
    expect(problem?.message).toMatch(/^Example Telecom \(victim profile\) · .*comms-hardening/);
  });

  it('encrypts with a passphrase in the envelope of single exports, and opens only with it', async () => {
    const text = await backupText(device, createdAt, 'correct horse battery staple');
    expect(JSON.parse(text)).toMatchObject({ format: 'cellguard-encrypted', formatVersion: 1 });
    expect(text).not.toContain('Северный');
    expect(text).not.toContain('Example Networks');
    expect((await refused(text)).map((p) => p.code)).toEqual(['needs-passphrase']);
    expect(await refused(text, 'wrong horse battery staple')).toEqual([
      {
        path: '',
        code: 'wrong-passphrase',
        message: 'The passphrase is wrong, or the file was changed after it was encrypted.',
      },
    ]);
    const backup = await opened(text, 'correct horse battery staple');
    expect(backup.entries.map((entry) => entry.assessment)).toEqual([middle, victim, unicode]);
  }, 20_000);

  it('refuses a damaged encrypted backup in plain words, without trying to open it', async () => {
    const envelope = JSON.parse(
      await backupText(device, createdAt, 'correct horse battery staple'),
    ) as { kdf: object; cipher: object };
    const damaged = 'The encrypted file is damaged or not in a form Cellguard can read.';
    for (const damage of [
      // base64 characters, but a length atob refuses
      { cipher: { ...envelope.cipher, iv: 'abcde' } },
      { kdf: { ...envelope.kdf, iterations: 1_000 } },
      { ciphertext: 'not base64!' },
    ]) {
      const text = JSON.stringify({ ...envelope, ...damage });
      expect(await refused(text, 'correct horse battery staple')).toEqual([
        { path: '', message: damaged },
      ]);
    }
  });

  it('refuses a passphrase shorter than 8 characters in plain words', async () => {
    expect(await exportBackupFile(device, createdAt, 'short')).toEqual({
      ok: false,
      problems: [{ path: 'passphrase', message: 'Choose a passphrase of at least 8 characters.' }],
    });
  });

  it('opens an encrypted backup far larger than one assessment file: 12 assessments of ~700 KB', async () => {
    // Few, long assessments: the size is what matters here, and each entry costs a full check.
    const note = 'Checked on site with the network team; see the change ticket. '.repeat(140);
    const answers: Record<string, Answer> = Object.fromEntries(
      set.questions.map((q) => [q.id, { choice: 'unknown', note, evidence: note.slice(0, 200) }]),
    );
    const many = Array.from({ length: 12 }, (_, index): Assessment => ({
      ...middle,
      scope: `Region ${index + 1}`,
      answers,
    }));
    const text = await backupText(deviceWith(...many), createdAt, 'correct horse battery staple');
    // The single-file envelope stops at 8,000,000 base64 characters; this is beyond it.
    expect(text.length).toBeGreaterThan(8_000_000);
    expect(text.length).toBeLessThan(backupLimits.maxBytes);
    const backup = await opened(text, 'correct horse battery staple');
    expect(backup.entries).toHaveLength(12);
    expect(backup.entries[0]?.assessment.answers).toEqual(answers);
  }, 60_000);

  it('refuses a file changed after it was made, but not one indented again', async () => {
    const text = await backupText(device, createdAt);
    const edited = text.replace('"owner": "SOC lead"', '"owner": "Nobody"');
    expect(edited).not.toBe(text);
    expect(await refused(edited)).toEqual([
      {
        path: 'integrity.digest',
        message:
          'The backup does not match its SHA-256 digest: it was changed or damaged after it was made. Make a new backup on the device it came from.',
      },
    ]);
    const settingsChanged = text.replace('"staleEvidenceDays": 90', '"staleEvidenceDays": 91');
    expect((await refused(settingsChanged))[0]?.path).toBe('integrity.digest');
    expect((await opened(JSON.stringify(JSON.parse(text), null, 4))).entries).toHaveLength(3);
    expect(await refused(text.slice(0, text.length / 2))).toEqual([
      {
        path: '',
        message:
          'The file is not a Cellguard backup: it is not JSON text, or it was cut off before its end.',
      },
    ]);
  });

  it('refuses the whole backup when one entry breaks a rule, naming it by organisation, scope and cycle', async () => {
    const text = resealed(await backupText(device, createdAt), (file) => {
      const answers = file.assessments[2]?.assessment.answers as Record<string, Answer>;
      answers['EXP-02'] = { choice: 'maybe' };
    });
    const problems = await refused(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('assessments[2].answers.EXP-02.choice');
    expect(problems[0]?.message).toMatch(
      /^ПАО «Северный Телеком» · Κεντρικό δίκτυο και OSS\/BSS · 2026-Q4 \(answers\.EXP-02\.choice\): "maybe" is not an answer to EXP-02; it accepts /,
    );
  });

  it('names an entry without a readable title by its place, and lists at most 20 problems', async () => {
    const nameless = resealed(await backupText(device, createdAt), (file) => {
      const entry = file.assessments[1]?.assessment;
      if (entry) delete entry.organisation;
    });
    expect(await refused(nameless)).toEqual([
      {
        path: 'assessments[1].organisation',
        message: 'Assessment 2 of the backup (organisation): is required',
        pageMessage: 'Assessment 2 of the backup: Organisation: is required',
      },
    ]);
    const everyAnswerWrong = resealed(await backupText(device, createdAt), (file) => {
      for (const { assessment } of file.assessments)
        for (const answer of Object.values(assessment.answers as Record<string, Answer>))
          answer.choice = 'maybe';
    });
    const problems = await refused(everyAnswerWrong);
    expect(problems).toHaveLength(maxListedProblems + 1);
    expect(problems.at(-1)?.message).toMatch(/^…and \d+ more problems\.$/);
  });

  it('refuses hostile entries before anything else reads them', async () => {
    // Deeper than the stack of a recursive walk: only the guard in front of the digest stops it.
    const depth = 200_000;
    const deep = (await backupText(device, createdAt)).replace(
      '"answers": {',
      `"deep": ${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}, "answers": {`,
    );
    const [problem] = await refused(deep);
    expect(problem?.path).toMatch(/^assessments\[0\]\.deep\.x/);
    expect(problem?.message).toMatch(
      /^Example Networks \(mid-journey profile\) · Mobile core and OSS\/BSS · 2026-Q4 \(deep\.x[.x]*\): is nested far deeper than an assessment file ever is$/,
    );

    const prototypeKey = (await backupText(device, createdAt)).replace(
      '"position": {',
      '"__proto__": { "polluted": true }, "position": {',
    );
    expect((await refused(prototypeKey))[0]?.message).toBe(
      'The backup\'s assessments[0]: has unknown field "__proto__"',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('migrates an entry answered under an older version of the questions, listing every change', async () => {
    const text = resealed(await backupText(device, createdAt), (file) => {
      const entry = file.assessments[0];
      if (entry) entry.assessment = JSON.parse(fixtureText('v1/middle-profile')) as never;
    });
    const [entry] = (await opened(text)).entries;
    expect(entry?.assessment.questionSet).toEqual({ id: 'softcell', version: set.version });
    expect(entry?.assessment.formatVersion).toBe(currentFormatVersion);
    expect(entry?.migrated.length).toBeGreaterThan(0);
    // Exactly what importing the same file on its own gives.
    const single = await importAssessmentFile(fixtureText('v1/middle-profile'), set);
    expect(
      single.ok && { assessment: single.value.assessment, migrated: single.value.migrated },
    ).toEqual({
      assessment: entry?.assessment,
      migrated: entry?.migrated,
    });
  });

  it('resumes at the first step when the saved step is no longer a domain of the set', async () => {
    const text = resealed(await backupText(device, createdAt), (file) => {
      const entry = file.assessments[0];
      if (entry) entry.position = { view: 'step', domainId: 'GONE' };
    });
    expect((await opened(text)).entries[0]?.position).toEqual({
      view: 'step',
      domainId: set.domains[0]?.id,
    });
  });

  it('says once that a newer Cellguard made the backup, instead of once per entry', async () => {
    const text = resealed(await backupText(device, createdAt), (file) => {
      file.app = {
        assessmentFormatVersion: 4,
        questionSets: [{ id: 'softcell', version: '3.0.0' }],
      };
      for (const { assessment } of file.assessments)
        assessment.questionSet = { id: 'softcell', version: '3.0.0' };
    });
    expect(await refused(text)).toEqual([
      {
        path: 'app',
        message: `The backup was made by a newer Cellguard: its assessments answer softcell 3.0.0, and this one has ${set.version}. Update Cellguard on this device, then restore.`,
      },
    ]);
    const newerFormat = resealed(await backupText(device, createdAt), (file) => {
      file.formatVersion = 4;
    });
    expect((await refused(newerFormat))[0]?.message).toBe(
      'The backup was made by a newer Cellguard (backup format 4); this version reads formats up to 3. Update Cellguard on this device, then restore.',
    );
  });

  it('points a single assessment file to "Import a file", and refuses other JSON', async () => {
    expect(await refused(await exportedFile(middle, createdAt))).toEqual([
      {
        path: 'format',
        message:
          'This is the file of a single assessment, not a backup: open it with "Import a file" instead.',
      },
    ]);
    expect((await refused('{"format":"other"}'))[0]?.message).toBe(
      'This is not a Cellguard backup file (expected format "cellguard-backup").',
    );
    expect((await refused('[1, 2]'))[0]?.message).toBe(
      'The file does not contain a Cellguard backup (expected a JSON object).',
    );
  });

  it('refuses a file over the size limit before parsing it, and a backup with too many entries', async () => {
    expect(backupSizeProblem(backupLimits.maxBytes)).toBeUndefined();
    expect(backupSizeProblem(backupLimits.maxBytes + 1)?.message).toBe(
      'The file is 50.0 MB; a Cellguard backup is never larger than 50 MB.',
    );
    expect(await refused(' '.repeat(backupLimits.maxBytes + 1))).toEqual([
      backupSizeProblem(backupLimits.maxBytes + 1),
    ]);
    const crowded = resealed(await backupText(device, createdAt), (file) => {
      const [first] = file.assessments;
      if (first)
        file.assessments = Array.from({ length: backupLimits.maxAssessments + 1 }, () => first);
    });
    expect(await refused(crowded)).toEqual([
      {
        path: 'assessments',
        message:
          "The backup's assessments: holds more than 1,000 assessments, more than a backup can",
      },
    ]);
  });
});

describe('backup files: the questionnaires a user was sent to answer', () => {
  const ana = withQuestionnaires(device, openedRound2, answeredRound1);
  const round1Name =
    'Questions from J. Smith · Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4';

  /** A backup of `ana` changed by `edit`; only the whole file's digest is made again. */
  const edited = async (edit: (file: BackupJson) => void) =>
    resealed(await backupText(ana, createdAt), edit);

  it('round-trips each questionnaire as received, with its answers and dates', async () => {
    const text = await backupText(ana, createdAt);
    const file = JSON.parse(text) as BackupJson;
    expect(file.formatVersion).toBe(3);
    // The file as received, the lead's digest included; round 1 before round 2.
    expect(file.questionnaires?.map((entry) => entry.questionnaire)).toEqual([
      JSON.parse(sentQuestionnaires.round1.text),
      JSON.parse(sentQuestionnaires.round2.text),
    ]);
    const backup = await opened(text);
    expect(backup.questionnaires).toEqual([answeredRound1, openedRound2]);
    expect(backup.entries).toHaveLength(3);
    // The same data gives the same file.
    expect(serializeBackup(withQuestionnaires(device, ...backup.questionnaires), createdAt)).toBe(
      text,
    );
    // Inside the encryption too.
    const sealed = await backupText(ana, createdAt, 'correct horse battery staple');
    expect(sealed).not.toContain('Ana Ruiz');
    expect((await opened(sealed, 'correct horse battery staple')).questionnaires).toEqual(
      backup.questionnaires,
    );
  }, 20_000);

  it('still restores a version 1 backup, which holds no questionnaires', async () => {
    const text = await edited((file) => {
      file.formatVersion = 1;
      delete file.questionnaires;
      delete file.groups;
    });
    const backup = await opened(text);
    expect(backup.entries.map((entry) => entry.assessment)).toEqual([middle, victim, unicode]);
    expect(backup.questionnaires).toEqual([]);
    // Version 1 knows no questionnaires; version 2 requires them.
    const v1WithQuestionnaires = await edited((file) => {
      file.formatVersion = 1;
      delete file.groups;
    });
    expect(await refused(v1WithQuestionnaires)).toEqual([
      { path: '', message: 'The backup: has unknown field "questionnaires"' },
    ]);
    const v2Without = await edited((file) => {
      file.formatVersion = 2;
      delete file.questionnaires;
      delete file.groups;
    });
    expect(await refused(v2Without)).toEqual([
      { path: 'questionnaires', message: "The backup's questionnaires: is required" },
    ]);
  });

  it("covers the questionnaires with the whole file's digest", async () => {
    const text = await backupText(ana, createdAt);
    const changed = text.replace('"naReason": "No web tier of our own"', '"naReason": "None"');
    expect(changed).not.toBe(text);
    expect((await refused(changed))[0]?.path).toBe('integrity.digest');
  });

  it('refuses a questionnaire changed inside a re-digested backup, naming it in plain words', async () => {
    const text = await edited((file) => {
      const questions = file.questionnaires?.[0]?.questionnaire.questions as { text: string }[];
      if (questions[0]) questions[0].text = 'Is everything fine?';
    });
    expect(await refused(text)).toEqual([
      {
        path: 'questionnaires[0].questionnaire.integrity.digest',
        message: `${round1Name} (questionnaire.integrity.digest): The questionnaire does not match its SHA-256 digest: it was changed or damaged after Cellguard wrote it. Ask for the file again.`,
        pageMessage: `${round1Name}: The questionnaire does not match its SHA-256 digest: it was changed or damaged after Cellguard wrote it. Ask for the file again.`,
      },
    ]);
  });

  it('refuses answers a questionnaire does not allow, even with every digest made again', async () => {
    const text = await edited((file) => {
      const entry = file.questionnaires?.[0];
      if (!entry) return;
      entry.answers['EXP-01'] = { choice: 'maybe', answeredAt: '2026-03-11T08:05:00.000Z' };
      entry.answers['EXP-03'] = { owner: 'Ana', answeredAt: '2026-03-11T08:05:00.000Z' };
      entry.answers['EXP-04'] = { evidenceDate: '2026-02-30', answeredAt: 'yesterday' };
      entry.answers['SEG-01'] = { choice: 'yes', answeredAt: '2026-03-11T08:05:00.000Z' };
      // A lead's questionnaire made again, digest and all, by hand: its own rules still hold.
      const round2 = file.questionnaires?.[1]?.questionnaire;
      if (round2) {
        round2.round = 0;
        (round2.integrity as { digest: string }).digest = contentDigest(round2);
      }
      entry.openedAt = 'last week';
    });
    const problems = await refused(text);
    expect(problems.map((problem) => problem.path)).toEqual([
      'questionnaires[0].openedAt',
      'questionnaires[1].questionnaire.round',
    ]);
    expect(problems[0]?.pageMessage).toBe(
      `${round1Name}: The date it was opened: must be a date and time such as 2026-11-26T10:00:00Z`,
    );
    const answersOnly = await edited((file) => {
      const entry = file.questionnaires?.[0];
      if (!entry) return;
      entry.answers['EXP-01'] = { choice: 'maybe', answeredAt: '2026-03-11T08:05:00.000Z' };
      entry.answers['EXP-03'] = { owner: 'Ana', answeredAt: '2026-03-11T08:05:00.000Z' };
      entry.answers['EXP-04'] = {
        evidenceDate: '2026-02-30',
        answeredAt: '2026-03-11T08:05:00.000Z',
      };
      entry.answers['SEG-01'] = { choice: 'yes', answeredAt: '2026-03-11T08:05:00.000Z' };
    });
    const answerProblems = await refused(answersOnly);
    expect(answerProblems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${escape(round1Name)} \\(answers\\.EXP-01\\.choice\\): "maybe" is not an answer to EXP-01; it accepts "`,
        ),
      ),
      `${round1Name} (answers.EXP-03): has unknown field "owner"`,
      `${round1Name} (answers.EXP-04.evidenceDate): must be a real date written YYYY-MM-DD`,
      `${round1Name} (answers.SEG-01): answers a question the questionnaire does not ask`,
    ]);
    expect(answerProblems[0]?.pageMessage).toMatch(
      new RegExp(`^${escape(round1Name)}: Question EXP-01, answer: "maybe" is not an answer`),
    );
  });

  it('refuses a questionnaire held twice, an entry that is not one, and too many', async () => {
    const twice = await edited((file) => {
      const [first] = file.questionnaires ?? [];
      if (first) file.questionnaires?.push(first);
    });
    expect(await refused(twice)).toEqual([
      expect.objectContaining({
        path: 'questionnaires[2].questionnaire.questionnaireId',
        message: `${round1Name} (questionnaire.questionnaireId): The backup holds this questionnaire twice (also as questionnaire 1); Cellguard never writes such a backup.`,
      }),
    ]);
    const notOne = await edited((file) => {
      file.questionnaires = [{ questionnaire: { format: 'cellguard-response' }, answers: {} }];
    });
    expect((await refused(notOne)).map((problem) => problem.message)).toEqual([
      'Questionnaire 1 of the backup (openedAt): is required',
      'Questionnaire 1 of the backup (updatedAt): is required',
    ]);
    const aResponse = await edited((file) => {
      const [first] = file.questionnaires ?? [];
      if (first) first.questionnaire.format = 'cellguard-response';
    });
    expect((await refused(aResponse))[0]?.message).toBe(
      `${round1Name} (questionnaire.format): This is a response to a questionnaire: the lead who sent the questionnaire imports it.`,
    );
    const crowded = await edited((file) => {
      file.questionnaires = Array.from({ length: backupLimits.maxQuestionnaires + 1 }, () => ({
        questionnaire: {},
        answers: {},
      }));
    });
    expect(await refused(crowded)).toEqual([
      {
        path: 'questionnaires',
        message:
          "The backup's questionnaires: holds more than 1,000 questionnaires, more than a backup can",
      },
    ]);
  });

  it('refuses a hostile questionnaire before its digest is computed', async () => {
    const depth = 200_000;
    const deep = (await backupText(ana, createdAt)).replace(
      '"openedAt": "2026-03-11T08:00:00.000Z"',
      `"deep": ${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}, "openedAt": "2026-03-11T08:00:00.000Z"`,
    );
    const [problem] = await refused(deep);
    expect(problem?.path).toMatch(/^questionnaires\[0\]\.deep\.x/);
    expect(problem?.message).toMatch(
      new RegExp(
        `^${escape(round1Name)} \\(deep\\.x[.x]*\\): is nested far deeper than a questionnaire ever is$`,
      ),
    );
    // Once made the parser throw: the words for the field were looked up on an object.
    const prototypeKey = (await backupText(ana, createdAt)).replace(
      '"openedAt": "2026-03-11T08:00:00.000Z"',
      '"__proto__": 1, "openedAt": "2026-03-11T08:00:00.000Z"',
    );
    expect(await refused(prototypeKey)).toEqual([
      {
        path: 'questionnaires[0].__proto__',
        message: `${round1Name} (__proto__): uses the reserved name "__proto__", which is never valid here`,
        pageMessage: `${round1Name}: __proto__: uses the reserved name "__proto__", which is never valid here`,
      },
    ]);
  });
});

describe('backup files: the groups of operating companies a group office keeps', () => {
  const office = withGroups(withQuestionnaires(device, answeredRound1), northwind, southern);

  /** A backup of `office` changed by `edit`; only the whole file's digest is made again. */
  const edited = async (edit: (file: BackupJson) => void) =>
    resealed(await backupText(office, createdAt), edit);

  it('round-trips every group, ordered by name, beside the assessments and questionnaires', async () => {
    const text = await backupText(office, createdAt);
    const file = JSON.parse(text) as BackupJson;
    expect(file.formatVersion).toBe(3);
    // By name in code-point order: Latin before Hebrew, whatever the device's order.
    expect(file.groups?.map((group) => group.name)).toEqual(['Northwind Group', 'קבוצת הדרום']);
    // A member without a weight holds no weight field.
    expect(file.groups?.[0]?.members).toEqual(northwind.members);
    const backup = await opened(text);
    expect(backup.groups).toEqual([northwind, southern]);
    expect(backup.questionnaires).toEqual([answeredRound1]);
    expect(backup.entries).toHaveLength(3);
    // The same data gives the same file.
    expect(serializeBackup(withGroups(office, ...backup.groups.reverse()), createdAt)).toBe(text);
    // Inside the encryption too, names and all.
    const sealed = await backupText(office, createdAt, 'correct horse battery staple');
    expect(sealed).not.toContain('Northwind');
    expect((await opened(sealed, 'correct horse battery staple')).groups).toEqual([
      northwind,
      southern,
    ]);
  }, 20_000);

  it('still restores version 1 and 2 backups, which hold no groups, and requires them in version 3', async () => {
    const v2 = await edited((file) => {
      file.formatVersion = 2;
      delete file.groups;
    });
    const backup = await opened(v2);
    expect(backup.groups).toEqual([]);
    expect(backup.questionnaires).toEqual([answeredRound1]);
    const v1 = await edited((file) => {
      file.formatVersion = 1;
      delete file.questionnaires;
      delete file.groups;
    });
    expect((await opened(v1)).groups).toEqual([]);
    const v2WithGroups = await edited((file) => {
      file.formatVersion = 2;
    });
    expect(await refused(v2WithGroups)).toEqual([
      { path: '', message: 'The backup: has unknown field "groups"' },
    ]);
    const v3Without = await edited((file) => {
      delete file.groups;
    });
    expect(await refused(v3Without)).toEqual([
      { path: 'groups', message: "The backup's groups: is required" },
    ]);
  });

  it("covers the groups with the whole file's digest", async () => {
    const text = await backupText(office, createdAt);
    const changed = text.replace('"weight": 12.5', '"weight": 1');
    expect(changed).not.toBe(text);
    expect((await refused(changed))[0]?.path).toBe('integrity.digest');
  });

  it('refuses a group that breaks its rules in a re-digested backup, naming it and the member in plain words', async () => {
    const text = await edited((file) => {
      const [group] = file.groups ?? [];
      if (!group) return;
      const members = group.members as Record<string, unknown>[];
      members[0] = { ...members[0], weight: -2 };
      members.push({
        organisation: ' example networks (MID-JOURNEY profile)',
        scope: 'Mobile core and OSS/BSS',
      });
      group.staleAfterDays = 0;
      group.owner = 'Group CISO';
    });
    const problems = await refused(text);
    expect(problems).toEqual([
      {
        path: 'groups[0].members[0].weight',
        message:
          'Group "Northwind Group" (members[0].weight): must be a number greater than 0 (the member counts equally without one)',
        pageMessage:
          'Group "Northwind Group": Member 1, its weight: must be a number greater than 0 (the member counts equally without one)',
      },
      {
        path: 'groups[0].members[2]',
        message:
          'Group "Northwind Group" (members[2]): names the same organisation and scope as member 1; a group holds each once',
        pageMessage:
          'Group "Northwind Group": Member 3: names the same organisation and scope as member 1; a group holds each once',
      },
      {
        path: 'groups[0].staleAfterDays',
        message: 'Group "Northwind Group" (staleAfterDays): must be at least 1 day',
        pageMessage:
          'Group "Northwind Group": The age after which a member is stale: must be at least 1 day',
      },
      {
        path: 'groups[0]',
        message: 'Group "Northwind Group": has unknown field "owner"',
        pageMessage: 'Group "Northwind Group": has unknown field "owner"',
      },
    ]);
    const repeated = await edited((file) => {
      const members = file.groups?.[0]?.members as Record<string, unknown>[];
      members.push({
        organisation: ' example networks (MID-JOURNEY profile)',
        scope: 'Mobile core and OSS/BSS ',
      });
    });
    expect((await refused(repeated))[0]?.pageMessage).toBe(
      'Group "Northwind Group": Member 3: names the same organisation and scope as member 1; a group holds each once',
    );
  });

  it('refuses a group held twice, one without a name or id, and too many', async () => {
    const twice = await edited((file) => {
      const [first] = file.groups ?? [];
      if (first) file.groups?.push({ ...first, name: 'Northwind again' });
    });
    expect(await refused(twice)).toEqual([
      expect.objectContaining({
        path: 'groups[2].id',
        message:
          'Group "Northwind again" (id): The backup holds this group twice (also as group 1); Cellguard never writes such a backup.',
      }),
    ]);
    const nameless = await edited((file) => {
      file.groups = [{ ...file.groups?.[1], name: '  ', id: 'NOT-HEX' }];
    });
    expect((await refused(nameless)).map((problem) => problem.message)).toEqual([
      'Group 1 of the backup (id): must be 12 hexadecimal digits',
      'Group 1 of the backup (name): must not be empty',
    ]);
    const crowded = await edited((file) => {
      file.groups = Array.from({ length: backupLimits.maxGroups + 1 }, () => ({}));
    });
    expect(await refused(crowded)).toEqual([
      {
        path: 'groups',
        message: "The backup's groups: holds more than 1,000 groups, more than a backup can",
      },
    ]);
  });

  it('refuses a hostile group before its digest is computed', async () => {
    const depth = 200_000;
    const deep = (await backupText(office, createdAt)).replace(
      '"staleAfterDays": 180',
      `"deep": ${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}, "staleAfterDays": 180`,
    );
    const [problem] = await refused(deep);
    expect(problem?.path).toMatch(/^groups\[0\]\.deep\.x/);
    expect(problem?.message).toMatch(
      /^Group "Northwind Group" \(deep\.x[.x]*\): is nested far deeper than a group ever is$/,
    );
    const prototypeKey = (await backupText(office, createdAt)).replace(
      '"staleAfterDays": 180',
      '"__proto__": { "polluted": true }, "staleAfterDays": 180',
    );
    expect((await refused(prototypeKey))[0]?.message).toBe(
      'Group "Northwind Group" (__proto__): uses the reserved name "__proto__", which is never valid here',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** A text to match literally inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
