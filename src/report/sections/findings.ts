import type { CellInput, RowInput, Styles } from 'jspdf-autotable';
import type { Answer } from '../../core/assessment/model.ts';
import { attributionLine } from '../../core/delegation/attribution.ts';
import { formatCoverage, formatRisk } from '../../core/format.ts';
import type { Question } from '../../core/questionSet/schema.ts';
import { answerStatus, type AnswerStatus } from '../../core/scoring/answerStatus.ts';
import { colours, contentWidth, page } from '../theme.ts';
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

/**
 * The evidence column: what shows the answer, when it was true (its evidence date, which the
 * stale-evidence flags read), and when it was typed or received if that was another day.
 */
function evidenceLines(writer: ReportWriter, id: string, answer: Answer | undefined): string[] {
  const dated = answer?.evidenceDate ? reportDate(answer.evidenceDate) : '';
  const entered =
    answer?.evidence && answer.evidenceEnteredAt ? reportDate(answer.evidenceEnteredAt) : '';
  return [
    writer.user(answer?.evidence, `the evidence of ${id}`),
    dated ? `Evidence date: ${dated}` : '',
    entered && entered !== dated ? `Entered ${entered}` : '',
  ].filter(Boolean);
}

/**
 * "Answered by Ana Ruiz (network operations) via questionnaire, 12 March 2026; merged by
 * J. Smith (lead), 14 March 2026", from the answer's history; nothing for an answer without one.
 */
function attribution(writer: ReportWriter, id: string, answer: Answer | undefined): string {
  const line = attributionLine(answer, reportDate);
  if (!line) return '';
  const text = writer.user(line, `the history of ${id}`);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
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

/** The widths of the findings table's columns but the last, the flag, which takes the rest. */
const columnWidths = [44, 116, 58, 88, 66, 68] as const;
const tableFontSize = 7;
const tablePadding = 3;

/** Whether a finding's row, with the table's head and its attribution's row, fits on one page. */
function fitsOnAPage(writer: ReportWriter, cells: readonly string[]): boolean {
  const widths = [...columnWidths, contentWidth - columnWidths.reduce((sum, w) => sum + w, 0)];
  writer.font(tableFontSize);
  const lines = Math.max(
    ...cells.map(
      (text, column) =>
        (writer.doc.splitTextToSize(text, (widths[column] ?? 0) - 2 * tablePadding) as string[])
          .length,
    ),
  );
  const height = lines * tableFontSize * writer.doc.getLineHeightFactor() + 2 * tablePadding;
  const headAndAttribution = 60;
  return height + headAndAttribution < page.height - page.top - page.bottom;
}

/** The attribution under a finding: smaller and muted, so the finding's own row leads. */
const attributionStyles: Partial<Styles> = {
  fontSize: 6.5,
  textColor: [...colours.muted],
  cellPadding: { top: 1.5, bottom: 2, left: 3, right: 3 },
};

export function drawFindings(writer: ReportWriter, content: ReportContent) {
  const { set, assessment, result } = content;
  writer.paragraph(
    'Every question with its answer as recorded by the assessors, the coverage (0 to 1) the answer gives, the evidence with its date (when it was true, and when it was entered if that was another day), and who owns the gap and by when; under an answer, who gave it, who last confirmed it as it is and who merged it in from a questionnaire, where Cellguard recorded that (merged means taken in, not checked). Flags: SCOPE (a scoping question, not scored), UNVERIFIED ("Don\'t know", counted as not in place), N/A (not applicable, with the reason in the note; for a critical control also the compensating control and who accepted the risk), N/A, NO COMPENSATING CONTROL (a critical control counted as a gap), NOT ANSWERED (counted as not in place), OUT OF SCOPE (hidden by a scoping answer, not counted), CARRIED OVER or TAKEN FROM another set (with its id and cycle), UNCONFIRMED (an answer of an earlier cycle or of the other set that nobody has confirmed in this one).',
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
      .flatMap((question): RowInput[] => {
        const answer = assessment.answers[question.id];
        const status = answerStatus(question, answer);
        const flag = hidden.has(question.id)
          ? 'OUT OF SCOPE'
          : question.kind === 'scope'
            ? 'SCOPE'
            : (flags[status] ?? '');
        const coverage = scored.get(question.id)?.coverage;
        const critical = question.kind === 'control' && question.critical ? ' (critical)' : '';
        const cells = [
          question.text,
          `${answerLabel(question, answer?.choice)}${coverage !== undefined && coverage !== null && question.kind === 'control' ? `\ncoverage ${formatCoverage(coverage)}` : ''}`,
          noteLines(writer, question.id, answer).join('\n'),
          evidenceLines(writer, question.id, answer).join('\n'),
          ownerLines(writer, question.id, answer).join('\n'),
          [flag, unconfirmedFlag(answer)].filter(Boolean).join('\n'),
        ];
        const id = `${question.id}${critical}`;
        const by = attribution(writer, question.id, answer);
        if (!by) return [[id, ...cells]];
        const attributed: CellInput = { content: by, colSpan: 6, styles: attributionStyles };
        // The id spans the attribution's row too, which keeps the two on one page; a finding
        // taller than a page is split across pages, which jspdf-autotable cannot do with a span.
        return fitsOnAPage(writer, [id, ...cells])
          ? [[{ content: id, rowSpan: 2 }, ...cells], [attributed]]
          : [
              [id, ...cells],
              ['', attributed],
            ];
      });
    writer.table({
      head: [['ID', 'Question', 'Answer', 'Note', 'Evidence', 'Owner and due', 'Flag']],
      body: rows,
      styles: { fontSize: tableFontSize, cellPadding: tablePadding },
      columnStyles: Object.fromEntries(
        columnWidths.map((cellWidth, column) => [column, { cellWidth }]),
      ),
    });
  }
}
