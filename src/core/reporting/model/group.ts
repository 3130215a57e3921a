import { subjectIdentity } from '../../assessment/identity.ts';
import { formatPoints, formatRisk, shownChange } from '../../format.ts';
import type { ScoredGroupDashboard } from '../../group/dashboard.ts';
import type { MemberStanding } from '../../group/model.ts';
import {
  bandSpread,
  bandSpreadSentence,
  groupTrendSentence,
  unconfirmedMembers,
  unconfirmedSentence,
} from '../../group/sentences.ts';
import { inPlaceCoverage } from '../../questionSet/coverageLevels.ts';
import type { QuestionSet } from '../../questionSet/schema.ts';
import { bandLabel, bandOf, bandThresholds, type Band } from '../../scoring/bands.ts';
import { plural, signed } from '../../text.ts';
import { bandRule, chainOrigin, methodologyParagraphs } from '../methodology.ts';
import { bullets, heading, paragraph } from './blocks.ts';
import { longDate, reportDate } from './dates.ts';
import type {
  Block,
  Cell,
  Cover,
  Headline,
  Paragraph,
  ReportModel,
  Section,
  TableRow,
} from './model.ts';
import { joinTexts, text, user, type Text } from './text.ts';

/**
 * The group report for a group's board: the members side by side (risk, heat map, attack chain),
 * the gaps they share rolled up into programmes, then one page per member. The same report model
 * as a single assessment's, so the same renderers draw it as a PDF or a Word file. Every
 * organisation and scope name is the user's text and stays a user span.
 */

const headlineOf = (risk: number, band: Band, label: string): Headline => ({
  kind: 'headline',
  band,
  score: `${label} ${formatRisk(risk)} / 100`,
  risk: formatRisk(risk),
  bandLabel: bandLabel[band],
  verdict: `${bandLabel[band]} exposure`,
});

const riskCell = (risk: number | null) => (risk === null ? 'n/a' : formatRisk(risk));

/** The facts the report's sentences are made of, worked out once. */
interface GroupFacts {
  dashboard: ScoredGroupDashboard;
  set: QuestionSet;
  groupName: Text;
  /** Members by risk, highest first; members without a cycle last, in the group's order. */
  byRisk: MemberStanding[];
  withCycle: MemberStanding[];
  stale: MemberStanding[];
  label: (standing: MemberStanding) => Text;
  /**
   * A member's cell in the tables that compare members: its name, and its scope on a line of its
   * own, so that members assessed over different scopes are not read as like for like.
   */
  memberCell: (standing: MemberStanding) => Cell;
  phaseName: (phaseId: string) => string;
  asOf: string;
}

function factsOf(dashboard: ScoredGroupDashboard, set: QuestionSet): GroupFacts {
  // A member is named by its organisation; the scope is added only where two members share one.
  const organisations = dashboard.members.map((m) =>
    subjectIdentity({ organisation: m.member.organisation, scope: '' }),
  );
  const shared = new Set(
    organisations.filter((key, index) => organisations.indexOf(key) !== index),
  );
  const scopeInName = (member: MemberStanding['member']) =>
    member.scope !== '' &&
    shared.has(subjectIdentity({ organisation: member.organisation, scope: '' }));
  const label = ({ member }: MemberStanding): Text => {
    const organisation = user(member.organisation, 'the organisation name of a member');
    return scopeInName(member)
      ? text`${organisation} · ${user(member.scope, 'the scope of a member')}`
      : [organisation];
  };
  const memberCell = (standing: MemberStanding): Cell =>
    standing.member.scope && !scopeInName(standing.member)
      ? [label(standing), [user(standing.member.scope, 'the scope of a member')]]
      : [label(standing)];
  const phaseTitles = new Map(dashboard.phases.map((p) => [p.phaseId, p.title]));
  const withCycle = dashboard.members.filter((m) => m.latest);
  return {
    dashboard,
    set,
    groupName: [user(dashboard.group.name, 'the group name')],
    byRisk: [
      ...[...withCycle].sort((a, b) => (b.latest?.risk ?? 0) - (a.latest?.risk ?? 0)),
      ...dashboard.members.filter((m) => !m.latest),
    ],
    withCycle,
    stale: dashboard.members.filter((m) => m.stale),
    label,
    memberCell,
    phaseName: (phaseId) => `${phaseId} ${phaseTitles.get(phaseId) ?? ''}`.trim(),
    asOf: reportDate(dashboard.asOf),
  };
}

