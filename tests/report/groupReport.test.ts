import { describe, expect, it } from 'vitest';
import {
  groupDashboard,
  hasGroupRisk,
  type ScoredGroupDashboard,
} from '../../src/core/group/dashboard.ts';
import { membersOf } from '../../src/core/group/members.ts';
import type { Group } from '../../src/core/group/model.ts';
import { formatRisk } from '../../src/core/format.ts';
import {
  groupReportModel,
  textString,
  type Block,
  type ReportModel,
} from '../../src/core/reporting/model/index.ts';
import { loadReportFonts } from '../../src/node/reportFonts.ts';
import { buildGroupReport } from '../../src/report/index.ts';
import { bandTints, type Rgb } from '../../src/report/theme.ts';
import { renderWord } from '../../src/report/word/index.ts';
import { docxParagraphs, docxParts } from '../support/docxText.ts';
import { storedOf, twelveSubsidiaries } from '../support/groupFixtures.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { reportTestDate } from '../support/report.ts';
import { reportModelTexts } from '../support/reportModelText.ts';
import { loadShippedSet } from '../support/shippedSet.ts';

const set = loadShippedSet();
const hex = (rgb: Rgb) => rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
const fonts = loadReportFonts();
const asOf = new Date('2027-01-15T12:00:00Z');
const assessments = twelveSubsidiaries();
const members = membersOf(assessments);

function dashboardOf(group: Partial<Group> = {}): ScoredGroupDashboard {
  const dashboard = groupDashboard(
    set,
    {
      id: '0123456789ab',
      name: 'Northwind Group',
      setId: set.id,
      members,
      staleAfterDays: 40,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z',
      ...group,
    },
    storedOf(assessments),
    asOf,
  );
  if (!hasGroupRisk(dashboard)) throw new Error('the fixtures give the group a risk');
  return dashboard;
}

const dashboard = dashboardOf();
const built = buildGroupReport({ dashboard, set, fonts, generatedAt: reportTestDate });
// Arabic is drawn in its shaped forms; normalised, it reads as typed.
const pages = pdfPages(built.pdf).then((all) => all.map((page) => page.normalize('NFKC')));
const sectionPage = (title: string) => {
  const page = built.sections.find((section) => section.title.endsWith(title))?.page;
  if (page === undefined) throw new Error(`no section ${title}`);
  return page;
};

