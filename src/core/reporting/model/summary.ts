import { changesSummary } from '../../comparison/answerChanges.ts';
import { formatPoints, formatRisk, horizonSpan } from '../../format.ts';
import type { ProgrammeSummary } from '../../planning/plan.ts';
import { bandLabel } from '../../scoring/bands.ts';
import { listJoin, plural, signed } from '../../text.ts';
import { bullets, heading, paragraph } from './blocks.ts';
import type { ReportContent } from './content.ts';
import { headlineOf } from './cover.ts';
import type { Block } from './model.ts';
import { statusLines } from './status.ts';
import { text, user } from './text.ts';

/** Why a programme sits where it does in the list management reads. */
const programmeGroup = (programme: ProgrammeSummary) =>
  programme.assumeBreach
    ? 'Look for an intruder first'
    : programme.criticalActions > 0
      ? 'Closes a critical gap'
      : '';

export function summaryBlocks(content: ReportContent): Block[] {
  const { result, plan, assessment, comparison, statements, set } = content;
  const blocks: Block[] = [
    headlineOf(content),
    ...statusLines(content),
    paragraph('statement', statements.bandMeaning),
  ];
  if (statements.assumeBreach) blocks.push(paragraph('alert', statements.assumeBreach));
  if (statements.bandReasons.length > 0)
    blocks.push(heading(2, 'Why', 60), bullets(statements.bandReasons));
  blocks.push(
    heading(2, 'The attack chain', 60),
    bullets(Object.values(statements.chain)),
    heading(2, 'What to do: the programmes', 200),
  );
  if (plan.programmes.length === 0) {
    blocks.push(
      paragraph('body', 'Nothing: every applicable control is fully in place and verified.'),
    );
  } else {
    blocks.push(
      paragraph(
        'explanation',
        `The plan rolled up for management, in order of priority${plan.assumeBreach ? ': looking for an intruder first, then' : ':'} the programmes that close a critical gap, then the rest, each group by how much it cuts the risk score once all its actions are done.`,
      ),
      {
        kind: 'table',
        role: 'programmes',
        head: [['Programme'], ['Priority'], ['Actions'], ['Cuts risk by'], ['Horizons']],
        rows: plan.programmes.map((p) => ({
          cells: [
            [[p.title], [p.summary]],
            [[programmeGroup(p) || '—']],
            [[String(p.actionIds.length)]],
            [[`−${formatPoints(p.riskReduction)}`]],
            [[horizonSpan(p.firstHorizon, p.lastHorizon)]],
          ],
        })),
      },
    );
  }

  const unanswered = result.unanswered.length + result.naWithoutReason.length;
  const controls = set.questions.filter((q) => q.kind === 'control').length;
  const withEvidence = result.questions.filter(
    (q) => q.coverage !== null && assessment.answers[q.questionId]?.evidence?.trim(),
  ).length;
  const counts = [
    `${plural(result.unverified.length, 'answer is', 'answers are')} "Don't know" (unverified)`,
    `${plural(unanswered, 'is', 'are')} not answered`,
    `${plural(result.notApplicable.length, 'is', 'are')} not applicable with a reason${result.compensated.length > 0 ? `, ${plural(result.compensated.length, 'critical control', 'critical controls')} among them with a compensating control` : ''}`,
    ...(result.uncompensated.length > 0
      ? [
          `${plural(result.uncompensated.length, 'critical control is', 'critical controls are')} marked not applicable without a compensating control`,
        ]
      : []),
  ];
  blocks.push(
    paragraph(
      'note',
      `The set asks ${controls} scored controls; ${result.questions.length} are in scope for this assessment and ${result.hidden.length} are out of scope by a scoping answer. ${listJoin(counts)}. Unverified, unanswered and uncompensated controls count as not in place. Evidence is recorded for ${withEvidence} of the ${result.questions.length - result.notApplicable.length} applicable answers.`,
    ),
  );
  if (comparison && content.changes) {
    const direction =
      comparison.riskDelta < 0 ? 'fell' : comparison.riskDelta > 0 ? 'rose' : 'did not change';
    blocks.push(
      heading(2, text`Since ${user(comparison.previous.cycle, 'the previous cycle')}`, 60),
      paragraph(
        'body',
        `The risk ${direction} from ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) to ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}), ${signed(comparison.riskDelta, formatPoints)} points. ${changesSummary(content.changes)}`,
      ),
    );
  }
  return blocks;
}
