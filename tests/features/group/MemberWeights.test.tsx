import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { membersOf } from '../../../src/core/group/members.ts';
import { GroupPage } from '../../../src/features/group/index.ts';
import { typedWeight } from '../../../src/features/group/MemberWeights.tsx';
import { groupFixture } from '../../support/groupFixtures.ts';
import { seedStore } from '../../support/storeFixtures.ts';
import { groupOf, newGroup } from './support.ts';

// Three subsidiaries: Aurora Mobile AS, Baltic Wave Telecom, Cordillera Móvil S.A.
const assessments = groupFixture(3);
function threeOf<T>(items: readonly T[]): [T, T, T] {
  const [first, second, third] = items;
  if (first === undefined || second === undefined || third === undefined)
    throw new Error('three members');
  return [first, second, third];
}
const [aurora, baltic, cordillera] = threeOf(membersOf(assessments));

async function threeMembers() {
  seedStore(...assessments);
  const id = await newGroup([aurora, baltic, cordillera]);
  render(<GroupPage id={id} />);
  return id;
}

const weightField = (organisation: string) =>
  screen.getByLabelText(new RegExp(`^Weight of ${organisation}`));
const csv = (text: string, name = 'weights.csv') => new File([text], name, { type: 'text/csv' });

describe('weights of the members', () => {
  it('reads a typed weight: empty counts equally, a decimal comma is a point, anything else is refused', () => {
    expect(typedWeight('')).toBeUndefined();
    expect(typedWeight(' 12,5 ')).toBe(12.5);
    expect(typedWeight('0')).toHaveProperty('problem');
    expect(typedWeight('-3')).toHaveProperty('problem');
    expect(typedWeight('lots')).toHaveProperty('problem');
    expect(typedWeight('0,125')).toBe(0.125);
    expect(typedWeight('1000')).toBe(1000);
  });

  it('refuses a typed weight that could be a thousand or one, saying how to write either', () => {
    for (const [typed, thousand, small] of [
      ['1,000', '1000', '1'],
      ['12.500', '12500', '12.5'],
    ] as const) {
      const weight = typedWeight(typed);
      if (typeof weight !== 'object') throw new Error(`${typed} was read as ${weight}`);
      expect(weight.problem).toContain(`such as ${thousand})`);
      expect(weight.problem).toContain(`such as ${small})`);
    }
  });

  it('saves typed weights together, and refuses one that is not a number greater than 0 next to its field', async () => {
    const user = userEvent.setup();
    const id = await threeMembers();
    await user.type(weightField(aurora.organisation), '-2');
    await user.type(weightField(baltic.organisation), '30');
    await user.click(screen.getByRole('button', { name: 'Save the weights' }));
    expect(weightField(aurora.organisation)).toHaveAttribute('aria-invalid', 'true');
    expect(weightField(aurora.organisation)).toHaveAccessibleDescription(/greater than 0/);
    expect(weightField(aurora.organisation)).toHaveFocus();
    expect(groupOf(id).members.map((m) => m.weight)).toEqual([undefined, undefined, undefined]);

    await user.clear(weightField(aurora.organisation));
    await user.type(weightField(aurora.organisation), '12.5');
    await user.click(screen.getByRole('button', { name: 'Save the weights' }));
    expect(groupOf(id).members.map((m) => m.weight)).toEqual([12.5, 30, undefined]);
    expect(screen.getByText('The weights are saved.')).toBeInTheDocument();
    // The dashboard now shows the weights and says the mean is weighted.
    const table = screen.getByRole('table', { name: /^Members, / });
    expect(within(table).getByRole('columnheader', { name: 'Weight' })).toBeInTheDocument();
    expect(screen.getByText(/The group risk is the weighted mean/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Count every member equally' }));
    expect(groupOf(id).members.map((m) => m.weight)).toEqual([undefined, undefined, undefined]);
  });

  it('takes every weight from a weights file, with its warnings, or changes nothing and says why line by line', async () => {
    const user = userEvent.setup();
    const id = await threeMembers();
    const file = screen.getByLabelText('Weights file (CSV)');

    await user.upload(
      file,
      csv(`organisation,weight\n${aurora.organisation},12\n${baltic.organisation},lots\n`),
    );
    const refused = await screen.findByRole('alert');
    expect(refused).toHaveTextContent('The weights in “weights.csv” were not used');
    expect(refused).toHaveTextContent('Line 3: the weight "lots" is not a number');
    expect(groupOf(id).members.map((m) => m.weight)).toEqual([undefined, undefined, undefined]);

    await user.upload(file, csv(`organisation,weight\n${aurora.organisation},12\n`));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `${baltic.organisation} · ${baltic.scope} has no weight in the weights file`,
    );

    await user.upload(
      file,
      csv(
        `organisation;scope;weight\n${aurora.organisation};;12,5\n${baltic.organisation};;30\n"${cordillera.organisation}";;8\nZephyr Mobile;;4\n`,
      ),
    );
    const taken = await screen.findByText('Weights of 3 members taken from “weights.csv”.');
    expect(taken.parentElement).toHaveTextContent(
      'Line 5: Zephyr Mobile is not a member of the group',
    );
    expect(groupOf(id).members.map((m) => m.weight)).toEqual([12.5, 30, 8]);
    expect(weightField(aurora.organisation)).toHaveValue('12.5');
  });

  it('removes a member from the group and keeps its assessments on this device', async () => {
    const user = userEvent.setup();
    const id = await threeMembers();
    await user.click(
      screen.getByRole('button', {
        name: `Remove ${baltic.organisation} · ${baltic.scope} from the group`,
      }),
    );
    expect(groupOf(id).members).toEqual([aurora, cordillera]);
    expect(
      screen.getByText(/is no longer a member; its assessments stay on this device/),
    ).toBeInTheDocument();
    // Its row and button are gone: the keyboard resumes at Undo.
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveAccessibleDescription(
      `${baltic.organisation} · ${baltic.scope} is no longer a member; its assessments stay on this device.`,
    );
    // It can be added back from the assessments on this device.
    await user.click(screen.getByRole('checkbox', { name: new RegExp(`^${baltic.organisation}`) }));
    await user.click(screen.getByRole('button', { name: 'Add the ticked to the group' }));
    expect(groupOf(id).members).toEqual([aurora, cordillera, baltic]);
  });

  it('puts a removed member back where it was, with its weight, when the removal is undone', async () => {
    const user = userEvent.setup();
    const id = await threeMembers();
    await user.type(weightField(baltic.organisation), '30');
    await user.click(screen.getByRole('button', { name: 'Save the weights' }));
    // Only one member weighted: the others counting 1 beside 30 is said.
    expect(
      screen.getByText(/2 members have no weight and count 1 beside the others' weights/),
    ).toHaveTextContent(
      `weights: ${aurora.organisation} · ${aurora.scope}, ${cordillera.organisation} · ${cordillera.scope}. Give every member`,
    );
    await user.click(
      screen.getByRole('button', {
        name: `Remove ${baltic.organisation} · ${baltic.scope} from the group`,
      }),
    );
    expect(groupOf(id).members).toEqual([aurora, cordillera]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(groupOf(id).members).toEqual([aurora, { ...baltic, weight: 30 }, cordillera]);
    expect(screen.getByText(/is a member again\.$/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Members and their weights' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });
});