/**
 * The mean hides the worst members: how many are High or worse, and which is highest, said next
 * to the group's number.
 */
function spreadSentence(facts: GroupFacts): Text {
  const [highest] = facts.byRisk;
  const lead = bandSpreadSentence(facts.dashboard);
  return highest?.latest
    ? text`${lead} The highest is ${facts.label(highest)} at ${formatRisk(highest.latest.risk)} (${bandLabel[highest.latest.band]}). The group risk is a mean: each member's own band says where the exposure is.`
    : [lead];
}

/** Lines for the cover and the summary that the reader must weigh the figures with. */
function statusLines(facts: GroupFacts): Paragraph[] {
  const { dashboard, stale } = facts;
  const unconfirmed = unconfirmedMembers(dashboard);
  const { lead, tail } = unconfirmedSentence(unconfirmed.length);
  return [
    ...(stale.length > 0
      ? [
          paragraph(
            'alert',
            `${plural(stale.length, 'member is', 'members are')} stale: the latest cycle was last updated more than ${plural(dashboard.group.staleAfterDays, 'day')} before ${facts.asOf}. ${stale.length === 1 ? 'It still counts' : 'They still count'} in the group risk.`,
          ),
        ]
      : []),
    ...(unconfirmed.length > 0
      ? [
          paragraph(
            'status',
            text`${lead} (${joinTexts(unconfirmed.map(facts.label), ', ')}): ${tail}`,
          ),
        ]
      : []),
  ];
}

function coverOf(facts: GroupFacts, generatedAt: Date): Cover {
  const { dashboard, set } = facts;
  const without = dashboard.members.length - facts.withCycle.length;
  return {
    brand: 'CELLGUARD',
    setTitle: set.title,
    subtitle: 'Group report: the members side by side, their common gaps and programmes',
    organisation: facts.groupName,
    cycle: [`Group report as of ${facts.asOf}`],
    status: statusLines(facts),
    headline: headlineOf(dashboard.groupRisk, dashboard.groupBand, 'Group risk'),
    facts: [
      ['Members', [String(dashboard.members.length)]],
      [
        'Members with a cycle',
        [`${facts.withCycle.length}${without > 0 ? ` (${without} without one, left out)` : ''}`],
      ],
      [
        'Stale members',
        [
          `${facts.stale.length} (latest cycle last updated more than ${plural(dashboard.group.staleAfterDays, 'day')} before the as-of date)`,
        ],
      ],
      ['Members by band', [bandSpread(dashboard)]],
      ['Trend', [groupTrendSentence(dashboard)]],
      ['As of', [facts.asOf]],
      ['Report date', [longDate(generatedAt)]],
      ['Method', [dashboard.method]],
      ['Question set', [`${set.title} (${set.id} ${set.version})`]],
    ],
    confidential: {
      title: 'CONFIDENTIAL',
      text: text`This document maps weaknesses in the networks of ${facts.groupName}'s operating companies that a state-backed intruder could use. Share it only with people who need it, and store it as you would the networks' most sensitive configuration.`,
    },
  };
}

