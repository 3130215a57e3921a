import type { Assessment } from '../core/assessment/model.ts';
import type { ActionProgress, Comparison } from '../core/comparison/compare.ts';
import {
  effortLabel,
  formatChance,
  formatDate,
  formatPercent,
  formatPoints,
  formatRisk,
  horizonLabel,
} from '../core/format.ts';
import { effortUnits, quickWinMinimum, type Plan } from '../core/planning/plan.ts';
import type { ControlQuestion, Question, QuestionSet } from '../core/questionSet/schema.ts';
import { answerStatus } from '../core/scoring/answerStatus.ts';
import { bandLabel, bandMeaning, bandThresholds } from '../core/scoring/bands.ts';
import { phaseStopCap, weakestPhaseCount, type ScoreResult } from '../core/scoring/score.ts';
import { drawAttackChain, drawDomainBars } from './charts.ts';
import { bandColours, colours, contentWidth, page } from './theme.ts';
import type { ReportWriter } from './writer.ts';

export interface ReportContent {
  set: QuestionSet;
  assessment: Assessment;
  result: ScoreResult;
  plan: Plan;
  previous?: { assessment: Assessment; result: ScoreResult };
  comparison?: Comparison;
  /** How the previous cycle's plan was executed, when there is a previous cycle. */
  progress?: ActionProgress[];
  generatedAt: Date;
}

