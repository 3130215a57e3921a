import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeAssessmentFile } from '../../../src/core/assessment/exportFile.ts';
import { formatRisk } from '../../../src/core/format.ts';
import { bandLabel } from '../../../src/core/scoring/bands.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { GroupPage } from '../../../src/features/group/index.ts';
import { useAssessments } from '../../../src/store/index.ts';
import { exportedFile } from '../../support/exportedFile.ts';
import { groupFixture } from '../../support/groupFixtures.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';
import { exportedAt, fileOf, groupOf, newGroup, set } from './support.ts';

const filesLabel = "Subsidiaries' assessment files";
const snapshot = () => JSON.stringify(useAssessments.getState().assessments);
const rowOf = (fileName: string) => {
  const cell = screen.getByRole('rowheader', { name: fileName });
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${fileName}`);
  return row;
};
const riskText = (assessment: Parameters<typeof score>[1]) => {
  const { risk, band } = score(set, assessment);
  return `${formatRisk(risk)} (${bandLabel[band]})`;
};

// Three subsidiaries, two cycles each: [A Q3, A Q4, B Q3, B Q4, C Q3, C Q4].
const [aQ3, aQ4, bQ3, bQ4, cQ3] = groupFixture(3);
if (!aQ3 || !aQ4 || !bQ3 || !bQ4 || !cQ3) throw new Error('the fixture has six assessments');

beforeEach(() => {
  window.location.hash = '#/groups';
});

describe('importing subsidiaries’ files into a group', () => {
  it('previews each file as added, replacing (with the risk before and after) or refused, and keeps nothing before the confirmation', async () => {
    const user = userEvent.setup();
    // This device holds an earlier, half-answered version of A's 2026-Q4.
    const halfAnswered = {
      ...aQ4,
      answers: Object.fromEntries(Object.entries(aQ4.answers).slice(0, 12)),
    };
    const [storedA4] = seedStore(halfAnswered);
    const id = await newGroup();
    render(<GroupPage id={id} />);
    const before = snapshot();
    const edited = serializeAssessmentFile(bQ4, exportedAt).replace(
      bQ4.organisation,
      'Somebody Else Telecom',
    );
    await user.upload(screen.getByLabelText(filesLabel), [
      fileOf(aQ3, 'subsidiary-01-2026-Q3.json'),
      fileOf(aQ4, 'subsidiary-01-2026-Q4.json'),
      fileOf(bQ3, 'subsidiary-02-2026-Q3.json'),
      fileOf(bQ4, 'subsidiary-02-2026-Q4.json', edited),
      fileOf(bQ3, 'subsidiary-02-copy.json'),
      new File(['{"format": "something else"}'], 'notes.json'),
    ]);

    await screen.findByRole('table', { name: 'What importing the picked files would do' });
    expect(screen.getByText(/6 files picked: 2 to add, 1 to replace/)).toBeInTheDocument();
    const added = rowOf('subsidiary-01-2026-Q3.json');
    expect(added).toHaveTextContent(aQ3.organisation);
    expect(added).toHaveTextContent(aQ3.scope);
    expect(added).toHaveTextContent('2026-Q3');
    expect(added).toHaveTextContent(`Added: new on this device, risk ${riskText(aQ3)}.`);
    expect(rowOf('subsidiary-01-2026-Q4.json')).toHaveTextContent(
      `Replaces the copy on this device (last changed`,
    );
    expect(rowOf('subsidiary-01-2026-Q4.json')).toHaveTextContent(
      `risk ${riskText(halfAnswered)} → ${riskText(aQ4)}`,
    );
    expect(rowOf('subsidiary-02-2026-Q3.json')).toHaveTextContent('Added');
    expect(rowOf('subsidiary-02-2026-Q4.json')).toHaveTextContent(
      'Refused: The file does not match its SHA-256 digest',
    );
    expect(rowOf('subsidiary-02-copy.json')).toHaveTextContent(
      'Refused: The file “subsidiary-02-2026-Q3.json”, picked with it, holds the same organisation, scope and cycle',
    );
    expect(rowOf('notes.json')).toHaveTextContent(
      'Refused: This is not a Cellguard assessment file',
    );
    // Nothing kept yet: not the assessments, not the members.
    expect(snapshot()).toBe(before);
    expect(groupOf(id).members).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Import 3 files' }));
    const kept = Object.values(useAssessments.getState().assessments);
    expect(kept).toHaveLength(3);
    expect(useAssessments.getState().assessments[storedA4 ?? '']?.assessment.answers).toEqual(
      aQ4.answers,
    );
    expect(groupOf(id).members).toEqual([
      { organisation: aQ3.organisation, scope: aQ3.scope },
      { organisation: bQ3.organisation, scope: bQ3.scope },
    ]);
    expect(
      screen.getByText(/Imported 3 files: 2 added, 1 replaced\. 2 members added to the group\./),
    ).toBeInTheDocument();
    // The dashboard now shows both members.
    const members = screen.getByRole('table', { name: /^Members, / });
    expect(within(members).getByRole('link', { name: aQ3.organisation })).toBeInTheDocument();
  });

  it('cancels a preview: nothing is kept and the file field is empty again', async () => {
    const user = userEvent.setup();
    seedStore();
    const id = await newGroup();
    render(<GroupPage id={id} />);
    const input = screen.getByLabelText<HTMLInputElement>(filesLabel);
    await user.upload(input, [fileOf(cQ3, 'c.json')]);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('table', { name: /What importing/ })).not.toBeInTheDocument();
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(0);
    expect(groupOf(id).members).toEqual([]);
    expect(input.value).toBe('');
    expect(input).toHaveFocus();
  });

  it('says which files are already on this device unchanged, and of another question set', async () => {
    const user = userEvent.setup();
    seedStore(cQ3);
    const id = await newGroup();
    render(<GroupPage id={id} />);
    await user.upload(screen.getByLabelText(filesLabel), [
      fileOf(cQ3, 'c.json'),
      fileOf(fixtureAssessment('network-side'), 'network.json'),
    ]);
    expect(
      await screen.findByText(
        /2 files picked: 1 already on this device, 1 of another question set/,
      ),
    ).toBeInTheDocument();
    expect(rowOf('c.json')).toHaveTextContent(
      'Already on this device, unchanged: nothing to save. It becomes a member of the group.',
    );
    expect(rowOf('network.json')).toHaveTextContent(
      'Another question set (Communications infrastructure hardening',
    );
    await user.click(screen.getByRole('button', { name: 'Add their members to the group' }));
    expect(groupOf(id).members).toEqual([{ organisation: cQ3.organisation, scope: cQ3.scope }]);
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(1);

    // Picked again, the preview says what the outcome will: the member is already in the group.
    await user.upload(screen.getByLabelText(filesLabel), [fileOf(cQ3, 'c.json')]);
    await screen.findByRole('table', { name: 'What importing the picked files would do' });
    expect(rowOf('c.json')).toHaveTextContent(
      'nothing to save. Its organisation and scope are already a member.',
    );

    // Nothing that can be kept: the button is disabled and says why.
    await user.upload(screen.getByLabelText(filesLabel), [
      fileOf(fixtureAssessment('network-side'), 'network.json'),
    ]);
    const add = await screen.findByRole('button', { name: 'Nothing to import' });
    expect(add).toBeDisabled();
    // Said in the status region too, without the promise that nothing is kept before confirming.
    expect(screen.getByText(/^1 file picked:/).closest('[role="status"]')).toHaveTextContent(
      /^1 file picked: 1 of another question set\.$/,
    );
    expect(add).toHaveAccessibleDescription(
      'None of these files can be kept here: each is refused, of another question set, or still encrypted. Pick other files.',
    );
  });

  it('asks one passphrase for the encrypted files, says when it opens none, and previews them once opened', async () => {
    const user = userEvent.setup();
    seedStore();
    const id = await newGroup();
    render(<GroupPage id={id} />);
    const secret = 'correct horse battery staple';
    await user.upload(screen.getByLabelText(filesLabel), [
      fileOf(aQ3, 'plain.json'),
      new File([await exportedFile(bQ3, exportedAt, secret)], 'sealed.json'),
    ]);
    const passphrase = await screen.findByLabelText('Passphrase of the encrypted files');
    expect(rowOf('sealed.json')).toHaveTextContent('Encrypted');
    await user.type(passphrase, 'wrong horse');
    await user.click(screen.getByRole('button', { name: 'Open the encrypted files' }));
    expect(
      await screen.findByText(/The passphrase did not open 1 file/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Passphrase of the encrypted files'), secret);
    await user.click(screen.getByRole('button', { name: 'Open the encrypted files' }));
    await screen.findByRole('button', { name: 'Import 2 files' }, { timeout: 15_000 });
    expect(rowOf('sealed.json')).toHaveTextContent(`Added: new on this device`);
    expect(Object.keys(useAssessments.getState().assessments)).toHaveLength(0);
  }, 30_000);
});
