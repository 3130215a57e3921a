import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../src/components/download.ts';
import { questionSetById } from '../../src/content/questionSets.ts';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import { ComparePage } from '../../src/features/cycles/index.ts';
import { ResultsPage } from '../../src/features/results/index.ts';
import { navigatorLayerSchema } from '../support/navigatorLayerSchema.ts';
import { fixtureAssessment, seedStore } from '../support/storeFixtures.ts';

// The file is caught where the page hands it to the browser; the file names are the real ones.
vi.mock('../../src/components/download.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/components/download.ts')>()),
  downloadFile: vi.fn(),
}));

const softcell = questionSetById('softcell');

/** Q4 as the middle profile; Q1 one quarter later with CRD-02 verified (T1003.002: +15 points). */
function twoQuarters(): { q4: Assessment; q1: Assessment } {
  const q4 = fixtureAssessment('middle-profile');
  const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
  q1.answers['CRD-02'] = { choice: 'verified' };
  return { q4, q1 };
}

/** The one file downloaded: its name, its type, and its text read as a Navigator layer. */
function downloadedLayer() {
  expect(downloadFile).toHaveBeenCalledTimes(1);
  const [text, fileName, type] = vi.mocked(downloadFile).mock.calls[0] ?? [];
  const read = navigatorLayerSchema.safeParse(JSON.parse(String(text)));
  expect(read.error?.issues ?? []).toEqual([]);
  return { fileName, type, layer: read.data };
}

const scoreOf = (layer: ReturnType<typeof downloadedLayer>['layer'], id: string) =>
  layer?.techniques?.find((t) => t.techniqueID === id)?.score;

beforeEach(() => {
  vi.mocked(downloadFile).mockReset();
  // jsdom does not scroll; the compare page asks to open at its top.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('ATT&CK Navigator layers on the results page', () => {
  it('downloads the assessment as a layer each technique is scored in, and says so', async () => {
    const assessment = fixtureAssessment('middle-profile');
    const [id = ''] = seedStore(assessment);
    const user = userEvent.setup();
    render(<ResultsPage set={softcell} assessmentId={id} assessment={assessment} />);
    // No earlier cycle: nothing to compare, so no change layer is offered.
    expect(screen.queryByRole('button', { name: /layer of the change/ })).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Download ATT&CK Navigator layer' });
    expect(button).toHaveAccessibleDescription(
      'For MITRE ATT&CK Navigator: Open Existing Layer, then Upload from local.',
    );
    await user.click(button);
    const fileName =
      'cellguard-navigator-softcell-Example-Networks-mid-journey-profile-2026-Q4.json';
    await waitFor(() =>
      expect(screen.getByText(/has been downloaded as/)).toHaveTextContent(
        `The ATT&CK Navigator layer has been downloaded as ${fileName}.`,
      ),
    );
    const downloaded = downloadedLayer();
    expect([downloaded.fileName, downloaded.type]).toEqual([fileName, 'application/json']);
    expect(downloaded.layer?.versions).toEqual({ attack: '18', navigator: '5.2.0', layer: '4.5' });
    // CRD-02 alone maps T1003.002; the middle profile has it alerted on all servers (0.85).
    expect(scoreOf(downloaded.layer, 'T1003.002')).toBe(85);
  });

  it('offers the change since the previous cycle, scored by the improvement', async () => {
    const { q4, q1 } = twoQuarters();
    const [, id = ''] = seedStore(q4, q1);
    const user = userEvent.setup();
    render(<ResultsPage set={softcell} assessmentId={id} assessment={q1} />);
    await user.click(
      screen.getByRole('button', {
        name: 'Download ATT&CK Navigator layer of the change from 2026-Q4 to 2027-Q1',
      }),
    );
    await waitFor(() => expect(downloadFile).toHaveBeenCalled());
    const { fileName, layer } = downloadedLayer();
    expect(fileName).toBe(
      'cellguard-navigator-change-softcell-Example-Networks-mid-journey-profile-2027-Q1-since-2026-Q4.json',
    );
    expect(scoreOf(layer, 'T1003.002')).toBe(15);
    expect(scoreOf(layer, 'T1190')).toBe(0);
    expect(layer?.gradient?.minValue).toBe(-(layer?.gradient?.maxValue ?? 0));
  });

  it('says so in plain words when the browser refuses the download', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.mocked(downloadFile).mockImplementationOnce(() => {
      throw new Error('downloads are blocked');
    });
    const assessment = fixtureAssessment('all-best');
    const [id = ''] = seedStore(assessment);
    const user = userEvent.setup();
    render(<ResultsPage set={softcell} assessmentId={id} assessment={assessment} />);
    await user.click(screen.getByRole('button', { name: 'Download ATT&CK Navigator layer' }));
    expect(
      await screen.findByText(
        'The ATT&CK Navigator layer could not be made: this browser could not load the exporter or refused the download. Your answers are safe; reload the page and try again.',
      ),
    ).toHaveAttribute('role', 'alert');
    expect(logged).toHaveBeenCalledOnce();
  });
});

describe('the ATT&CK Navigator change layer on the compare page', () => {
  it('downloads the change between the two cycles compared, and no layer of one cycle alone', async () => {
    const { q4, q1 } = twoQuarters();
    const [from = '', to = ''] = seedStore(q4, q1);
    const user = userEvent.setup();
    render(<ComparePage from={from} to={to} />);
    expect(
      screen.queryByRole('button', { name: 'Download ATT&CK Navigator layer' }),
    ).not.toBeInTheDocument();
    const button = screen.getByRole('button', {
      name: 'Download ATT&CK Navigator layer of the change from 2026-Q4 to 2027-Q1',
    });
    expect(button).toHaveAccessibleDescription(
      'For MITRE ATT&CK Navigator: Open Existing Layer, then Upload from local.',
    );
    await user.click(button);
    const status = await screen.findByText(/has been downloaded as/);
    expect(status).toHaveTextContent(
      /^The ATT&CK Navigator layer of the change has been downloaded as cellguard-navigator-change-softcell-.+-2027-Q1-since-2026-Q4\.json\.$/,
    );
    // The file name holds the organisation as typed: isolated, so that it reads in any script.
    expect(status.querySelector('bdi')?.textContent).toMatch(
      /^cellguard-navigator-change-.+\.json$/,
    );
    const { layer } = downloadedLayer();
    expect(scoreOf(layer, 'T1003.002')).toBe(15);
    expect(layer?.metadata).toContainEqual({ name: 'Earlier cycle', value: '2026-Q4' });
    expect(layer?.metadata).toContainEqual({ name: 'Later cycle', value: '2027-Q1' });
  });
});
