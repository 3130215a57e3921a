import { formatRisk } from '../../core/format.ts';
import type { GroupDashboard } from '../../core/group/model.ts';
import { bandLabel, bandOf, bandOrder, bandThresholds } from '../../core/scoring/bands.ts';
import { MemberName } from './MemberName.tsx';
import './group.css';

/**
 * Risk per member and domain as a real table: a screen reader reads each cell with its member and
 * domain, the keyboard scrolls it sideways on a narrow screen, and each cell shows its value as
 * text; the band's tint only repeats it for the eye. Members without a cycle have no row.
 */
export function HeatMap({ dashboard }: { dashboard: GroupDashboard }) {
  const scored = dashboard.members.filter((standing) => standing.latest);
  if (scored.length === 0) return null;
  return (
    <>
      <p className="muted small">
        Each member&apos;s latest cycle; where the table is wider than the screen, it scrolls
        sideways.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="heat-map-caption" tabIndex={0}>
        <table className="group-table heat-map">
          <caption id="heat-map-caption">
            Risk per member and domain, from 0 (no gap) to 100; n/a where no control of the domain
            applies
          </caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              {dashboard.domains.map((domain) => (
                <th scope="col" key={domain.domainId}>
                  {domain.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scored.map(({ key, member, latest }) => (
              <tr key={key}>
                <th scope="row">
                  <MemberName member={member} />
                </th>
                {dashboard.domains.map((domain) => {
                  const risk =
                    latest?.domains.find((d) => d.domainId === domain.domainId)?.risk ?? null;
                  return risk === null ? (
                    <td key={domain.domainId} className="heat-none">
                      n/a
                    </td>
                  ) : (
                    <td key={domain.domainId} className={`heat-${bandOf(risk)}`}>
                      {formatRisk(risk)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="heat-legend small" aria-label="Colours of the heat map">
        {bandOrder.map((band, index) => {
          const upper = bandOrder[index + 1];
          return (
            <li key={band}>
              <span className={`heat-${band}`}>{bandLabel[band]}</span>{' '}
              {upper
                ? `${bandThresholds[band]} to under ${bandThresholds[upper]}`
                : `${bandThresholds[band]} and over`}
            </li>
          );
        })}
      </ul>
    </>
  );
}
