import type { Assessment } from '../../assessment/model.ts';
import { answerChanges } from '../../comparison/answerChanges.ts';
import { actionProgress, compareResults } from '../../comparison/compare.ts';
import { plan as planOf, type Plan } from '../../planning/plan.ts';
import type { QuestionSet } from '../../questionSet/schema.ts';
import type { ScoreResult } from '../../scoring/score.ts';
import { reportStatus } from '../reportStatus.ts';
import { resultStatements } from '../statements.ts';
import { chartBlocks } from './charts.ts';
import type { ReportContent } from './content.ts';
import { contentsOf } from './contents.ts';
import { coverOf } from './cover.ts';
import { longDate } from './dates.ts';
import { findingsBlocks } from './findings.ts';
import { methodologyBlocks } from './methodology.ts';
import type { Block, ReportModel, Section } from './model.ts';
import { planBlocks } from './plan.ts';
import { sinceBlocks } from './since.ts';
import { summaryBlocks } from './summary.ts';
import { text, user, type Text } from './text.ts';

export interface ReportModelInput {
  set: QuestionSet;
  assessment: Assessment;
  result: ScoreResult;
  plan: Plan;
  /** An earlier cycle of the same organisation and scope, for the "since" figures. */
  previous?: { assessment: Assessment; result: ScoreResult };
  generatedAt: Date;
  /**
   * Issue the report although carried-over answers are unconfirmed; it then says so. Without it,
   * such a report is marked DRAFT on its cover and every page.
   */
  issueAsIs?: boolean;
  /** Titles of the other sets answers may have been taken from, by id. */
  setTitles?: Readonly<Record<string, string>>;
}

function contentOf(input: ReportModelInput): ReportContent {
  const comparison =
    input.previous &&
    compareResults(input.previous, { assessment: input.assessment, result: input.result });
  return {
    set: input.set,
    assessment: input.assessment,
    result: input.result,
    plan: input.plan,
    statements: resultStatements(input.set, input.result, input.plan),
    status: reportStatus(
      input.set,
      input.assessment,
      input.issueAsIs === true,
      (id) => input.setTitles?.[id] ?? id,
    ),
    generatedAt: input.generatedAt,
    ...(input.previous && comparison
      ? {
          previous: input.previous,
          comparison,
          changes: answerChanges(input.set, comparison, input.previous, {
            assessment: input.assessment,
            result: input.result,
          }),
          progress: actionProgress(
            planOf(input.set, input.previous.assessment, input.previous.result),
            input.previous.result,
            input.result,
            input.generatedAt.toISOString().slice(0, 10),
          ),
        }
      : {}),
  };
}

/** The whole management report as data, for the PDF and the Word file alike. */
export function reportModel(input: ReportModelInput): ReportModel {
  const content = contentOf(input);
  const { assessment, set, comparison } = content;
  const organisation = user(assessment.organisation, 'the organisation name');
  const cycle = user(assessment.cycle, 'the cycle');
  const parts: { name: Text; blocks: Block[] }[] = [
    { name: ['Executive summary'], blocks: summaryBlocks(content) },
    { name: ['Risk by domain and attack chain'], blocks: chartBlocks(content) },
    ...(comparison
      ? [
          {
            name: text`Since ${user(comparison.previous.cycle, 'the previous cycle')}`,
            blocks: sinceBlocks(content),
          },
        ]
      : []),
    { name: ['Remediation plan'], blocks: planBlocks(content) },
    { name: ['Findings by domain'], blocks: findingsBlocks(content) },
    { name: ['Methodology'], blocks: methodologyBlocks(content) },
  ];
  const sections: Section[] = parts.map(({ name, blocks }, index) => ({
    title: text`${index + 1}. ${name}`,
    blocks,
  }));
  const draft = content.status.state === 'draft';
  return {
    title: text`${set.title}: ${organisation} ${cycle}`,
    subject: 'Risk, attack-chain weak points and remediation plan. CONFIDENTIAL.',
    generatedAt: input.generatedAt,
    draft,
    cover: coverOf(content),
    contents: contentsOf(
      set,
      sections.map((section) => section.title),
    ),
    sections,
    frame: {
      marking: `${draft ? 'DRAFT · ' : ''}CONFIDENTIAL`,
      header: text`Cellguard · ${organisation} · ${cycle}`,
      footer: `${draft ? 'DRAFT · ' : ''}${set.title} · generated ${longDate(input.generatedAt)}`,
    },
  };
}
