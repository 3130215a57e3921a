import type { DomainDelegation } from '../core/delegation/status.ts';
import { stageLabel } from '../core/delegation/status.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';

/** Per domain: how far its delegated questions have come, and who has them. */
export function DelegationTable({
  set,
  byDomain,
}: {
  set: QuestionSet;
  byDomain: ReadonlyMap<string, DomainDelegation>;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Delegation by domain">
      <table className="delegation-table">
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Status</th>
            <th scope="col">Who</th>
          </tr>
        </thead>
        <tbody>
          {set.domains.map((domain) => {
            const row = byDomain.get(domain.id);
            const stage = row?.stage ?? 'not-assigned';
            return (
              <tr key={domain.id}>
                <th scope="row">{domain.title}</th>
                <td>
                  <span className={`tag stage-${stage}`}>{stageLabel[stage]}</span>
                  {row && row.assigned > 0 && row.assigned < row.questions && (
                    <span className="small muted">
                      {' '}
                      ({row.assigned} of {row.questions} questions)
                    </span>
                  )}
                </td>
                <td>
                  {row?.people.map((name, index) => (
                    <span key={name}>
                      {index > 0 && ', '}
                      <bdi>{name}</bdi>
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