function summaryBlocks(facts: GroupFacts): Block[] {
  const { dashboard, byRisk } = facts;
  const rows: TableRow[] = byRisk.map((standing) => {
    const { latest, previous, change } = standing;
    const weight = [weightText(standing.weight)];
    if (!latest)
      return {
        cells: [
          facts.memberCell(standing),
          [['no cycle']],
          ...Array.from({ length: 6 }, (): Cell => [['—']]),
          [weight],
        ],
      };
    return {
      cells: [
        facts.memberCell(standing),
        [[user(latest.cycle, 'the cycle of a member')]],
        [[formatRisk(latest.risk)]],
        [[bandLabel[latest.band]]],
        [previous ? [user(previous.cycle, 'the previous cycle of a member')] : ['none']],
        [
          [
            change === undefined || !previous
              ? '—'
              : signed(shownChange(previous.risk, latest.risk), formatPoints),
          ],
        ],
        [[String(latest.unconfirmed)]],
        [[standing.stale ? `Yes, ${plural(standing.ageDays ?? 0, 'day')}` : 'No']],
        [weight],
      ],
    };
  });
  return [
    headlineOf(dashboard.groupRisk, dashboard.groupBand, 'Group risk'),
    paragraph('statement', spreadSentence(facts)),
    ...statusLines(facts),
    paragraph('body', groupTrendSentence(dashboard)),
    paragraph('body', dashboard.method),
    heading(2, 'Members', 120),
    paragraph(
      'explanation',
      "By risk, highest first. Risk and band are each member's own, from its latest cycle, as its own report gives them (the band after its floors). The change is in risk points since the member's previous cycle of this question set, the difference of the two scores as shown; not confirmed counts the answers carried over or taken from another set that nobody has confirmed yet.",
    ),
    {
      kind: 'table',
      role: 'group-members',
      head: [
        ['Member'],
        ['Latest cycle'],
        ['Risk'],
        ['Band'],
        ['Previous cycle'],
        ['Change'],
        ['Not confirmed'],
        ['Stale'],
        ['Weight'],
      ],
      rows,
    },
  ];
}

/**
 * How long before the as-of date a member's latest cycle was last updated. A subsidiary's clock
 * ahead of the office's, or a report as of an earlier date, can put the update after it: said so,
 * not counted as "0 days before".
 */
function ageText(updatedAt: string, ageDays: number, asOfIso: string, asOf: string): string {
  // The as-of date is a day (UTC): an update during that day is not after it.
  const endOfAsOf = Date.parse(asOfIso) + 86_400_000;
  if (Date.parse(updatedAt) >= endOfAsOf) return `after the as-of date, ${asOf}`;
  return ageDays === 0
    ? `less than a day before ${asOf}`
    : `${plural(ageDays, 'day')} before ${asOf}`;
}

/** A weight as a reader writes it: 1, 2.5, 12,000,000. */
const weightText = (weight: number) => weight.toLocaleString('en-GB', { maximumFractionDigits: 3 });

function heatMapBlocks(facts: GroupFacts): Block[] {
  const { dashboard } = facts;
  return [
    paragraph(
      'explanation',
      `Risk 0-100 per domain in each member's latest cycle, higher is more exposed; n/a where no control of the domain applies. Members by risk, as in the summary. Each cell is tinted in the colour of the band its number falls in (Low below ${bandThresholds.medium}, Medium below ${bandThresholds.high}, High below ${bandThresholds.critical}, Critical from ${bandThresholds.critical}); the number is what counts, the colour only repeats it.`,
    ),
    {
      kind: 'table',
      role: 'heat-map',
      head: [['Member'], ...dashboard.domains.map((d) => [d.domainId])],
      rows: facts.byRisk
        .filter((standing) => standing.latest)
        .map((standing) => {
          const risks = dashboard.domains.map(
            (d) => standing.latest?.domains.find((x) => x.domainId === d.domainId)?.risk ?? null,
          );
          return {
            cells: [facts.memberCell(standing), ...risks.map((risk) => [[riskCell(risk)]])],
            tones: [null, ...risks.map((risk) => (risk === null ? null : bandOf(risk)))],
          };
        }),
    },
    paragraph('caption', dashboard.domains.map((d) => `${d.domainId} ${d.title}`).join(' · ')),
  ];
}

