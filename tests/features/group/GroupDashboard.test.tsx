import { act, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatRisk } from '../../../src/core/format.ts';
import { groupDashboard } from '../../../src/core/group/dashboard.ts';
import { membersOf } from '../../../src/core/group/members.ts';
import { GroupPage } from '../../../src/features/group/index.ts';
import { useGroupDashboard } from '../../../src/features/group/useGroupDashboard.ts';
import { useAssessments, useGroups } from '../../../src/store/index.ts';
import { twelveSubsidiaries } from '../../support/groupFixtures.ts';
import { seedStore } from '../../support/storeFixtures.ts';
import { groupOf, newGroup, set } from './support.ts';

const assessments = twelveSubsidiaries();
const members = membersOf(assessments);

/** Twelve subsidiaries' two cycles on this device, and a group of them with one member more. */
async function twelveMembers() {
  seedStore(...assessments);
  const id = await newGroup([...members, { organisation: 'Latecomer Mobile', scope: 'IT' }]);
  const dashboard = groupDashboard(
    set,
    groupOf(id),
    Object.values(useAssessments.getState().assessments),
    new Date(),
  );
  render(<GroupPage id={id} />);
  return { id, dashboard };
}

const membersTable = () => screen.getByRole('table', { name: /^Members, / });
/** The organisations of the members table, top to bottom. */
const memberOrder = () =>
  within(membersTable())
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('bdi')?.textContent);

