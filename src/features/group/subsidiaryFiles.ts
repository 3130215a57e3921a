import { questionSets, setTitle } from '../../content/questionSets.ts';
import { cadenceConflict, sameAssessment } from '../../core/assessment/details.ts';
import { assessmentIdentity } from '../../core/assessment/identity.ts';
import type { Assessment } from '../../core/assessment/model.ts';
import { fileSizeProblem } from '../../core/assessment/parseFile.ts';
import { importAnyFile } from '../../core/delegation/files.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { describeProblem, type Problem } from '../../core/result.ts';
import type { Band } from '../../core/scoring/bands.ts';
import { score } from '../../core/scoring/score.ts';

/**
 * The subsidiaries' files a group office picks, opened with the import page's own code (size,
 * JSON, decryption, every check of the assessment contract), then compared with what this device
 * holds: nothing here changes anything; the page saves only what the user confirms.
 */

/** One picked file, as far as it could be opened. */
export type OpenedSubsidiaryFile =
  | { kind: 'assessment'; assessment: Assessment }
  /** Encrypted: waits for a passphrase; `problem` says why the last one did not open it. */
  | { kind: 'locked'; problem?: string }
  | { kind: 'refused'; reasons: string[] };

export interface PickedFile {
  name: string;
  /** The file's text, kept while it is locked so it can be tried with a passphrase. */
  text: string;
  opened: OpenedSubsidiaryFile;
}

/** More reasons than this for one file help nobody: the first ones say what is wrong. */
const reasonsShown = 3;

const notAnAssessment = {
  questionnaire:
    'This is a questionnaire sent to someone to answer, not a subsidiary’s assessment: open it with “Import a file” on the home page.',
  response:
    'This is the response to a questionnaire, not a subsidiary’s assessment: import it with “Import a file” on the home page.',
} as const;

const reasonsOf = (problems: readonly Problem[]) =>
  problems.slice(0, reasonsShown).map(describeProblem);

/**
 * Opens one file's text as the import page does (an encrypted one with the passphrase, when given).
 * Never throws.
 */
export async function openSubsidiaryText(
  text: string,
  passphrase?: string,
): Promise<OpenedSubsidiaryFile> {
  const opened = await importAnyFile(text, questionSets, passphrase);
  if (opened.ok) {
    const file = opened.value;
    return file.kind === 'assessment'
      ? { kind: 'assessment', assessment: file.parsed.assessment }
      : { kind: 'refused', reasons: [notAnAssessment[file.kind]] };
  }
  if (opened.problems.some((p) => p.code === 'needs-passphrase')) return { kind: 'locked' };
  if (opened.problems.some((p) => p.code === 'wrong-passphrase'))
    return { kind: 'locked', problem: opened.problems.map((p) => p.message).join(' ') };
  return { kind: 'refused', reasons: reasonsOf(opened.problems) };
}

/** Reads a picked file and opens it; one too large is refused by its size, before it is read. */
export async function openSubsidiaryFile(file: File): Promise<PickedFile> {
  const tooLarge = fileSizeProblem(file.size);
  if (tooLarge)
    return {
      name: file.name,
      text: '',
      opened: { kind: 'refused', reasons: reasonsOf([tooLarge]) },
    };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return {
      name: file.name,
      text: '',
      opened: { kind: 'refused', reasons: ['The browser could not read the file.'] },
    };
  }
  return { name: file.name, text, opened: await openSubsidiaryText(text) };
}

export interface Standing {
  risk: number;
  band: Band;
}

/** What confirming the import would do with one file. */
export type PreviewOutcome =
  | { kind: 'add'; after: Standing }
  | {
      kind: 'replace';
      existingId: string;
      /** When the copy on this device was last changed. */
      existingUpdatedAt: string;
      before: Standing;
      after: Standing;
    }
  /** The device holds this very version already: nothing to save, the member is still added. */
  | { kind: 'unchanged'; existingId: string }
  | { kind: 'other-set'; setTitle: string }
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'locked'; problem?: string };

export interface PreviewRow {
  name: string;
  /** Absent where the file could not be opened. */
  assessment?: Assessment;
  outcome: PreviewOutcome;
}

const standingOf = (set: QuestionSet, assessment: Assessment): Standing => {
  const { risk, band } = score(set, assessment);
  return { risk, band };
};

const sameVersion = (a: Assessment, b: Assessment) =>
  a.updatedAt === b.updatedAt && JSON.stringify(a.answers) === JSON.stringify(b.answers);

/**
 * What each opened file would do, in the order picked, against the assessments on this device
 * and the files before it: the store's rules (one assessment per organisation, scope, set and
 * cycle; one cadence per series) are applied here first so that the preview says what the save
 * will do, and a refusal is known before anything is kept.
 */
export function previewOf(
  files: readonly PickedFile[],
  set: QuestionSet,
  stored: readonly { id: string; assessment: Assessment }[],
): PreviewRow[] {
  /** The files before this one that will be kept, under ids of their own. */
  const taken: { id: string; assessment: Assessment; name: string }[] = [];
  return files.map((file, index): PreviewRow => {
    const { opened, name } = file;
    if (opened.kind === 'locked')
      return {
        name,
        outcome: opened.problem ? { kind: 'locked', problem: opened.problem } : { kind: 'locked' },
      };
    if (opened.kind === 'refused') return { name, outcome: opened };
    const { assessment } = opened;
    const row = (outcome: PreviewOutcome): PreviewRow => ({ name, assessment, outcome });
    if (assessment.questionSet.id !== set.id)
      return row({ kind: 'other-set', setTitle: setTitle(assessment.questionSet.id) });
    const twinInBatch = taken.find(
      (other) => assessmentIdentity(other.assessment) === assessmentIdentity(assessment),
    );
    if (twinInBatch)
      return row({
        kind: 'refused',
        reasons: [
          `The file “${twinInBatch.name}”, picked with it, holds the same organisation, scope and cycle; only that one is imported. Pick the one you want to keep on its own.`,
        ],
      });
    const existing = sameAssessment(stored, assessment);
    const conflict = cadenceConflict([...stored, ...taken], assessment, existing?.id);
    if (conflict) return row({ kind: 'refused', reasons: [conflict] });
    taken.push({ id: `picked-${index}`, assessment, name });
    if (!existing) return row({ kind: 'add', after: standingOf(set, assessment) });
    if (sameVersion(existing.assessment, assessment))
      return row({ kind: 'unchanged', existingId: existing.id });
    return row({
      kind: 'replace',
      existingId: existing.id,
      existingUpdatedAt: existing.assessment.updatedAt,
      before: standingOf(set, existing.assessment),
      after: standingOf(set, assessment),
    });
  });
}
