import { useEffect, useMemo, useRef, useState } from 'react';
import { BandBadge } from '../../components/BandBadge.tsx';
import { pointsMove, riskDirection } from '../../core/comparison/direction.ts';
import { formatDate, formatRisk, shownChange } from '../../core/format.ts';
import type { GroupDashboard, MemberStanding } from '../../core/group/model.ts';
import { plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { MemberName } from './MemberName.tsx';
import './group.css';

type SortKey = 'name' | 'risk';
type Direction = 'ascending' | 'descending';
export interface MemberSort {
  by: SortKey;
  direction: Direction;
}

/** Names in the reader's order, letter case and accents aside, whatever their script. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The members in the order asked for; members without a cycle have no risk and stay at the end
 * either way, by name. Ties go by name, so the order never depends on the group's own order.
 */
export function sortedMembers(
  members: readonly MemberStanding[],
  sort: MemberSort | null,
): MemberStanding[] {
  if (!sort) return [...members];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: MemberStanding, b: MemberStanding) =>
    collator.compare(a.member.organisation, b.member.organisation) ||
    collator.compare(a.member.scope, b.member.scope);
  return [...members].sort((a, b) => {
    if (!a.latest || !b.latest) return Number(!a.latest) - Number(!b.latest) || byName(a, b);
    if (sort.by === 'risk') return sign * (a.latest.risk - b.latest.risk) || byName(a, b);
    return sign * byName(a, b);
  });
}

/** A risk is worth seeing highest first; a name from A. */
const firstDirection: Readonly<Record<SortKey, Direction>> = {
  name: 'ascending',
  risk: 'descending',
};

function SortableHead({
  label,
  by,
  sort,
  onSort,
  className,
}: {
  label: string;
  by: SortKey;
  sort: MemberSort | null;
  onSort: (sort: MemberSort) => void;
  className?: string;
}) {
  const current = sort?.by === by ? sort.direction : undefined;
  const next: Direction = current
    ? current === 'ascending'
      ? 'descending'
      : 'ascending'
    : firstDirection[by];
  return (
    <th scope="col" aria-sort={current ?? 'none'} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort({ by, direction: next })}>
        {label}
        <span aria-hidden="true">
          {current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ' ⇅'}
        </span>
      </button>
    </th>
  );
}

function ChangeCell({ standing }: { standing: MemberStanding }) {
  if (!standing.latest) return <td>—</td>;
  if (standing.change === undefined || !standing.previous)
    return <td className="muted">No earlier cycle</td>;
  const change = shownChange(standing.previous.risk, standing.latest.risk);
  const direction = riskDirection(change);
  return (
    <td>
      <span className={`delta ${direction}`}>{pointsMove(change)}</span>{' '}
      <span className="muted small">
        since <bdi>{standing.previous.cycle}</bdi> ({formatRisk(standing.previous.risk)})
      </span>
    </td>
  );
}

/**
 * The order each group's table was last put in, for as long as the tab is open: back from a
 * member's results, the table is as it was left.
 */
const sortByGroup = new Map<string, MemberSort>();

/**
 * The member whose results each group's table last opened, for as long as the tab is open: back
 * on the group, the keyboard resumes at that member's link, scrolled into view.
 */
const openedByGroup = new Map<string, string>();

/**
 * Every member's latest cycle, one row each, sortable by name and by risk with the buttons in the
 * column heads; each name opens the member's latest results.
 */
export function MembersTable({ dashboard }: { dashboard: GroupDashboard }) {
  const groupId = dashboard.group.id;
  const [sort, setShownSort] = useState<MemberSort | null>(() => sortByGroup.get(groupId) ?? null);
  const setSort = (next: MemberSort) => {
    sortByGroup.set(groupId, next);
    setShownSort(next);
  };
  const [returnTo] = useState(() => openedByGroup.get(groupId));
  const returnLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    openedByGroup.delete(groupId);
    returnLink.current?.focus();
  }, [groupId]);
  const rows = useMemo(() => sortedMembers(dashboard.members, sort), [dashboard.members, sort]);
  const weighted = dashboard.members.some((standing) => standing.member.weight !== undefined);
  const order = sort
    ? `sorted by ${sort.by === 'risk' ? 'risk' : 'name'}, ${sort.direction === 'descending' ? (sort.by === 'risk' ? 'highest first' : 'Z to A') : sort.by === 'risk' ? 'lowest first' : 'A to Z'}`
    : 'in the group’s order';
  return (
    <>
      <p className="muted small" id="members-hint">
        “Not confirmed”: answers carried over from the previous cycle or taken from another question
        set that nobody has confirmed yet. “Stale”: the latest cycle was last changed more than{' '}
        {plural(dashboard.group.staleAfterDays, 'day')} ago. Where the table is wider than the
        screen, it scrolls sideways.
      </p>
      <div
        className="table-scroll"
        role="region"
        aria-labelledby="members-caption"
        aria-describedby="members-hint"
        tabIndex={0}
      >
        <table className="group-table" id="group-members-table">
          <caption id="members-caption">
            Members, {order}
            <span className="visually-hidden">
              . The buttons in the Member and Risk column heads sort the table.
            </span>
          </caption>
          <thead>
            <tr>
              <SortableHead label="Member" by="name" sort={sort} onSort={setSort} />
              {weighted && (
                <th scope="col" className="number">
                  Weight
                </th>
              )}
              <th scope="col">Latest cycle</th>
              <SortableHead
                label="Risk"
                by="risk"
                sort={sort}
                onSort={setSort}
                className="number"
              />
              <th scope="col">Band</th>
              <th scope="col" className="number">
                Not confirmed
              </th>
              <th scope="col">Change since previous cycle</th>
              <th scope="col">Stale</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((standing) => {
              const { member, latest } = standing;
              return (
                <tr key={standing.key}>
                  <th scope="row">
                    <MemberName
                      member={member}
                      onOpen={() => openedByGroup.set(groupId, standing.key)}
                      {...(standing.key === returnTo ? { linkRef: returnLink } : {})}
                      href={
                        latest ? hrefs.results(latest.assessmentId, dashboard.group.id) : undefined
                      }
                    />
                  </th>
                  {weighted && <td className="number">{standing.weight}</td>}
                  {latest ? (
                    <>
                      <td>
                        <bdi className="member-cycle">{latest.cycle}</bdi>
                        <span className="member-scope muted small">
                          changed {formatDate(latest.updatedAt)}
                        </span>
                      </td>
                      <td className="number">
                        <strong>{formatRisk(latest.risk)}</strong>
                      </td>
                      <td>
                        <BandBadge band={latest.band} />
                      </td>
                      <td className="number">{latest.unconfirmed}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">
                      No cycle of this question set yet
                    </td>
                  )}
                  <ChangeCell standing={standing} />
                  <td>
                    {standing.stale ? (
                      <span className="stale-flag">
                        Stale: {plural(standing.ageDays ?? 0, 'day')} old
                      </span>
                    ) : latest ? (
                      'No'
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