describe('the group dashboard', () => {
  it('shows the group risk with its band and method, and every member with its latest cycle, linked to its results', async () => {
    const { id, dashboard } = await twelveMembers();
    expect(screen.getByText('Group risk').parentElement).toHaveTextContent(
      `Group risk${formatRisk(dashboard.groupRisk ?? NaN)}out of 100`,
    );
    expect(screen.getByText(dashboard.method)).toBeInTheDocument();
    const table = membersTable();
    for (const standing of dashboard.members) {
      const row = within(table)
        .getAllByRole('row')
        .find((r) => r.querySelector('th bdi')?.textContent === standing.member.organisation);
      if (!row) throw new Error(`no row for ${standing.member.organisation}`);
      if (!standing.latest) {
        expect(row).toHaveTextContent('No cycle of this question set yet');
        continue;
      }
      expect(within(row).getByRole('link', { name: standing.member.organisation })).toHaveAttribute(
        'href',
        `#/a/${standing.latest.assessmentId}/results?group=${id}`,
      );
      expect(row).toHaveTextContent(standing.latest.cycle);
      expect(row).toHaveTextContent(formatRisk(standing.latest.risk));
    }
    expect(screen.getByText(/1 member has no cycle of this question set yet/)).toHaveTextContent(
      'Latecomer Mobile',
    );
  });

  it('names the members whose scores rest on answers nobody has confirmed, as the group PDF does', async () => {
    const { dashboard } = await twelveMembers();
    const unconfirmed = dashboard.members.filter((m) => (m.latest?.unconfirmed ?? 0) > 0);
    const confirmed = dashboard.members.filter((m) => m.latest?.unconfirmed === 0);
    if (unconfirmed.length === 0 || confirmed.length === 0)
      throw new Error('the fixture has members with and without unconfirmed answers');
    const notice = screen.getByText(/answers carried over or taken from another set and not yet/);
    expect(notice).toHaveTextContent(
      new RegExp(
        `^${unconfirmed.length} members have answers .*: their scores may change when they are\\.$`,
      ),
    );
    for (const { member } of unconfirmed) expect(notice).toHaveTextContent(member.organisation);
    for (const { member } of confirmed) expect(notice).not.toHaveTextContent(member.organisation);
    expect(
      within(membersTable()).getByRole('columnheader', { name: 'Not confirmed' }),
    ).toBeVisible();
  });

  it('says beside the group risk how the members spread over the bands, which is highest, and how the group moved', async () => {
    const { dashboard } = await twelveMembers();
    const { membersByBand: bands } = dashboard;
    const [highest] = [...dashboard.members].sort(
      (a, b) => (b.latest?.risk ?? -1) - (a.latest?.risk ?? -1),
    );
    expect(screen.getByText(/High or Critical by their own band/).parentElement).toHaveTextContent(
      `${bands.high + bands.critical} of 12 members are High or Critical by their own band (${bands.critical} Critical, ${bands.high} High, ${bands.medium} Medium, ${bands.low} Low). The highest is ${highest?.member.organisation ?? ''} at ${formatRisk(highest?.latest?.risk ?? NaN)}`,
    );
    const { trend } = dashboard;
    if (!trend) throw new Error('every fixture member has two cycles');
    expect(
      screen.getByText(/^Over the 12 members with an earlier cycle, counted with the same weights/),
    ).toHaveTextContent(`from ${formatRisk(trend.before)} to ${formatRisk(trend.now)}`);
  });

  it('sorts by risk and by name with buttons in the column heads that say the order', async () => {
    const user = userEvent.setup();
    const { dashboard } = await twelveMembers();
    const riskHead = within(membersTable()).getByRole('columnheader', { name: /^Risk/ });
    const nameHead = within(membersTable()).getByRole('columnheader', { name: /^Member/ });
    expect(riskHead).toHaveAttribute('aria-sort', 'none');

    await user.click(within(riskHead).getByRole('button', { name: /^Risk/ }));
    expect(riskHead).toHaveAttribute('aria-sort', 'descending');
    const scored = dashboard.members.filter((m) => m.latest);
    const highestFirst = [...scored]
      .sort((a, b) => (b.latest?.risk ?? 0) - (a.latest?.risk ?? 0))
      .map((m) => m.member.organisation);
    // Without a cycle a member has no risk: last, whichever way.
    expect(memberOrder()).toEqual([...highestFirst, 'Latecomer Mobile']);
    expect(membersTable()).toHaveAccessibleName(/sorted by risk, highest first/);

    await user.click(within(riskHead).getByRole('button', { name: /^Risk/ }));
    expect(riskHead).toHaveAttribute('aria-sort', 'ascending');
    expect(memberOrder()).toEqual([...highestFirst.reverse(), 'Latecomer Mobile']);

    // The keyboard sorts as well: Enter on the focused button.
    within(nameHead).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(nameHead).toHaveAttribute('aria-sort', 'ascending');
    expect(riskHead).toHaveAttribute('aria-sort', 'none');
    const byName = memberOrder();
    expect(byName.slice(0, 3)).toEqual([
      'Aurora Mobile AS',
      'Baltic Wave Telecom',
      'Cordillera Móvil S.A.',
    ]);
  });

  it('draws the heat map as a real table: a caption, the domains and members as headers, each value as text in a focusable, labelled scroll region', async () => {
    const { dashboard } = await twelveMembers();
    const heatMap = screen.getByRole('table', { name: /^Risk per member and domain/ });
    const region = screen.getByRole('region', { name: /^Risk per member and domain/ });
    expect(region).toContainElement(heatMap);
    expect(region).toHaveAttribute('tabindex', '0');
    const columns = within(heatMap).getAllByRole('columnheader');
    expect(columns.map((c) => c.textContent)).toEqual([
      'Member',
      ...set.domains.map((domain) => domain.title),
    ]);
    for (const column of columns) expect(column).toHaveAttribute('scope', 'col');
    const rows = within(heatMap).getAllByRole('row').slice(1);
    // Only members with a cycle have a row.
    expect(rows).toHaveLength(12);
    const [first] = dashboard.members;
    const firstRow = rows[0];
    if (!first?.latest || !firstRow) throw new Error('the first member has a cycle');
    const header = within(firstRow).getByRole('rowheader');
    expect(header).toHaveAttribute('scope', 'row');
    expect(header).toHaveTextContent(first.member.organisation);
    const cells = within(firstRow).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(
      first.latest.domains.map((d) => (d.risk === null ? 'n/a' : formatRisk(d.risk))),
    );
    expect(cells[0]?.className).toMatch(/^heat-(low|medium|high|critical)$/);
  });

  it('shows the phases across the group with the weakest, and the common gaps rolled into programmes', async () => {
    const { dashboard } = await twelveMembers();
    const phases = screen.getByRole('table', { name: 'Members passing each phase unopposed' });
    expect(within(phases).getAllByRole('row')).toHaveLength(set.phases.length + 1);
    const weakest = dashboard.phases.find((p) => p.phaseId === dashboard.weakestPhase);
    if (weakest)
      expect(screen.getByText(/The weakest phase group-wide is/)).toHaveTextContent(
        `${weakest.phaseId} ${weakest.title}: ${weakest.unopposedIn} of 12 members`,
      );
    if (dashboard.commonGaps.length > 0) {
      const gaps = screen.getByRole('table', { name: 'Common gaps' });
      expect(within(gaps).getAllByRole('row')).toHaveLength(dashboard.commonGaps.length + 1);
      const programmes = screen.getByRole('table', { name: /^Group programmes/ });
      expect(within(programmes).getAllByRole('row')).toHaveLength(dashboard.programmes.length + 1);
      // Each programme: its common gaps' reduction, then the whole programme's.
      for (const programme of dashboard.programmes)
        expect(
          within(programmes).getByRole('rowheader', { name: new RegExp(`^${programme.title}`) })
            .parentElement,
        ).toHaveTextContent(
          `${programme.groupRiskReduction.toFixed(1)}${programme.wholeProgrammeReduction.toFixed(1)}`,
        );
    }
    expect(screen.getByRole('button', { name: 'Download group PDF' })).toBeInTheDocument();
  });

  it('is computed once per change of the group or of its set’s assessments, not when an assessment is only opened', async () => {
    const ids = seedStore(...assessments);
    const id = await newGroup(members);
    const group = groupOf(id);
    const { result, rerender } = renderHook(() =>
      useGroupDashboard(
        useGroups((state) => state.groups[id] ?? group),
        set,
      ),
    );
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    // Opening a member's results records where it was left: no assessment changed.
    act(() => useAssessments.getState().setPosition(ids[1] ?? '', { view: 'review' }));
    expect(result.current).toBe(first);
    act(() => useGroups.getState().updateGroup(id, { staleAfterDays: 30 }));
    const second = result.current;
    expect(second).not.toBe(first);
    act(() => useAssessments.getState().remove(ids[0] ?? ''));
    expect(result.current).not.toBe(second);
  });
});
