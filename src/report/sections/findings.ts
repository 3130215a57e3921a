import type { Answer } from '../../core/assessment/model.ts';
import { formatCoverage, formatRisk } from '../../core/format.ts';
import type { Question } from '../../core/questionSet/schema.ts';
import { answerStatus, type AnswerStatus } from '../../core/scoring/answerStatus.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import { reportDate, type ReportContent } from './content.ts';

function answerLabel(question: Question, choice: string | undefined): string {
  if (choice === undefined) return 'Not answered';
  if (choice === 'na') return 'Not applicable';
  if (choice === 'unknown') return "Don't know";
  return question.options.find((o) => o.id === choice)?.label ?? 'Not answered';
}

/** The note column: why the question does not apply, the assessors' note, and what stands in for a critical control. */
function noteLines(writer: ReportWriter, id: string, answer: Answer | undefined): string[] {
  if (answer === undefined) return [];
  const notApplicable = answer.choice === 'na';
  return [
    notApplicable && answer.naReason
      ? `Reason: ${writer.user(answer.naReason, `the not-applicable reason of ${id}`)}`
      : '',
    writer.user(answer.note, `the note of ${id}`),
    ...(notApplicable && (answer.compensatingControl || answer.riskAcceptedBy)
      ? [
          `Compensating control: ${writer.user(answer.compensatingControl, `the compensating control of ${id}`) || '—'}`,
          `Risk accepted by: ${writer.user(answer.riskAcceptedBy, `the risk owner of ${id}`) || '—'}`,
        ]
      : []),
  ].filter(Boolean);
}

/** The evidence column: what shows the answer and when it was gathered or last checked. */
function evidenceLines(writer: ReportWriter, id: string, answer: Answer | undefined): string[] {
  return [
    writer.user(answer?.evidence, `the evidence of ${id}`),
    answer?.evidenceDate ? `Evidence date: ${reportDate(answer.evidenceDate)}` : '',
  ].filter(Boolean);
}

/** The owner column: who closes the gap and by when. */
function ownerLines(writer: ReportWriter, id: string, answer: Answer | undefined): string[] {
  return [
    writer.user(answer?.owner, `the owner of ${id}`),
    answer?.due ? `Due ${reportDate(answer.due)}` : '',
  ].filter(Boolean);
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

export function drawFindings(writer: ReportWriter, content: ReportContent) {
  const { set, assessment, result } = content;
  writer.paragraph(
    'Every question with its answer as recorded by the assessors, the coverage (0 to 1) the answer gives, the evidence with its date, and who owns the gap and by when. Flags: SCOPE (a scoping question, not scored), UNVERIFIED ("Don\'t know", counted as not in place), N/A (not applicable, with the reason in the note; for a critical control also the compensating control and who accepted the risk), N/A, NO COMPENSATING CONTROL (a critical control counted as a gap), NOT ANSWERED (counted as not in place), OUT OF SCOPE (hidden by a scoping answer, not counted), CARRIED OVER or TAKEN FROM another set (with its id and cycle), UNCONFIRMED (an answer of an earlier cycle or of the other set that nobody has confirmed in this one).',
    { size: 9, colour: colours.muted },
  );
  const hidden = new Set(result.hidden);
  const scored = new Map(result.questions.map((q) => [q.questionId, q]));
  for (const domain of set.domains) {
    const risk = result.domains.find((d) => d.domainId === domain.id)?.risk;
    writer.heading(
      `${domain.title} — risk ${risk === null || risk === undefined ? 'n/a' : formatRisk(risk)}`,
      2,
      120,
    );
    const rows = set.questions
      .filter((q) => q.domain === domain.id)
      .map((question) => {
        const answer = assessment.answers[question.id];
        const status = answerStatus(question, answer);
        const flag = hidden.has(question.id)
          ? 'OUT OF SCOPE'
          : question.kind === 'scope'
            ? 'SCOPE'
            : (flags[status] ?? '');
        const coverage = scored.get(question.id)?.coverage;
        const critical = question.kind === 'control' && question.critical ? ' (critical)' : '';
        return [
          `${question.id}${critical}`,
          question.text,
          `${answerLabel(question, answer?.choice)}${coverage !== undefined && coverage !== null && question.kind === 'control' ? `\ncoverage ${formatCoverage(coverage)}` : ''}`,
          noteLines(writer, question.id, answer).join('\n'),
          evidenceLines(writer, question.id, answer).join('\n'),
          ownerLines(writer, question.id, answer).join('\n'),
          [flag, unconfirmedFlag(answer)].filter(Boolean).join('\n'),
        ];
      });
    writer.table({
      head: [['ID', 'Question', 'Answer', 'Note', 'Evidence', 'Owner and due', 'Flag']],
      body: rows,
      styles: { fontSize: 7, cellPadding: 3 },
      columnStyles: {
        0: { cellWidth: 44 },
        1: { cellWidth: 116 },
        2: { cellWidth: 58 },
        3: { cellWidth: 88 },
        4: { cellWidth: 66 },
        5: { cellWidth: 68 },
      },
    });
  }
}