const signed = (value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatPoints(Math.abs(value))}`;
const longDate = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function drawCover(writer: ReportWriter, content: ReportContent) {
  const { doc } = writer;
  const { assessment, result, set } = content;
  doc.setFillColor(...colours.brand);
  doc.rect(0, 0, page.width, 190, 'F');
  writer.font(12, 'bold', colours.white);
  doc.text('CELLGUARD', page.left, 70);
  writer.font(26, 'bold', colours.white);
  doc.text('Soft Cell exposure assessment', page.left, 110);
  writer.font(13, 'normal', colours.white);
  doc.text('Risk, attack-chain weak points and remediation plan', page.left, 136);

  writer.y = 230;
  writer.paragraph(writer.user(assessment.organisation, 'the organisation name'), {
    size: 22,
    style: 'bold',
    after: 2,
  });
  if (assessment.scope)
    writer.paragraph(writer.user(assessment.scope, 'the scope'), {
      size: 13,
      colour: colours.muted,
      after: 2,
    });
  writer.paragraph(`Cycle ${writer.user(assessment.cycle, 'the cycle')}`, {
    size: 13,
    colour: colours.muted,
    after: 24,
  });

  // the headline result
  const boxY = writer.y;
  doc.setFillColor(...bandColours[result.band]);
  doc.rect(page.left, boxY, 6, 62, 'F');
  writer.font(11, 'bold', colours.muted);
  doc.text('RISK SCORE', page.left + 18, boxY + 16);
  writer.font(30, 'bold');
  doc.text(formatRisk(result.risk), page.left + 18, boxY + 50);
  const scoreWidth = doc.getTextWidth(formatRisk(result.risk));
  writer.font(12, 'normal', colours.muted);
  doc.text('/ 100', page.left + 24 + scoreWidth, boxY + 50);
  writer.font(16, 'bold', bandColours[result.band]);
  doc.text(bandLabel[result.band], page.left + 80 + scoreWidth, boxY + 50);
  writer.y = boxY + 80;

  const facts: [string, string][] = [
    ['Report date', longDate(content.generatedAt)],
    ['Assessment last updated', formatDate(assessment.updatedAt)],
    [
      'Assessor',
      assessment.assessor ? writer.user(assessment.assessor, 'the assessor name') : 'not recorded',
    ],
    ['Question set', `${set.title} (${set.id} ${set.version})`],
    ['Source', `${set.source.publisher}, "${set.source.report}", ${set.source.date}`],
  ];
  writer.table({
    body: facts,
    theme: 'plain',
    styles: { fontSize: 9, cellPadding: 3 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 140, textColor: [...colours.muted] } },
  });

  writer.y = page.height - 190;
  doc.setDrawColor(...colours.confidential);
  doc.setLineWidth(2);
  doc.rect(page.left, writer.y, contentWidth, 86);
  writer.font(18, 'bold', colours.confidential);
  doc.text('CONFIDENTIAL', page.left + 16, writer.y + 28);
  writer.y += 40;
  writer.paragraph(
    `This document maps weaknesses in ${writer.user(assessment.organisation, 'the organisation name')}'s network that a state-backed intruder could use. Share it only with people who need it, and store it as you would the network's most sensitive configuration.`,
    { size: 9, indent: 16, width: contentWidth - 16 },
  );
}

export function drawContents(
  writer: ReportWriter,
  entries: readonly { title: string; page: number }[],
) {
  const { doc } = writer;
  writer.y = page.top;
  writer.heading('Contents', 1);
  for (const entry of entries) {
    writer.font(11);
    const y = writer.y + 11;
    doc.text(entry.title, page.left, y);
    const number = String(entry.page);
    doc.text(number, page.left + contentWidth, y, { align: 'right' });
    const start = page.left + doc.getTextWidth(entry.title) + 6;
    const end = page.left + contentWidth - doc.getTextWidth(number) - 6;
    doc.setLineDashPattern([1, 3], 0);
    doc.setDrawColor(...colours.muted);
    doc.line(start, y, end, y);
    doc.setLineDashPattern([], 0);
    doc.link(page.left, writer.y, contentWidth, 16, { pageNumber: entry.page });
    writer.y += 22;
  }
  writer.y += 20;
  writer.heading('How to read this report', 2, 200);
  const guide = [
    `The risk score runs from 0 to 100; higher means more exposed. It is the weighted share of the controls against this intrusion pattern that are missing. Bands: Low below ${bandThresholds.medium}, Medium below ${bandThresholds.high}, High below ${bandThresholds.critical}, Critical from ${bandThresholds.critical}. A missing critical control keeps the band at High or worse.`,
    'The attack chain shows the eight phases of the Soft Cell intrusion, from the exploited web server to the theft of call records. The intrusion only succeeds if it gets through every phase, so the weakest phases are where defence pays off first.',
    'The remediation plan lists one action per gap, in the order to tackle them, each with the exact fall in the score once it is done, its effort, an owner and a due date.',
    'The findings list every answer with the assessors\' notes and evidence. "Don\'t know" answers are flagged as unverified and counted as not in place.',
  ];
  for (const text of guide) writer.bullet(text, { size: 9.5 });
}

function questionText(set: QuestionSet): Map<string, Question> {
  return new Map(set.questions.map((q) => [q.id, q]));
}

export function drawSummary(writer: ReportWriter, content: ReportContent) {
  const { doc } = writer;
  const { result, plan, set, comparison } = content;
  const questions = questionText(set);

  const y = writer.y;
  doc.setFillColor(...bandColours[result.band]);
  doc.rect(page.left, y, 5, 40, 'F');
  writer.font(20, 'bold');
  doc.text(`Risk ${formatRisk(result.risk)} / 100`, page.left + 14, y + 18);
  writer.font(14, 'bold', bandColours[result.band]);
  doc.text(`${bandLabel[result.band]} exposure`, page.left + 14, y + 36);
  writer.y = y + 52;
  writer.paragraph(
    `${bandMeaning[result.band]} The score is the weighted share of the controls this actor's methods require that are missing; 0 means every applicable control is fully in place and verified, 100 means none is.`,
    { size: 10 },
  );
  if (result.band !== result.bandFromRisk) {
    writer.paragraph(
      `The number alone would be ${bandLabel[result.bandFromRisk]}, but ${result.criticalGaps.length} critical control${result.criticalGaps.length === 1 ? ' is' : 's are'} below full coverage, which keeps the band at ${bandLabel[result.band]}. Critical controls are those whose absence alone let the Soft Cell actor through.`,
      { size: 10 },
    );
  }

  const applicable = result.questions.length;
  writer.paragraph(
    `${applicable} controls were in scope. ${result.unverified.length} answer${result.unverified.length === 1 ? ' is' : 's are'} "Don't know" (unverified), ${result.unanswered.length + result.naWithoutReason.length} ${result.unanswered.length + result.naWithoutReason.length === 1 ? 'is' : 'are'} not answered, ${result.notApplicable.length} ${result.notApplicable.length === 1 ? 'is' : 'are'} not applicable with a reason, and ${result.hidden.length} ${result.hidden.length === 1 ? 'was' : 'were'} out of scope. Unverified and unanswered controls count as not in place.`,
    { size: 9.5, colour: colours.muted },
  );
  if (comparison) {
    writer.heading(`Since ${writer.user(comparison.previous.cycle, 'the previous cycle')}`, 2, 60);
    const direction =
      comparison.riskDelta < 0 ? 'fell' : comparison.riskDelta > 0 ? 'rose' : 'did not change';
    writer.paragraph(
      `The risk ${direction} from ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) to ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}), ${signed(comparison.riskDelta)} points. ${comparison.closedGaps.length} gap${comparison.closedGaps.length === 1 ? ' was' : 's were'} closed, ${comparison.newGaps.length} new gap${comparison.newGaps.length === 1 ? '' : 's'} appeared and ${comparison.regressions.length} control${comparison.regressions.length === 1 ? '' : 's'} regressed.`,
      { size: 10 },
    );
  }

  writer.heading('What is wrong', 2, 60);
  const phaseTitles = new Map(result.phases.map((p) => [p.phaseId, p]));
  const weakest = result.chain.weakest
    .map((id) => phaseTitles.get(id))
    .filter((p) => p !== undefined)
    .map((p) => `${p.phaseId} ${p.title} (stopped ${formatPercent(p.strength)})`);
  writer.paragraph(
    `The intrusion would pass most easily through ${weakest.join(', ')}. The chance-like exposure of the whole attack chain, which succeeds only if every phase does, is ${formatChance(result.chain.exposure)}.`,
    { size: 10 },
  );
  if (result.criticalGaps.length > 0) {
    writer.paragraph('Critical controls below full coverage:', {
      size: 10,
      style: 'bold',
      after: 2,
    });
    for (const id of result.criticalGaps)
      writer.bullet(`${id}: ${questions.get(id)?.text ?? ''}`, { size: 9 });
    writer.y += 4;
  }

  writer.heading('What to do first', 2, 200);
  const topFive = [...plan.actions]
    .sort((a, b) => b.riskReduction - a.riskReduction || a.id.localeCompare(b.id))
    .slice(0, 5);
  if (topFive.length === 0)
    writer.paragraph('Nothing: every applicable control is fully in place and verified.', {
      size: 10,
    });
  else {
    writer.paragraph('The five actions that reduce the risk most:', { size: 10, after: 4 });
    writer.table({
      head: [['Action', 'Risk reduction', 'Horizon', 'Owner', 'Due']],
      body: topFive.map((a) => [
        a.action,
        `−${formatPoints(a.riskReduction)}`,
        horizonLabel[a.horizon] ?? a.horizon,
        a.owners.length > 0
          ? writer.user(a.owners.join(', '), `the owner of "${a.action}"`)
          : 'not assigned',
        a.due ?? '—',
      ]),
      columnStyles: {
        0: { cellWidth: 230 },
        1: { halign: 'right', cellWidth: 60 },
        2: { cellWidth: 62 },
      },
      styles: { fontSize: 8.5 },
      pageBreak: 'avoid',
    });
  }
}

