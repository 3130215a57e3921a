import { serializeAssessmentFile } from '../assessment/exportFile.ts';
import { currentFormatVersion } from '../assessment/formatVersion.ts';
import { assessmentIdentity } from '../assessment/identity.ts';
import { sealText } from '../crypto/passphrase.ts';
import { contentDigest } from '../integrity/digest.ts';
import { succeed, type Result } from '../result.ts';
import { assessmentTitle } from '../text.ts';
import type { ResponseAnswer } from '../delegation/schema.ts';
import type { Group } from '../group/model.ts';
import {
  backupFormat,
  backupFormatVersion,
  type BackupQuestionnaire,
  type BackupSource,
} from './format.ts';

/** The digest a backup must carry: over everything but the integrity block itself. */
export const backupDigest = contentDigest;

/** An answer's fields, in the order a backup writes them. */
const answerFields = [
  'choice',
  'note',
  'naReason',
  'evidence',
  'evidenceDate',
  'compensatingControl',
  'answeredAt',
] as const satisfies readonly (keyof ResponseAnswer)[];

/**
 * A questionnaire's answers in the order of its questions, each answer's fields in one order:
 * the same answers give the same text, however the store or a restore ordered them.
 */
const orderedAnswers = ({ questionnaire, answers }: BackupQuestionnaire) =>
  Object.fromEntries(
    questionnaire.questions.flatMap(({ id }) => {
      const answer = answers[id];
      if (!answer) return [];
      return [
        [
          id,
          Object.fromEntries(
            answerFields.flatMap((field) =>
              answer[field] === undefined ? [] : [[field, answer[field]]],
            ),
          ),
        ],
      ];
    }),
  );

/** A group with only the fields the format knows, each in one order, whatever the store keeps. */
const groupFields = ({
  id,
  name,
  setId,
  members,
  staleAfterDays,
  createdAt,
  updatedAt,
}: Group) => ({
  id,
  name,
  setId,
  members: members.map(({ organisation, scope, weight }) => ({
    organisation,
    scope,
    ...(weight === undefined ? {} : { weight }),
  })),
  staleAfterDays,
  createdAt,
  updatedAt,
});

/**
 * Every assessment, questionnaire and group on the device and the settings as one backup file's
 * text. Each entry is the single export of its assessment, so that it is read back by the same
 * checks as an imported file, and each questionnaire the file as received; assessments are ordered
 * by organisation, scope, set and cycle, questionnaires by their assessment, round and id, groups
 * by name and id, so that the same data gives the same file.
 */
export function serializeBackup(source: BackupSource, createdAt: Date): string {
  // Code-point order, not the locale's: the same on every machine.
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const stored = Object.values(source.assessments).sort(
    (a, b) =>
      byCodePoint(assessmentIdentity(a.assessment), assessmentIdentity(b.assessment)) ||
      byCodePoint(a.assessment.createdAt, b.assessment.createdAt),
  );
  const questionnaires = Object.values(source.questionnaires).sort(
    ({ questionnaire: a }, { questionnaire: b }) =>
      byCodePoint(assessmentTitle(a.assessment), assessmentTitle(b.assessment)) ||
      a.round - b.round ||
      byCodePoint(a.questionnaireId, b.questionnaireId),
  );
  const groups = Object.values(source.groups).sort(
    (a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id),
  );
  const questionSets = new Map(
    stored.map(({ assessment: { questionSet } }) => [
      `${questionSet.id}@${questionSet.version}`,
      { id: questionSet.id, version: questionSet.version },
    ]),
  );
  const content = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    createdAt: createdAt.toISOString(),
    app: {
      assessmentFormatVersion: currentFormatVersion,
      questionSets: [...questionSets.values()],
    },
    settings: { staleEvidenceDays: source.settings.staleEvidenceDays },
    assessments: stored.map(({ assessment, position }) => ({
      assessment: JSON.parse(serializeAssessmentFile(assessment, createdAt)) as unknown,
      // Only the fields the format knows, whatever else a later store may keep beside them.
      position:
        position.view === 'step'
          ? { view: position.view, domainId: position.domainId }
          : { view: position.view },
    })),
    // The questionnaire exactly as received, its digest included; only the fields the format knows.
    questionnaires: questionnaires.map((entry) => ({
      questionnaire: entry.questionnaire,
      answers: orderedAnswers(entry),
      openedAt: entry.openedAt,
      updatedAt: entry.updatedAt,
      ...(entry.respondedAt ? { respondedAt: entry.respondedAt } : {}),
    })),
    groups: groups.map(groupFields),
  };
  const integrity = {
    algorithm: 'SHA-256',
    digest: backupDigest(content),
    exportedAt: createdAt.toISOString(),
  };
  return `${JSON.stringify({ ...content, integrity }, null, 2)}\n`;
}

/** The backup file's text, encrypted when a passphrase is given. Never throws. */
export async function exportBackupFile(
  source: BackupSource,
  createdAt: Date,
  passphrase?: string,
): Promise<Result<string>> {
  const text = serializeBackup(source, createdAt);
  return passphrase ? sealText(text, passphrase) : succeed(text);
}
