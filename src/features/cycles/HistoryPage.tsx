import { useId, useMemo } from 'react';
import { BandBadge } from '../../components/BandBadge.tsx';
import { isolated } from '../../components/UserText.tsx';
import { questionSetById } from '../../content/questionSets.ts';
import { pointsMove, riskDirection } from '../../core/comparison/direction.ts';
import { cycleSeries } from '../../core/cycles/cycles.ts';
import { formatDate, formatRisk } from '../../core/format.ts';
import { progressOf } from '../../core/scoring/progress.ts';
import { score } from '../../core/scoring/score.ts';
import { plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';
import { Sparkline } from './Sparkline.tsx';
import { CycleScroller } from './CycleScroller.tsx';
import { TrendChart } from './TrendChart.tsx';
import './cycles.css';

/** Every cycle of one organisation and scope: the risk trend and each domain's risk per cycle. */
export function HistoryPage({ id }: { id: string }) {
  const assessments = useAssessments((state) => state.assessments);
  const current = assessments[id];
  const chartTitleId = useId();
  const tableTitleId = useId();
  const set = current ? questionSetById(current.assessment.questionSet.id) : undefined;
  const series = useMemo(
    () =>
      current && set
        ? cycleSeries(Object.values(assessments), current.assessment).map((stored) => {
            const progress = progressOf(set, stored.assessment.answers);
            return {
              stored,
              result: score(set, stored.assessment),
              unconfirmed: progress.unconfirmed,
              unanswered: progress.visible - progress.answered,
            };
          })
        : [],
    [assessments, current, set],
  );
  if (!current || !set) return <p>There is no such assessment in this browser.</p>;
  const { organisation, scope, cycle } = current.assessment;
  return (
    <section aria-labelledby="history-title">
      <p>
        <a href={hrefs.results(id)}>Back to the {cycle} results</a>
      </p>
      <h1 id="history-title">
        History: <bdi>{organisation}</bdi>
        {scope && (
          <>
            {' · '}
            <bdi>{scope}</bdi>
          </>
        )}
      </h1>
      <p className="muted">{set.title}</p>
      <p className="lead">
        {plural(
          series.length,
          'cycle of this organisation and scope is',
          'cycles of this organisation and scope are',
        )}{' '}
        kept in this browser.
        {series.some(({ unconfirmed }) => unconfirmed > 0) &&
          ' A cycle marked draft rests partly on answers carried over from the cycle before (or taken from another set) and not yet confirmed.'}
      </p>
      <div className="panel">
        <h2 id={chartTitleId}>Risk per cycle</h2>
        <CycleScroller labelledBy={chartTitleId}>
          {(width) => (
            <TrendChart
              title={`Risk score per cycle for ${isolated(organisation)}`}
              width={width}
              // A cycle without answers has no risk worth drawing: it would plot as 100.
              points={series
                .filter(({ stored }) => Object.keys(stored.assessment.answers).length > 0)
                .map(({ stored, result }) => ({
                  label: stored.assessment.cycle,
                  risk: result.risk,
                }))}
            />
          )}
        </CycleScroller>
      </div>
      <div className="panel">
        <h2 id={tableTitleId}>Risk per domain and cycle</h2>
        <p className="muted small">
          Each line runs from the oldest cycle to the newest: green when the risk fell, red when it
          rose, grey when it stayed level.
        </p>
        <CycleScroller labelledBy={tableTitleId}>
          {() => (
            <table className="history-table">
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  <th scope="col">Trend</th>
                  {series.map(({ stored, unconfirmed, unanswered }) => (
                    <th scope="col" key={stored.id} className="cycle-label">
                      <a href={hrefs.results(stored.id)}>{stored.assessment.cycle}</a>
                      <span className="muted small cycle-date">
                        {' '}
                        {formatDate(stored.assessment.createdAt)}
                      </span>
                      {unconfirmed > 0 && (
                        <span className="cycle-draft small">Draft: {unconfirmed} unconfirmed</span>
                      )}
                      {Object.keys(stored.assessment.answers).length === 0 ? (
                        <span className="cycle-draft small">No answers yet</span>
                      ) : (
                        unanswered > 0 && (
                          // Unanswered questions count as not in place: the risk is as bad as it can be for them.
                          <span className="cycle-draft small">
                            Incomplete: {unanswered} unanswered
                          </span>
                        )
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Overall</th>
                  <td>
                    <Sparkline values={series.map(({ result }) => result.risk)} />
                  </td>
                  {series.map(({ stored, result }) => (
                    <td key={stored.id}>
                      <strong>{formatRisk(result.risk)}</strong> <BandBadge band={result.band} />
                    </td>
                  ))}
                </tr>
                {set.domains.map((domain) => (
                  <tr key={domain.id}>
                    <th scope="row">{domain.title}</th>
                    <td>
                      <Sparkline
                        values={series.map(
                          ({ result }) =>
                            result.domains.find((d) => d.domainId === domain.id)?.risk ?? null,
                        )}
                      />
                    </td>
                    {series.map(({ stored, result }, index) => {
                      const risk =
                        result.domains.find((d) => d.domainId === domain.id)?.risk ?? null;
                      const before =
                        index > 0
                          ? series[index - 1]?.result.domains.find((d) => d.domainId === domain.id)
                              ?.risk
                          : null;
                      const delta =
                        risk !== null && before !== null && before !== undefined
                          ? risk - before
                          : null;
                      const direction = delta === null ? 'same' : riskDirection(delta);
                      return (
                        <td key={stored.id}>
                          {risk === null ? 'n/a' : formatRisk(risk)}
                          {delta !== null && direction !== 'same' && (
                            <span className={`delta ${direction}`}> ({pointsMove(delta)})</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CycleScroller>
      </div>
      {series.length >= 2 && (
        <a
          className="button"
          href={hrefs.compare(series.at(-2)?.stored.id ?? '', series.at(-1)?.stored.id ?? '')}
        >
          Compare the last two cycles
        </a>
      )}
    </section>
  );
}