describe('the group report (PDF)', () => {
  it('gives every member a page of its own, with its name, latest risk and cycle', async () => {
    const text = await pages;
    const memberPages = dashboard.members.map(({ member, latest }) => {
      const page = sectionPage(member.organisation);
      const onPage = squash(text[page - 1] ?? '');
      expect(onPage).toContain(squash(member.organisation));
      expect(onPage).toContain(squash(`Risk ${formatRisk(latest?.risk ?? NaN)} / 100`));
      expect(onPage).toContain(squash(`Latest cycle ${latest?.cycle ?? ''}`));
      return page;
    });
    expect(new Set(memberPages).size).toBe(12);
  });

  it('leads with the weighted group risk and lists the members by risk, highest first', async () => {
    const text = await pages;
    expect(squash(text[0] ?? '')).toContain(squash('Northwind Group'));
    expect(squash(text[0] ?? '')).toContain(formatRisk(dashboard.groupRisk));
    // The summary's pages: its table may run on to the page before the heat map's.
    const summary = squash(
      text
        .slice(sectionPage('Group summary') - 1, sectionPage('Risk by domain across the group') - 1)
        .join(''),
    );
    expect(summary).toContain(squash(`Group risk ${formatRisk(dashboard.groupRisk)} / 100`));
    const order = [...dashboard.members]
      .sort((a, b) => (b.latest?.risk ?? 0) - (a.latest?.risk ?? 0))
      .map((m) => summary.indexOf(squash(formatRisk(m.latest?.risk ?? NaN))));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(squash(text[2] ?? '')).toContain(squash('Cellguard · Northwind Group · group report'));
  });

  it("prints the heat map's values, each member's domains in the set's order", async () => {
    const heatMap = squash((await pages)[sectionPage('Risk by domain across the group') - 1] ?? '');
    for (const domain of set.domains) expect(heatMap).toContain(domain.id);
    for (const { latest } of dashboard.members) {
      const values = (latest?.domains ?? []).map((d) =>
        d.risk === null ? 'n/a' : formatRisk(d.risk),
      );
      expect(heatMap).toContain(values.join(''));
    }
  });

  it('says which phases members pass unopposed, and the common gaps with their cuts', async () => {
    const text = await pages;
    const chain = squash(text[sectionPage('The attack chain across the group') - 1] ?? '');
    // Each phase's row: unopposed in, then a critical control not in place in.
    for (const phase of dashboard.phases)
      expect(chain).toContain(
        squash(
          `${phase.title} ${phase.unopposedIn} of ${phase.membersWithCycle} ${phase.criticalGapIn} of ${phase.membersWithCycle}`,
        ),
      );
    expect(dashboard.phases.some((p) => p.criticalGapIn > p.unopposedIn)).toBe(true);
    const weakest = dashboard.phases.find((p) => p.phaseId === dashboard.weakestPhase);
    expect(chain).toContain(
      squash(
        `The weakest phase across the group is ${weakest?.phaseId ?? ''} ${weakest?.title ?? ''}`,
      ),
    );
    const [top] = dashboard.commonGaps;
    const gaps = squash(text[sectionPage('Common gaps and group programmes') - 1] ?? '');
    expect(gaps).toContain(squash(`${top?.questionId ?? ''} ${top?.title ?? ''}`));
    // The row reads: control, critical, members below, reduction (no minus sign), programme.
    expect(gaps).toContain(
      squash(
        `${top?.questionId ?? ''} ${top?.title ?? ''} ${top?.critical ? 'Critical' : '—'} ${top?.membersBelow ?? NaN} of ${top?.membersApplicable ?? NaN} ${(top?.groupRiskReduction ?? NaN).toFixed(1)}`,
      ),
    );
    // Each programme with its common gaps' reduction and its whole cut, in that order.
    const programmes = squash(
      text.slice(sectionPage('Common gaps and group programmes') - 1).join(''),
    );
    for (const programme of dashboard.programmes)
      expect(programmes).toContain(
        squash(
          `${programme.questionIds.join(', ')} ${programme.groupRiskReduction.toFixed(1)} ${programme.wholeProgrammeReduction.toFixed(1)}`,
        ),
      );
  });

  it('says how the members spread over the bands beside the mean, and how the group moved since their previous cycles', async () => {
    const summary = squash((await pages)[sectionPage('Group summary') - 1] ?? '');
    const { membersByBand: bands, trend } = dashboard;
    const [highest] = [...dashboard.members].sort(
      (a, b) => (b.latest?.risk ?? 0) - (a.latest?.risk ?? 0),
    );
    expect(summary).toContain(
      squash(
        `${bands.high + bands.critical} of 12 members are High or Critical by their own band (${bands.critical} Critical, ${bands.high} High, ${bands.medium} Medium, ${bands.low} Low). The highest is ${highest?.member.organisation ?? ''} at ${formatRisk(highest?.latest?.risk ?? NaN)}`,
      ),
    );
    if (!trend) throw new Error('every fixture member has two cycles');
    expect(summary).toContain(
      squash(
        `Over the 12 members with an earlier cycle, counted with the same weights, the group risk ${trend.now < trend.before ? 'fell' : 'rose'} from ${formatRisk(trend.before)} to ${formatRisk(trend.now)}`,
      ),
    );
  });

  it('flags stale members on the cover and on their pages', async () => {
    const stale = dashboard.members.filter((m) => m.stale);
    expect(stale.length).toBeGreaterThan(0);
    const text = await pages;
    expect(squash(text[0] ?? '')).toContain(
      squash(
        `${stale.length} members are stale: the latest cycle was last updated more than 40 days`,
      ),
    );
    for (const { member } of stale)
      expect(squash(text[sectionPage(member.organisation) - 1] ?? '')).toContain(squash('Stale:'));
  });
});

/** Every block of the model, sections and cover alike. */
const blocksOf = (model: ReportModel): Block[] => [
  ...model.cover.status,
  ...model.sections.flatMap((section) => section.blocks),
];

