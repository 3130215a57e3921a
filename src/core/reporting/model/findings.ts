import type { Answer } from '../../assessment/model.ts';
import { attributionLine } from '../../delegation/attribution.ts';
import { formatCoverage, formatRisk } from '../../format.ts';
import type { Question } from '../../questionSet/schema.ts';
import { answerStatus, type AnswerStatus } from '../../scoring/answerStatus.ts';
import { heading, paragraph } from './blocks.ts';
import type { ReportContent } from './content.ts';
import { reportDate } from './dates.ts';
import type { Block, Cell, TableRow } from './model.ts';
import { capitalised, text, user, type Text } from './text.ts';

function answerLabel(question: Question, choice: string | undefined): string {
  if (choice === undefined) return 'Not answered';
  if (choice === 'na') return 'Not applicable';
  if (choice === 'unknown') return "Don't know";
  return question.options.find((o) => o.id === choice)?.label ?? 'Not answered';
}

/** Drops the empty lines of a cell. */
const lines = (...candidates: (Text | false | undefined)[]): Cell =>
  candidates.filter((line): line is Text => Array.isArray(line) && line.length > 0);

/** The note column: why the question does not apply, the assessors' note, and what stands in for a critical control. */
function noteCell(id: string, answer: Answer | undefined): Cell {
  if (answer === undefined) return [];
  const notApplicable = answer.choice === 'na';
  const compensated = notApplicable && (!!answer.compensatingControl || !!answer.riskAcceptedBy);
  return lines(
    notApplicable &&
      !!answer.naReason &&
      text`Reason: ${user(answer.naReason, `the not-applicable reason of ${id}`)}`,
    !!answer.note && [user(answer.note, `the note of ${id}`)],
    compensated &&
      (answer.compensatingControl
        ? text`Compensating control: ${user(answer.compensatingControl, `the compensating control of ${id}`)}`
        : ['Compensating control: —']),
    compensated &&
      (answer.riskAcceptedBy
        ? text`Risk accepted by: ${user(answer.riskAcceptedBy, `the risk owner of ${id}`)}`
        : ['Risk accepted by: —']),
  );
}

/**
 * The evidence column: what shows the answer, when it was true (its evidence date, which the
 * stale-evidence flags read), and when it was typed or received if that was another day.
 */
function evidenceCell(id: string, answer: Answer | undefined): Cell {
  const dated = answer?.evidenceDate ? reportDate(answer.evidenceDate) : '';
  const entered =
    answer?.evidence && answer.evidenceEnteredAt ? reportDate(answer.evidenceEnteredAt) : '';
  return lines(
    !!answer?.evidence && [user(answer.evidence, `the evidence of ${id}`)],
    !!dated && [`Evidence date: ${dated}`],
    !!entered && entered !== dated && [`Entered ${entered}`],
  );
}

/** The owner column: who closes the gap and by when. */
function ownerCell(id: string, answer: Answer | undefined): Cell {
  return lines(
    !!answer?.owner && [user(answer.owner, `the owner of ${id}`)],
    !!answer?.due && [`Due ${reportDate(answer.due)}`],
  );
}

/** Which answers the reader must not take as this cycle's: where each came from. */
function unconfirmedFlag(answer: Answer | undefined): string {
  if (!answer?.carriedOver) return '';
  return answer.takenFrom
    ? `TAKEN FROM ${answer.takenFrom.set} ${answer.takenFrom.cycle}, UNCONFIRMED`
    : 'CARRIED OVER, UNCONFIRMED';
}

const flags: Partial<Record<AnswerStatus, string>> = {
  unknown: 'UNVERIFIED',
  na: 'N/A',
  unanswered: 'NOT ANSWERED',
  'na-without-reason': 'NOT ANSWERED',
  'na-uncompensated': 'N/A, NO COMPENSATING CONTROL',
};

export const findingsIntroduction =
  'Every question with its answer as recorded by the assessors, the coverage (0 to 1) the answer gives, the evidence with its date (when it was true, and when it was entered if that was another day), and who owns the gap and by when; under an answer, who gave it, who last confirmed it as it is and who merged it in from a questionnaire, where Cellguard recorded that (merged means taken in, not checked). Flags: SCOPE (a scoping question, not scored), UNVERIFIED ("Don\'t know", counted as not in place), N/A (not applicable, with the reason in the note; for a critical control also the compensating control and who accepted the risk), N/A, NO COMPENSATING CONTROL (a critical control counted as a gap), NOT ANSWERED (counted as not in place), OUT OF SCOPE (hidden by a scoping answer, not counted), CARRIED OVER or TAKEN FROM another set (with its id and cycle), UNCONFIRMED (an answer of an earlier cycle or of the other set that nobody has confirmed in this one).';

/** Every question of every domain with its answer, note, evidence, owner and flags. */
export function findingsBlocks(content: ReportContent): Block[] {
  const { set, assessment, result } = content;
  const hidden = new Set(result.hidden);
  const scored = new Map(result.questions.map((q) => [q.questionId, q]));
  const blocks: Block[] = [paragraph('note', findingsIntroduction)];
  for (const domain of set.domains) {
    const risk = result.domains.find((d) => d.domainId === domain.id)?.risk;
    blocks.push(
      heading(
        2,
        `${domain.title} — risk ${risk === null || risk === undefined ? 'n/a' : formatRisk(risk)}`,
        120,
      ),
    );
    const rows = set.questions
      .filter((q) => q.domain === domain.id)
      .map((question): TableRow => {
        const answer = assessment.answers[question.id];
        const status = answerStatus(question, answer);
        const flag = hidden.has(question.id)
          ? 'OUT OF SCOPE'
          : question.kind === 'scope'
            ? 'SCOPE'
            : (flags[status] ?? '');
        const coverage = scored.get(question.id)?.coverage;
        const critical = question.kind === 'control' && question.critical ? ' (critical)' : '';
        const attribution = attributionLine(answer, reportDate);
        return {
          cells: [
            [[`${question.id}${critical}`]],
            [[question.text]],
            lines(
              [answerLabel(question, answer?.choice)],
              coverage !== undefined &&
                coverage !== null &&
                question.kind === 'control' && [`coverage ${formatCoverage(coverage)}`],
            ),
            noteCell(question.id, answer),
            evidenceCell(question.id, answer),
            ownerCell(question.id, answer),
            lines(!!flag && [flag], !!unconfirmedFlag(answer) && [unconfirmedFlag(answer)]),
          ],
          ...(attribution
            ? { attribution: capitalised([user(attribution, `the history of ${question.id}`)]) }
            : {}),
        };
      });
    blocks.push({
      kind: 'table',
      role: 'findings',
      head: [['ID'], ['Question'], ['Answer'], ['Note'], ['Evidence'], ['Owner and due'], ['Flag']],
      rows,
    });
  }
  return blocks;
}
