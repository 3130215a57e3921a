import { formatCoverage, formatRisk } from '../../core/format.ts';
import type { Question } from '../../core/questionSet/schema.ts';
import { answerStatus, type AnswerStatus } from '../../core/scoring/answerStatus.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

function answerLabel(question: Question, choice: string | undefined): string {
  if (choice === undefined) return 'Not answered';
  if (choice === 'na') return 'Not applicable';
  if (choice === 'unknown') return "Don't know";
  return question.options.find((o) => o.id === choice)?.label ?? 'Not answered';
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
    'Every question with its answer as recorded by the assessors, and the coverage (0 to 1) the answer gives. Flags: SCOPE (a scoping question, not scored), UNVERIFIED ("Don\'t know", counted as not in place), N/A (not applicable, with the reason as note; for a critical control also the compensating control and who accepted the risk), N/A, NO COMPENSATING CONTROL (a critical control counted as a gap), NOT ANSWERED (counted as not in place), OUT OF SCOPE (hidden by a scoping answer, not counted).',
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
        const compensation =
          answer?.choice === 'na' && (answer.compensatingControl || answer.riskAcceptedBy)
            ? `\nCompensating control: ${writer.user(answer.compensatingControl, `the compensating control of ${question.id}`) || '—'}\nRisk accepted by: ${writer.user(answer.riskAcceptedBy, `the risk owner of ${question.id}`) || '—'}`
            : '';
        return [
          `${question.id}${critical}`,
          question.text,
          `${answerLabel(question, answer?.choice)}${coverage !== undefined && coverage !== null && question.kind === 'control' ? `\ncoverage ${formatCoverage(coverage)}` : ''}`,
          `${writer.user(answer?.note, `the note of ${question.id}`)}${compensation}`,
          writer.user(answer?.evidence, `the evidence of ${question.id}`),
          flag,
        ];
      });
    writer.table({
      head: [['ID', 'Question', 'Answer', 'Note', 'Evidence', 'Flag']],
      body: rows,
      styles: { fontSize: 7, cellPadding: 3 },
      columnStyles: {
        0: { cellWidth: 44 },
        1: { cellWidth: 170 },
        2: { cellWidth: 62 },
        3: { cellWidth: 96 },
        4: { cellWidth: 68 },
      },
    });
  }
}