function chainBlocks(facts: GroupFacts): Block[] {
  const { dashboard, withCycle } = facts;
  const weakest = dashboard.phases.find((p) => p.phaseId === dashboard.weakestPhase);
  return [
    paragraph(
      'explanation',
      `One row per phase of ${chainOrigin(facts.set)}: how many of the ${plural(withCycle.length, 'member')} with a cycle pass it unopposed, with no control in place that prevents or detects it, and which; and in how many a critical control that prevents or detects it applies and is not in place. A phase that one control opposes can still lack the control that matters most there.`,
    ),
    paragraph(
      'statement',
      weakest
        ? `The weakest phase across the group is ${facts.phaseName(weakest.phaseId)}: ${weakest.unopposedIn} of ${weakest.membersWithCycle} members pass it unopposed.`
        : 'No member passes any phase unopposed: every phase has a control in place that prevents or detects it in every member.',
    ),
    {
      kind: 'table',
      role: 'group-phases',
      head: [
        ['Phase'],
        ['Unopposed in'],
        ['A critical control not in place in'],
        ['Members that pass it unopposed'],
      ],
      rows: dashboard.phases.map((phase) => {
        const passing = withCycle.filter((m) => m.latest?.unopposed.includes(phase.phaseId));
        return {
          cells: [
            [[facts.phaseName(phase.phaseId)]],
            [[`${phase.unopposedIn} of ${phase.membersWithCycle}`]],
            [[`${phase.criticalGapIn} of ${phase.membersWithCycle}`]],
            passing.length > 0 ? [joinTexts(passing.map(facts.label), ', ')] : [['—']],
          ],
        };
      }),
    },
  ];
}

function gapBlocks(facts: GroupFacts): Block[] {
  const { dashboard, set } = facts;
  const threshold = dashboard.gapThreshold;
  const programmeTitles = new Map(set.programmes.map((p) => [p.id, p.title]));
  const rule = `A common gap is a control that applies and has a coverage below ${threshold}${threshold === inPlaceCoverage ? ' (not in place across most of the estate)' : ''} in more than half of the members where it applies. "Group risk reduction" is the fall of the group risk, in points, if the control were fully in place in every member: the mean of its contribution to each member's risk, weighted as the group risk is. Figures are rounded to one decimal after the sums are made, so a total may differ by 0.1 from the rounded figures added up.`;
  if (dashboard.commonGaps.length === 0)
    return [
      paragraph('explanation', rule),
      paragraph(
        'body',
        'No control is a common gap: each is in place in at least half of the members where it applies.',
      ),
    ];
  return [
    paragraph('explanation', rule),
    {
      kind: 'table',
      role: 'common-gaps',
      head: [
        ['Control'],
        ['Critical'],
        [`Members below ${threshold}`],
        ['Group risk reduction (points)'],
        ['Programme'],
      ],
      rows: dashboard.commonGaps.map((gap) => ({
        cells: [
          [[`${gap.questionId} ${gap.title}`]],
          [[gap.critical ? 'Critical' : '—']],
          [[`${gap.membersBelow} of ${gap.membersApplicable}`]],
          [[formatPoints(gap.groupRiskReduction)]],
          [[gap.programmeId ? (programmeTitles.get(gap.programmeId) ?? gap.programmeId) : '—']],
        ],
      })),
    },
    // The explanation, the table's head and its first row go over together.
    heading(2, 'Group programmes', 200),
    paragraph(
      'explanation',
      'The common gaps rolled up into the programmes of the plan: the work the group can fund and run centrally, largest reduction first. "Reduction from its common gaps" adds up the reductions of the programme\'s common gaps; "Whole programme" is the fall of the group risk if the whole programme were done in every member, each member\'s own gaps in it included, common or not: the mean of the programme\'s cut in each member\'s plan, weighted as the group risk is.',
    ),
    {
      kind: 'table',
      role: 'group-programmes',
      head: [
        ['Programme'],
        ['Common gaps'],
        ['Reduction from its common gaps'],
        ['Whole programme'],
      ],
      rows: dashboard.programmes.map((programme) => ({
        cells: [
          [[programme.title], [programme.summary]],
          [[programme.questionIds.join(', ')]],
          [[formatPoints(programme.groupRiskReduction)]],
          [[formatPoints(programme.wholeProgrammeReduction)]],
        ],
      })),
    },
  ];
}

