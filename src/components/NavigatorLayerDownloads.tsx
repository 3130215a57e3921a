import { useId, useState } from 'react';
import type { Assessment } from '../core/assessment/model.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { score } from '../core/scoring/score.ts';
import { assessmentFileName, downloadFile, fileSafe } from './download.ts';
import './NavigatorLayerDownloads.css';

type LayerKind = 'coverage' | 'change';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; layer: LayerKind }
  | { kind: 'done'; layer: LayerKind; fileName: string }
  | { kind: 'failed' };

const layerName: Readonly<Record<LayerKind, string>> = {
  coverage: 'ATT&CK Navigator layer',
  change: 'ATT&CK Navigator layer of the change',
};

/**
 * "Download ATT&CK Navigator layer" and, given an earlier cycle of the same set, the layer of the
 * change since then (docs/navigator-layer.md). The layer code is imported only when a button is
 * pressed, so it stays out of the page's first load; the file is made in the browser and nothing
 * is sent anywhere.
 */
export function NavigatorLayerDownloads({
  set,
  current,
  previous,
  changeOnly = false,
}: {
  set: QuestionSet;
  /** The assessment, or the later of the two cycles. */
  current: Assessment;
  /** An earlier cycle of the same set: offers the change layer. */
  previous?: Assessment | undefined;
  /** Offer only the change layer (the compare page, which is about the change). */
  changeOnly?: boolean;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const hintId = useId();

  async function download(layer: LayerKind) {
    // One file at a time; the buttons stay enabled so that keyboard focus never drops to the page.
    if (state.kind === 'working') return;
    setState({ kind: 'working', layer });
    try {
      const exporter = await import('../core/export/navigatorLayer.ts');
      const scoredCurrent = { assessment: current, result: score(set, current) };
      const file =
        layer === 'change' && previous
          ? {
              layer: exporter.navigatorChangeLayer(
                set,
                { assessment: previous, result: score(set, previous) },
                scoredCurrent,
              ),
              fileName: assessmentFileName(
                current,
                `-since-${fileSafe(previous.cycle, 'cycle')}.json`,
                'navigator-change',
              ),
            }
          : {
              layer: exporter.navigatorLayer(set, scoredCurrent),
              fileName: assessmentFileName(current, '.json', 'navigator'),
            };
      downloadFile(exporter.navigatorLayerJson(file.layer), file.fileName, 'application/json');
      setState({ kind: 'done', layer, fileName: file.fileName });
    } catch (error) {
      // The details are for whoever supports Cellguard, not for the page.
      console.error('Cellguard could not make the ATT&CK Navigator layer', error);
      setState({ kind: 'failed' });
    }
  }

  return (
    <div className="navigator-downloads">
      <div className="button-row">
        {!changeOnly && (
          <button
            type="button"
            className="button"
            onClick={() => void download('coverage')}
            aria-describedby={hintId}
          >
            Download ATT&CK Navigator layer
          </button>
        )}
        {previous && (
          <button
            type="button"
            className="button"
            onClick={() => void download('change')}
            aria-describedby={hintId}
          >
            Download ATT&CK Navigator layer of the change from {previous.cycle} to {current.cycle}
          </button>
        )}
      </div>
      <p id={hintId} className="hint">
        For MITRE ATT&CK Navigator: Open Existing Layer, then Upload from local.
      </p>
      <div role="status" aria-live="polite">
        {state.kind === 'working' && (
          <p className="muted small">Preparing the {layerName[state.layer]}…</p>
        )}
        {state.kind === 'done' && (
          <p className="muted small">
            The {layerName[state.layer]} has been downloaded as <bdi>{state.fileName}</bdi>.
          </p>
        )}
      </div>
      {state.kind === 'failed' && (
        <p className="notice warning" role="alert">
          The ATT&CK Navigator layer could not be made: this browser could not load the exporter or
          refused the download. Your answers are safe; reload the page and try again.
        </p>
      )}
    </div>
  );
}
