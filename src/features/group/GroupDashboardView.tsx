import { BandBadge } from '../../components/BandBadge.tsx';
import { UserTextList } from '../../components/UserText.tsx';
import { formatCoverage, formatDate, formatPoints, formatRisk } from '../../core/format.ts';
import { hasGroupRisk } from '../../core/group/dashboard.ts';
import type { GroupDashboard, MemberStanding } from '../../core/group/model.ts';
import {
  bandSpreadSentence,
  groupTrendSentence,
  unconfirmedMembers,
  unconfirmedSentence,
} from '../../core/group/sentences.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { bandLabel } from '../../core/scoring/bands.ts';
import { plural } from '../../core/text.ts';
import { GroupReportButton } from './GroupReportButton.tsx';
import { HeatMap } from './HeatMap.tsx';
import { MembersTable } from './MembersTable.tsx';
import './group.css';

function GroupRisk({ dashboard }: { dashboard: GroupDashboard }) {
  const highest = dashboard.members
    .filter((standing) => standing.latest)
    .reduce<MemberStanding | undefined>(
      (top, standing) =>
        (standing.latest?.risk ?? 0) > (top?.latest?.risk ?? -1) ? standing : top,
      undefined,
    );
  return (
    <div className="panel">
      {dashboard.groupRisk !== null && dashboard.groupBand !== null ? (
        <p className="group-risk">
          <span>Group risk</span>
          <strong>{formatRisk(dashboard.groupRisk)}</strong>
          <span className="muted">out of 100</span>
          <BandBadge band={dashboard.groupBand} />
        </p>
      ) : (
        <p className="group-risk">No group risk yet</p>
      )}
      {highest?.latest && (
        <p className="group-spread">
          <strong>{bandSpreadSentence(dashboard)}</strong> The highest is{' '}
          <bdi>{highest.member.organisation}</bdi> at {formatRisk(highest.latest.risk)} (
          {bandLabel[highest.latest.band]}).
        </p>
      )}
      {highest?.latest && <p>{groupTrendSentence(dashboard)}</p>}
      <p>{dashboard.method}</p>
      <p className="muted small">
        As of {formatDate(dashboard.asOf)}; {dashboard.set.title}, version {dashboard.set.version}.
      </p>
    </div>
  );
}