function memberBlocks(facts: GroupFacts, standing: MemberStanding): Block[] {
  const { dashboard, set } = facts;
  const { latest, previous, change } = standing;
  const scope = standing.member.scope
    ? [paragraph('lead', text`Scope: ${user(standing.member.scope, 'the scope of a member')}`)]
    : [];
  if (!latest)
    return [
      ...scope,
      paragraph(
        'body',
        `No cycle of ${set.title} was given for this member: it is left out of the group risk and of every figure across the group.`,
      ),
    ];
  const totalWeight = facts.withCycle.reduce((sum, m) => sum + m.weight, 0);
  const share = (100 * standing.weight) / totalWeight;
  const cycle = user(latest.cycle, 'the cycle of a member');
  return [
    ...scope,
    headlineOf(latest.risk, latest.band, 'Risk'),
    ...(latest.band === bandOf(latest.risk)
      ? []
      : [
          paragraph(
            'note',
            `The band is ${bandLabel[latest.band]} although the number alone gives ${bandLabel[bandOf(latest.risk)]}: a critical control is below ${inPlaceCoverage}, or nothing in place would raise an alert (its own report names the reason).`,
          ),
        ]),
    paragraph(
      'body',
      text`Latest cycle ${cycle}, last updated ${reportDate(latest.updatedAt)}, ${ageText(latest.updatedAt, standing.ageDays ?? 0, facts.dashboard.asOf, facts.asOf)}. ${latest.answered} of ${latest.visible} questions answered. Weight in the group risk ${weightText(standing.weight)}, ${share.toFixed(1)} % of the total.`,
    ),
    ...(standing.stale
      ? [
          paragraph(
            'alert',
            `Stale: last updated more than the group's limit of ${plural(dashboard.group.staleAfterDays, 'day')} before ${facts.asOf}. It still counts in the group risk.`,
          ),
        ]
      : []),
    ...(latest.unconfirmed > 0
      ? [
          paragraph(
            'status',
            `${plural(latest.unconfirmed, 'answer', 'answers')} carried over or taken from another set ${latest.unconfirmed === 1 ? 'is' : 'are'} not yet confirmed: the score may change when they are.`,
          ),
        ]
      : []),
    heading(2, 'Trend', 60),
    paragraph(
      'body',
      previous && change !== undefined
        ? formatRisk(previous.risk) === formatRisk(latest.risk)
          ? text`The risk stayed at ${formatRisk(latest.risk)} from ${user(previous.cycle, 'the previous cycle of a member')} (${bandLabel[previous.band]}) to ${cycle} (${bandLabel[latest.band]}).`
          : text`The risk ${change < 0 ? 'fell' : 'rose'} from ${formatRisk(previous.risk)} (${bandLabel[previous.band]}) in ${user(previous.cycle, 'the previous cycle of a member')} to ${formatRisk(latest.risk)} (${bandLabel[latest.band]}) in ${cycle}, ${signed(shownChange(previous.risk, latest.risk), formatPoints)} points.`
        : text`No earlier cycle of this question set was given: the trend starts with ${cycle}.`,
    ),
    heading(2, 'Risk per domain', 200),
    {
      kind: 'domain-bars',
      rows: dashboard.domains.map((domain) => {
        const risk = latest.domains.find((d) => d.domainId === domain.domainId)?.risk ?? null;
        return { title: domain.title, risk, riskText: riskCell(risk) };
      }),
      legend: 'Risk 0-100 per domain in the latest cycle, higher is more exposed.',
      columns: ['Domain', 'Risk'],
    },
    heading(2, 'Attack chain', 60),
    bullets([
      `Weakest phases (fewest controls in place): ${latest.weakest.map(facts.phaseName).join(', ')}.`,
      latest.unopposed.length > 0
        ? `Passed unopposed: ${latest.unopposed.map(facts.phaseName).join(', ')}.`
        : 'No phase is passed unopposed.',
    ]),
    heading(2, 'Top programmes', 60),
    latest.topProgrammes.length > 0
      ? bullets(
          latest.topProgrammes.map(
            (p) => `${p.title}: cuts its risk by ${formatPoints(p.riskReduction)} points.`,
          ),
        )
      : paragraph('body', 'Nothing: every applicable control is fully in place and verified.'),
    paragraph(
      'note',
      "The first programmes of the member's own plan, in its order: looking for an intruder already inside first when its plan opens with it, then programmes that close critical gaps, then the largest cut. Its own report has the plan in full, with horizons and effort.",
    ),
  ];
}