export function drawCharts(writer: ReportWriter, content: ReportContent) {
  writer.heading('Risk per domain', 2, 240);
  drawDomainBars(writer, content.result, content.previous?.result);
  writer.heading('How strongly each attack phase is stopped', 2, 220);
  writer.paragraph(
    `Each box is one phase of the Soft Cell intrusion; the bar shows how strongly the controls mapped to it stop it (at most ${formatPercent(phaseStopCap)}, since this actor adapts). The ${weakestPhaseCount} weakest phases are outlined in red. The intrusion has to get through all eight.`,
    { size: 9, colour: colours.muted },
  );
  drawAttackChain(writer, content.result);
  if (content.comparison) {
    writer.heading(
      `Change since ${writer.user(content.comparison.previous.cycle, 'the previous cycle')}`,
      2,
      160,
    );
    writer.table({
      head: [['Domain', 'Before', 'Now', 'Change']],
      body: content.comparison.domains.map((d) => [
        d.title,
        d.previous === null ? 'n/a' : formatRisk(d.previous),
        d.current === null ? 'n/a' : formatRisk(d.current),
        d.delta === null ? '—' : signed(d.delta),
      ]),
      columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' } },
    });
  }
}

export function drawPlan(writer: ReportWriter, content: ReportContent) {
  writer.paragraph(
    'In priority order: actions that close a critical gap or are quick wins come first (start within 30 days), then the most risk reduction per unit of effort. Risk reduction is the exact fall in the score once the action is complete.',
    { size: 9, colour: colours.muted },
  );
  if (content.plan.actions.length === 0) {
    writer.paragraph(
      'No action is needed: every applicable control is fully in place and verified.',
    );
    return;
  }
  writer.table({
    head: [['#', 'Action', 'Owner', 'Due', 'Horizon', 'Risk red.', 'Effort', 'Links']],
    body: content.plan.actions.map((a, index) => [
      String(index + 1),
      `${a.action}${a.critical ? '\nCRITICAL GAP' : a.horizonReason === 'quick-win' ? '\nQUICK WIN' : ''}\nCloses ${a.questionIds.join(', ')}`,
      a.owners.length > 0 ? writer.user(a.owners.join(', '), `the owner of "${a.action}"`) : '—',
      a.due ?? '—',
      horizonLabel[a.horizon] ?? a.horizon,
      `−${formatPoints(a.riskReduction)}`,
      effortLabel[a.effort] ?? a.effort,
      `${a.recommendations.join(', ')}\n${a.attack.join(', ')}`,
    ]),
    styles: { fontSize: 7.5, cellPadding: 3 },
    columnStyles: {
      0: { cellWidth: 18, halign: 'right' },
      1: { cellWidth: 170 },
      2: { cellWidth: 62 },
      3: { cellWidth: 50 },
      4: { cellWidth: 42 },
      5: { cellWidth: 36, halign: 'right' },
      6: { cellWidth: 36 },
    },
  });
}

