import { useMemo, useState } from 'react';
import { BandBadge } from '../../components/BandBadge.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProgressMeter } from '../../components/ProgressMeter.tsx';
import { cycleSeries } from '../../core/cycles/cycles.ts';
import { formatDateTime, formatRisk } from '../../core/format.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments, type StoredAssessment } from '../../store/index.ts';
import { StorageUsePanel } from './StorageUsePanel.tsx';
import './home.css';

interface RowProps {
  stored: StoredAssessment;
  cyclesInSeries: number;
  onDelete: () => void;
}

function AssessmentRow({ stored, cyclesInSeries, onDelete }: RowProps) {
  const duplicate = useAssessments((state) => state.duplicate);
  const { assessment, summary } = stored;
  const name = `${assessment.organisation}, ${assessment.cycle}`;
  return (
    <li className="assessment-card">
      <div className="assessment-card-main">
        <h2>
          <a href={hrefs.assessment(stored.id)}>{assessment.organisation}</a>
        </h2>
        <p className="muted">
          {assessment.scope || 'No scope given'} · {assessment.cycle}
          {assessment.assessor ? ` · ${assessment.assessor}` : ''}
        </p>
        <p className="muted small">Last edited {formatDateTime(assessment.updatedAt)}</p>
      </div>
      <div className="assessment-card-status">
        {summary ? (
          <ProgressMeter
            answered={summary.answered}
            total={summary.visible}
            label={`Questions answered in ${name}`}
          />
        ) : (
          <p className="muted small">Not started</p>
        )}
        {summary?.risk !== undefined && summary.band ? (
          <p className="risk-line">
            Risk <strong>{formatRisk(summary.risk)}</strong> <BandBadge band={summary.band} />
          </p>
        ) : (
          <p className="muted small">In progress</p>
        )}
      </div>
      <div className="button-row">
        <a
          className="button primary"
          href={hrefs.assessment(stored.id)}
          aria-label={`Open ${name}`}
        >
          Open
        </a>
        <a
          className="button"
          href={hrefs.nextCycle(stored.id)}
          aria-label={`Start the next cycle after ${name}`}
        >
          Next cycle
        </a>
        {cyclesInSeries > 1 && (
          <a className="button" href={hrefs.history(stored.id)} aria-label={`History of ${name}`}>
            History ({cyclesInSeries})
          </a>
        )}
        <a
          className="button"
          href={hrefs.exportFile(stored.id)}
          aria-label={`Export ${name} as a file`}
        >
          Export
        </a>
        <button
          type="button"
          className="button"
          aria-label={`Duplicate ${name}`}
          onClick={() => {
            const copy = duplicate(stored.id);
            if (copy) navigate(hrefs.assessment(copy));
          }}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button danger-outline"
          aria-label={`Delete ${name}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

export function HomePage() {
  const assessments = useAssessments((state) => state.assessments);
  const remove = useAssessments((state) => state.remove);
  const staleEvidenceDays = useAssessments((state) => state.settings.staleEvidenceDays);
  const eraseAll = useAssessments((state) => state.eraseAll);
  const [confirmErase, setConfirmErase] = useState(false);
  const setStaleEvidenceDays = useAssessments((state) => state.setStaleEvidenceDays);
  const [pendingDelete, setPendingDelete] = useState<StoredAssessment | null>(null);
  const sorted = useMemo(
    () =>
      Object.values(assessments).sort((a, b) =>
        b.assessment.updatedAt.localeCompare(a.assessment.updatedAt),
      ),
    [assessments],
  );

  return (
    <section aria-labelledby="home-title">
      <div className="page-heading">
        <h1 id="home-title">Assessments on this device</h1>
        <div className="button-row">
          <a className="button primary" href={hrefs.newAssessment()}>
            Start a new assessment
          </a>
          <a className="button" href={hrefs.importFile()}>
            Import a file
          </a>
        </div>
      </div>
      <p className="lead">
        How far could an intrusion like Operation Soft Cell get in your network? Questions in ten
        areas, from the internet-facing web tier to the call detail records, give a risk score, the
        weak points of the attack chain and a prioritised plan. Answers are saved in this browser as
        you type and never leave it.
      </p>
      {sorted.length === 0 ? (
        <div className="empty-state">
          <h2>No assessment yet</h2>
          <p>
            Start one for your organisation and scope. You can stop at any point and carry on later
            from this page.
          </p>
        </div>
      ) : (
        <ul className="assessment-list" aria-label="Saved assessments">
          {sorted.map((stored) => (
            <AssessmentRow
              key={stored.id}
              stored={stored}
              cyclesInSeries={cycleSeries(sorted, stored.assessment).length}
              onDelete={() => setPendingDelete(stored)}
            />
          ))}
        </ul>
      )}
      <details className="settings">
        <summary>Settings</summary>
        <div className="field">
          <label htmlFor="stale-days">Flag evidence older than (days)</label>
          <input
            id="stale-days"
            type="number"
            min={1}
            max={3650}
            value={staleEvidenceDays}
            onChange={(event) => {
              const days = Math.round(Number(event.target.value));
              if (days >= 1 && days <= 3650) setStaleEvidenceDays(days);
            }}
          />
          <p className="hint">
            Evidence older than this, or carried over without a date, is marked for re-checking.
          </p>
        </div>
        <h2>Storage on this device</h2>
        <StorageUsePanel />
        <p>
          <a className="button" href={hrefs.backup()}>
            Back up or restore everything
          </a>
        </p>
      </details>
      <section className="privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">Privacy</h2>
        <p>
          Everything you enter stays in this browser&apos;s storage on this device. Cellguard sends
          nothing over the network, has no account and no analytics; files leave only when you
          export them.
        </p>
        <button
          type="button"
          className="button danger-outline"
          onClick={() => setConfirmErase(true)}
        >
          Erase all data on this device
        </button>
      </section>
      {confirmErase && (
        <ConfirmDialog
          title="Erase all Cellguard data from this browser?"
          body={`${sorted.length} assessment${sorted.length === 1 ? '' : 's'}, the settings and any kept copies will be removed from this browser. Export what you need first. This cannot be undone.`}
          confirmLabel="Erase everything"
          onCancel={() => setConfirmErase(false)}
          onConfirm={() => {
            void eraseAll();
            setConfirmErase(false);
          }}
        />
      )}
      {pendingDelete && (
        <ConfirmDialog
          title="Delete this assessment?"
          body={`${pendingDelete.assessment.organisation}, ${pendingDelete.assessment.cycle} and all its answers will be removed from this browser. This cannot be undone.`}
          confirmLabel="Delete assessment"
          onCancel={() => setPendingDelete(null)}
          onConfirm={() => {
            remove(pendingDelete.id);
            setPendingDelete(null);
          }}
        />
      )}
    </section>
  );
}