function methodBlocks(facts: GroupFacts): Block[] {
  const { dashboard, set } = facts;
  const threshold = dashboard.gapThreshold;
  const groupRules: [string, string][] = [
    ['Group risk', dashboard.method],
    [
      'Members by band and trend',
      'Each member is counted in its own band, the one its own report gives (after the floors of a critical gap or no detection), so the spread shows what the mean hides. The trend compares the group risk of the members that have an earlier cycle, over their previous and their latest cycles with the same weights: a member that joins, or has its first cycle, does not move it.',
    ],
    [
      'Stale members',
      `A member is stale when its latest cycle was last updated more than ${plural(dashboard.group.staleAfterDays, 'day')} (whole days) before the as-of date, ${facts.asOf}.`,
    ],
    [
      'Attack chain across the group',
      'For each phase, the number of members with a cycle that pass it unopposed. The weakest phase is the one the most members pass unopposed; a tie goes to the phase with the fewest controls in place across all members, then to the earlier phase.',
    ],
    [
      'Common gaps and group programmes',
      `A control is a common gap when it applies and has a coverage below ${threshold} in more than half of the members where it applies. Its cut of the group risk is the weighted mean, over the members with a cycle, of its contribution to each member's risk (0 where it does not apply): exactly the fall of the group risk if it were fully in place everywhere. Gaps are ranked by that cut, critical controls first among equals; the programmes add up the cuts of their gaps. A whole programme's cut is the weighted mean of the programme's cut in each member's plan (0 where its plan has none): the fall of the group risk if every member did all of it.`,
    ],
  ];
  return [
    ...groupRules.flatMap(([title, body]) => [
      paragraph('term', `${title}.`),
      paragraph('body', body),
    ]),
    heading(2, 'How each member is scored', 80),
    paragraph(
      'note',
      "Each member's figures come from its own latest cycle, scored exactly as its own report scores it.",
    ),
    ...methodologyParagraphs(set).flatMap(({ title, text: body }) => [
      paragraph('term', `${title}.`),
      paragraph('body', body),
    ]),
  ];
}

/** The group report as data, for the PDF and the Word file alike. */
export function groupReportModel(
  dashboard: ScoredGroupDashboard,
  set: QuestionSet,
  generatedAt: Date,
): ReportModel {
  const facts = factsOf(dashboard, set);
  const parts: { name: Text; blocks: Block[] }[] = [
    { name: ['Group summary'], blocks: summaryBlocks(facts) },
    { name: ['Risk by domain across the group'], blocks: heatMapBlocks(facts) },
    { name: ['The attack chain across the group'], blocks: chainBlocks(facts) },
    { name: ['Common gaps and group programmes'], blocks: gapBlocks(facts) },
    // One section per member, so each starts on a page of its own.
    ...facts.byRisk.map((standing) => ({
      name: facts.label(standing),
      blocks: memberBlocks(facts, standing),
    })),
    { name: ['Method'], blocks: methodBlocks(facts) },
  ];
  const sections: Section[] = parts.map(({ name, blocks }, index) => ({
    title: text`${index + 1}. ${name}`,
    blocks,
  }));
  return {
    title: text`${set.title}: ${facts.groupName}, group report`,
    subject:
      'Group risk, the members side by side, common gaps and group programmes. CONFIDENTIAL.',
    generatedAt,
    draft: false,
    cover: coverOf(facts, generatedAt),
    contents: {
      title: 'Contents',
      entries: sections.map((section) => section.title),
      guideTitle: 'How to read this report',
      guide: [
        `Every risk score runs from 0 to 100; higher means more exposed. A member's score and band are those of its own report for its latest cycle. ${bandRule.join(' ')}`,
        dashboard.method,
        "The heat map shows each member's risk per domain; the attack chain counts, for each phase, the members that pass it unopposed. Neither gives probabilities.",
        'The common gaps are the controls most members lack, ranked by how much the group risk falls once each is in place everywhere, and rolled up into the programmes of the plan: what the group can fund centrally.',
        'Each member then has a page of its own: its score, band, trend since its previous cycle, weakest phases and the first programmes of its own plan.',
      ],
    },
    sections,
    frame: {
      marking: 'CONFIDENTIAL',
      header: text`Cellguard · ${facts.groupName} · group report`,
      footer: `${set.title} · generated ${longDate(generatedAt)}`,
    },
  };
}