/** How many members pass each phase of the attack chain unopposed, and the weakest group-wide. */
function PhasesAcrossGroup({ dashboard }: { dashboard: GroupDashboard }) {
  const weakest = dashboard.phases.find((phase) => phase.phaseId === dashboard.weakestPhase);
  return (
    <div className="panel">
      <h3 id="phases-title">The attack chain across the group</h3>
      <p>
        {weakest
          ? `The weakest phase group-wide is ${weakest.phaseId} ${weakest.title}: ${weakest.unopposedIn} of ${plural(weakest.membersWithCycle, 'member')} with a cycle let an intruder pass it unopposed (nothing in place prevents or detects it).`
          : 'No member lets an intruder pass any phase of the chain unopposed: every phase meets a control that prevents or detects it.'}{' '}
        A phase that one control opposes can still lack a critical control: the last column counts
        the members where a critical control that prevents or detects it is not in place.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="phases-caption" tabIndex={0}>
        <table className="group-table">
          <caption id="phases-caption">Members passing each phase unopposed</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col" className="number">
                Members passing it unopposed
              </th>
              <th scope="col" className="number">
                Members with a critical control of it not in place
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.phases.map((phase) => (
              <tr key={phase.phaseId}>
                <th scope="row">
                  {phase.phaseId} {phase.title}
                  {phase.phaseId === dashboard.weakestPhase && <span className="tag">Weakest</span>}
                </th>
                <td className="number">
                  {phase.unopposedIn} of {phase.membersWithCycle}
                </td>
                <td className="number">
                  {phase.criticalGapIn} of {phase.membersWithCycle}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The controls most members lack, and the plan's programmes they roll up into. */
function CommonGaps({ dashboard, set }: { dashboard: GroupDashboard; set: QuestionSet }) {
  const programmeTitle = (id: string | undefined) =>
    set.programmes.find((programme) => programme.id === id)?.title ?? '—';
  const threshold = formatCoverage(dashboard.gapThreshold);
  return (
    <div className="panel">
      <h3>Common gaps and group programmes</h3>
      {dashboard.commonGaps.length === 0 ? (
        <p>
          No control falls below a coverage of {threshold} in more than half of the members where it
          applies: there is no common gap to fund centrally.
        </p>
      ) : (
        <>
          <p className="muted">
            A common gap is a control below a coverage of {threshold} in more than half of the
            members where it applies, ranked by how far the group risk would fall if it were fully
            in place in every member. A programme&apos;s whole cut also counts each member&apos;s
            own gaps in it, common or not. Figures are rounded after they are added up.
          </p>
          <div className="table-scroll" role="region" aria-labelledby="gaps-caption" tabIndex={0}>
            <table className="group-table">
              <caption id="gaps-caption">Common gaps</caption>
              <thead>
                <tr>
                  <th scope="col">Control</th>
                  <th scope="col" className="number">
                    Members below {threshold}
                  </th>
                  <th scope="col" className="number">
                    Group risk reduction (points)
                  </th>
                  <th scope="col">Programme</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.commonGaps.map((gap) => (
                  <tr key={gap.questionId}>
                    <th scope="row">
                      <span className="question-id">{gap.questionId}</span> {gap.title}
                      {gap.critical && <span className="tag critical">Critical</span>}
                    </th>
                    <td className="number">
                      {gap.membersBelow} of {gap.membersApplicable}
                    </td>
                    <td className="number">{formatPoints(gap.groupRiskReduction)}</td>
                    <td>{programmeTitle(gap.programmeId)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {dashboard.programmes.length > 0 && (
            <div
              className="table-scroll"
              role="region"
              aria-labelledby="programmes-caption"
              tabIndex={0}
            >
              <table className="group-table">
                <caption id="programmes-caption">
                  Group programmes: the common gaps by the programme that fixes them
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Programme</th>
                    <th scope="col">Common gaps</th>
                    <th scope="col" className="number">
                      Reduction from its common gaps (points)
                    </th>
                    <th scope="col" className="number">
                      Whole programme in every member (points)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {dashboard.programmes.map((programme) => (
                    <tr key={programme.id}>
                      <th scope="row">
                        {programme.title}
                        <span className="member-scope muted small">{programme.summary}</span>
                      </th>
                      <td>{programme.questionIds.join(', ')}</td>
                      <td className="number">{formatPoints(programme.groupRiskReduction)}</td>
                      <td className="number">{formatPoints(programme.wholeProgrammeReduction)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Where every member stands on the group's question set, side by side: the group risk with its
 * method, the members, the heat map, the chain across the group, the common gaps and programmes,
 * and the group PDF.
 */
export function GroupDashboardView({
  dashboard,
  set,
}: {
  dashboard: GroupDashboard;
  set: QuestionSet;
}) {
  const withoutCycle = dashboard.members.filter((standing) => !standing.latest);
  const unconfirmed = unconfirmedMembers(dashboard);
  const { lead, tail } = unconfirmedSentence(unconfirmed.length);
  if (dashboard.members.length === 0)
    return (
      <p className="notice">
        The group has no member yet. Import the subsidiaries&apos; files or add assessments already
        on this device under “Members” below; the dashboard appears as soon as one is added.
      </p>
    );
  return (
    <>
      <GroupRisk dashboard={dashboard} />
      {hasGroupRisk(dashboard) && <GroupReportButton dashboard={dashboard} set={set} />}
      {withoutCycle.length > 0 && (
        <p className="notice warning">
          {plural(withoutCycle.length, 'member has', 'members have')} no cycle of this question set
          yet and {withoutCycle.length === 1 ? 'is' : 'are'} left out of the group figures:{' '}
          <UserTextList items={withoutCycle.map((standing) => standing.member.organisation)} />.
          Import {withoutCycle.length === 1 ? 'its file' : 'their files'} below.
        </p>
      )}
      {unconfirmed.length > 0 && (
        <p className="notice">
          {lead} (
          <UserTextList items={unconfirmed.map((standing) => standing.member.organisation)} />
          ): {tail}
        </p>
      )}
      <div className="panel">
        <MembersTable dashboard={dashboard} />
      </div>
      {withoutCycle.length < dashboard.members.length && (
        <>
          <div className="panel">
            <h3>Heat map</h3>
            <HeatMap dashboard={dashboard} />
          </div>
          <PhasesAcrossGroup dashboard={dashboard} />
          <CommonGaps dashboard={dashboard} set={set} />
        </>
      )}
    </>
  );
}