function answerLabel(question: Question, choice: string | undefined): string {
  if (choice === undefined) return 'Not answered';
  if (choice === 'na') return 'Not applicable';
  if (choice === 'unknown') return "Don't know";
  return question.options.find((o) => o.id === choice)?.label ?? 'Not answered';
}

export function drawFindings(writer: ReportWriter, content: ReportContent) {
  const { set, assessment, result } = content;
  writer.paragraph(
    'Every question with its answer as recorded by the assessors. Flags: UNVERIFIED ("Don\'t know", counted as not in place), N/A (not applicable, with the reason as note), NOT ANSWERED (counted as not in place), OUT OF SCOPE (hidden by a scoping answer, not counted).',
    { size: 9, colour: colours.muted },
  );
  const hidden = new Set(result.hidden);
  const scoped = new Map(result.questions.map((q) => [q.questionId, q]));
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
          : status === 'unknown'
            ? 'UNVERIFIED'
            : status === 'na'
              ? 'N/A'
              : status === 'unanswered' || status === 'na-without-reason'
                ? 'NOT ANSWERED'
                : question.kind === 'scope'
                  ? 'SCOPE'
                  : '';
        const coverage = scoped.get(question.id)?.coverage;
        const critical =
          question.kind === 'control' && (question as ControlQuestion).critical
            ? ' (critical)'
            : '';
        return [
          `${question.id}${critical}`,
          question.text,
          `${answerLabel(question, answer?.choice)}${coverage !== undefined && coverage !== null && question.kind === 'control' ? `\n${formatPercent(coverage)} covered` : ''}`,
          writer.user(answer?.note, `the note of ${question.id}`),
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

export function drawMethodology(writer: ReportWriter, content: ReportContent) {
  const { set } = content;
  const paragraphs = [
    `Questions. ${set.questions.length} questions in ${set.domains.length} domains (${set.id} ${set.version}) are derived from the security recommendations of ${set.source.publisher}'s report "${set.source.report}" (${set.source.date}) and from the mitigations implied by the techniques it documents. Each question traces to at least one recommendation, one attack phase and the MITRE ATT&CK techniques it breaks, with NIST CSF 2.0 and CIS Controls v8 references.`,
    'Answers. Each control has graded options with a coverage from 0 (absent) to 1 (in place everywhere and verified by evidence). "Don\'t know" and unanswered questions count as coverage 0. "Not applicable" with a written reason leaves the calculation; without a reason it counts as 0. Questions hidden by a scoping answer (for example, no internet-facing web applications) do not count.',
    "Risk score. Risk = 100 × Σ weight × (1 − coverage) / Σ weight over the applicable controls, so all best answers give 0 and all worst give 100, and improving any answer never raises the score. Each control's contribution is its share of that sum; the contributions add up to the total.",
    `Bands. Low below ${bandThresholds.medium}, Medium from ${bandThresholds.medium}, High from ${bandThresholds.high}, Critical from ${bandThresholds.critical}. While any critical control is below full coverage, the band is at least High.`,
    `Attack chain. A phase's stop strength is ${phaseStopCap} × the weight-averaged coverage of the controls mapped to it; its pass chance is one minus that. The chain exposure is the product of the eight pass chances, a chance-like index rather than a calibrated probability. The ${weakestPhaseCount} phases with the lowest strength are named as the weakest.`,
    `Plan. Gaps that one remediation closes form one action. An action's risk reduction is the score recomputed with all its controls fully in place. Effort small, medium and large counts ${effortUnits.S}, ${effortUnits.M} and ${effortUnits.L} units; priority is reduction per unit. Actions that close a critical gap, and small actions that cut at least ${quickWinMinimum} points, are due within 30 days; other small and medium actions within 90 days, large ones within 180.`,
  ];
  for (const text of paragraphs) {
    const [title = '', ...rest] = text.split('. ');
    writer.paragraph(`${title}.`, { size: 10, style: 'bold', after: 1 });
    writer.paragraph(rest.join('. '), { size: 9.5, after: 8 });
  }
}

/** The running header and footer, drawn on every page once the page count is known. */
export function drawHeadersAndFooters(writer: ReportWriter, content: ReportContent) {
  const { doc } = writer;
  const total = doc.getNumberOfPages();
  const organisation = writer.user(content.assessment.organisation, 'the organisation name');
  const cycle = writer.user(content.assessment.cycle, 'the cycle');
  for (let number = 1; number <= total; number += 1) {
    doc.setPage(number);
    const onCover = number === 1;
    writer.font(8, 'bold', onCover ? colours.white : colours.confidential);
    doc.text('CONFIDENTIAL', page.width - page.right, 30, { align: 'right' });
    if (!onCover) {
      writer.font(8, 'normal', colours.muted);
      const title: string[] = doc.splitTextToSize(
        `Cellguard · ${organisation} · ${cycle}`,
        contentWidth - 90,
      );
      doc.text(title[0] ?? '', page.left, 30);
      doc.setDrawColor(...colours.line);
      doc.setLineWidth(0.5);
      doc.line(page.left, 38, page.width - page.right, 38);
    }
    writer.font(8, 'normal', colours.muted);
    doc.text(
      `Soft Cell exposure assessment · generated ${longDate(content.generatedAt)}`,
      page.left,
      page.height - 28,
    );
    doc.text(`Page ${number} of ${total}`, page.width - page.right, page.height - 28, {
      align: 'right',
    });
  }
}

export function drawSinceLastCycle(writer: ReportWriter, content: ReportContent) {
  const { comparison, progress, set } = content;
  if (!comparison || !progress) return;
  const text = new Map(set.questions.map((q) => [q.id, q.text]));
  const previousCycle = writer.user(comparison.previous.cycle, 'the previous cycle');
  writer.paragraph(
    `Risk ${formatRisk(comparison.previous.risk)} (${bandLabel[comparison.previous.band]}) in ${previousCycle}, ${formatRisk(comparison.current.risk)} (${bandLabel[comparison.current.band]}) now: ${signed(comparison.riskDelta)} points.`,
    { size: 11, style: 'bold' },
  );
  const list = (title: string, ids: readonly string[], empty: string) => {
    writer.heading(`${title} (${ids.length})`, 2, 50);
    if (ids.length === 0) writer.paragraph(empty, { size: 9.5, colour: colours.muted });
    for (const id of ids) writer.bullet(`${id}: ${text.get(id) ?? ''}`, { size: 9 });
    writer.y += 4;
  };
  list('Gaps closed', comparison.closedGaps, 'No gap was closed.');
  list('New gaps', comparison.newGaps, 'No new gap appeared.');
  writer.heading(`Regressions (${comparison.regressions.length})`, 2, 50);
  if (comparison.regressions.length === 0)
    writer.paragraph('No control got worse.', { size: 9.5, colour: colours.muted });
  for (const move of comparison.regressions) {
    writer.bullet(
      `${move.questionId}: ${text.get(move.questionId) ?? ''} (${formatPercent(move.from)} → ${formatPercent(move.to)} covered)`,
      { size: 9 },
    );
  }
  const done = progress.filter((p) => p.state === 'done').length;
  const overdue = progress.filter((p) => p.state === 'overdue').length;
  writer.heading(
    `The ${previousCycle} plan: ${done} of ${progress.length} actions done, ${overdue} overdue`,
    2,
    120,
  );
  if (progress.length === 0) {
    writer.paragraph('The previous cycle had no open action.', {
      size: 9.5,
      colour: colours.muted,
    });
    return;
  }
  const label = { done: 'Done', overdue: 'OVERDUE', open: 'Open' } as const;
  writer.table({
    head: [['Action', 'Owner', 'Due', 'Status']],
    body: progress.map(({ action, state }) => [
      action.action,
      action.owners.length > 0
        ? writer.user(action.owners.join(', '), `the owner of "${action.action}"`)
        : '—',
      action.due ?? '—',
      label[state],
    ]),
    columnStyles: { 0: { cellWidth: 280 }, 3: { fontStyle: 'bold' } },
  });
}