describe('the group report model', () => {
  const model = groupReportModel(dashboard, set, reportTestDate);

  it("keeps every organisation and scope name a user's span, never the report's own words", () => {
    const ownWords = reportModelTexts(model, () => '').join('\n');
    for (const { member } of dashboard.members) expect(ownWords).not.toContain(member.organisation);
    expect(ownWords).not.toContain('Northwind Group');
    expect(textString(model.frame.header, (span) => `<${span.field}>`)).toBe(
      'Cellguard · <the group name> · group report',
    );
  });

  it('tints each heat-map value with the band of its number, and nothing else', () => {
    const heatMap = blocksOf(model).find((b) => b.kind === 'table' && b.role === 'heat-map');
    if (heatMap?.kind !== 'table') throw new Error('no heat map');
    for (const row of heatMap.rows) {
      expect(row.tones?.[0]).toBeNull();
      row.cells.slice(1).forEach((cell, index) => {
        const value = textString(cell[0] ?? []);
        const tone = row.tones?.[index + 1];
        if (value === 'n/a') expect(tone).toBeNull();
        else
          expect(tone).toBe(
            Number(value) < 25
              ? 'low'
              : Number(value) < 50
                ? 'medium'
                : Number(value) < 75
                  ? 'high'
                  : 'critical',
          );
      });
    }
  });

  it("says how long before the as-of date each member's cycle was updated, and says so when it was after", () => {
    const ageSentence = (model: ReportModel, organisation: string) =>
      model.sections
        .find((s) => textString(s.title).endsWith(organisation))
        ?.blocks.map((b) => (b.kind === 'paragraph' ? textString(b.text) : ''))
        .find((line) => line.startsWith('Latest cycle'));
    // The fixtures' latest cycles were last updated on 1 to 12 December 2026 at 16:30: whole days.
    expect(ageSentence(model, 'Aurora Mobile AS')).toContain(
      'last updated 1 December 2026, 44 days before 15 January 2027.',
    );
    const asOfDay = (day: string) =>
      groupReportModel(
        groupDashboard(
          set,
          dashboard.group,
          storedOf(assessments),
          new Date(day),
        ) as ScoredGroupDashboard,
        set,
        reportTestDate,
      );
    const early = asOfDay('2026-12-06T12:00:00Z');
    expect(ageSentence(early, 'Aurora Mobile AS')).toContain(', 4 days before 6 December 2026.');
    expect(ageSentence(early, 'Kalahari Cellular')).toContain(
      'last updated 12 December 2026, after the as-of date, 6 December 2026.',
    );
    expect(ageSentence(asOfDay('2026-12-01T20:00:00Z'), 'Aurora Mobile AS')).toContain(
      'less than a day before 1 December 2026.',
    );
  });

  it('gives a member without a cycle a page that says so, and leaves it out of the group figures', () => {
    const waiting = { organisation: 'Late Filer Mobile', scope: 'Core', weight: 4 };
    const withLate = groupReportModel(
      dashboardOf({ members: [...members, waiting] }),
      set,
      reportTestDate,
    );
    const section = withLate.sections.find((s) =>
      textString(s.title).endsWith('Late Filer Mobile'),
    );
    expect(
      section?.blocks.map((b) => (b.kind === 'paragraph' ? textString(b.text) : '')),
    ).toContain(
      `No cycle of ${set.title} was given for this member: it is left out of the group risk and of every figure across the group.`,
    );
    expect(withLate.cover.facts).toContainEqual([
      'Members with a cycle',
      ['12 (1 without one, left out)'],
    ]);
  });
});

describe('the group report as a Word file', () => {
  it('renders the same model, every member and heat-map value in it', async () => {
    const model = groupReportModel(dashboard, set, reportTestDate);
    const parts = docxParts(await renderWord(model));
    const text = squash(docxParagraphs(parts['word/document.xml'] ?? '').join(' '));
    expect(text).toContain(squash('Northwind Group'));
    for (const { member, latest } of dashboard.members) {
      expect(text).toContain(squash(member.organisation));
      expect(text).toContain(squash(`Risk ${formatRisk(latest?.risk ?? NaN)} / 100`));
      const values = (latest?.domains ?? []).map((d) =>
        d.risk === null ? 'n/a' : formatRisk(d.risk),
      );
      expect(text).toContain(values.join(''));
    }
    expect(text).toContain(squash(`Group risk ${formatRisk(dashboard.groupRisk)} / 100`));
    // The heat map's cells are shaded in their band's tint.
    for (const band of ['low', 'high', 'critical'] as const)
      expect(parts['word/document.xml']).toContain(`w:fill="${hex(bandTints[band])}"`);
  });
});
