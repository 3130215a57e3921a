import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { GroupPage, GroupsPage } from '../../../src/features/group/index.ts';
import { hrefs, parseRoute } from '../../../src/routing/routes.ts';
import { useGroups } from '../../../src/store/index.ts';
import { seedStore } from '../../support/storeFixtures.ts';
import { groupOf, newGroup, set } from './support.ts';

beforeEach(() => {
  window.location.hash = '#/groups';
});

describe('the groups pages', () => {
  it('route #/groups and #/groups/<id>', () => {
    expect(parseRoute(hrefs.groups())).toEqual({ page: 'groups' });
    expect(parseRoute(hrefs.group('0123456789ab'))).toEqual({ page: 'group', id: '0123456789ab' });
    expect(parseRoute('#/groups/../x')).toEqual({ page: 'not-found', path: '/groups/../x' });
  });

  it('creates a group with its name, question set and age for stale, and opens it', async () => {
    const user = userEvent.setup();
    seedStore();
    await useGroups.getState().load();
    render(<GroupsPage />);
    await user.click(screen.getByRole('button', { name: 'Create the group' }));
    expect(screen.getByLabelText('Name of the group')).toHaveAccessibleDescription(
      'Name the group, such as “Northwind Group”.',
    );
    expect(screen.getByLabelText('Name of the group')).toHaveFocus();
    await user.type(screen.getByLabelText('Name of the group'), 'مجموعة الشمال');
    expect(screen.getByLabelText('A member is stale after (days)')).toHaveValue(180);
    await user.clear(screen.getByLabelText('A member is stale after (days)'));
    await user.type(screen.getByLabelText('A member is stale after (days)'), '0');
    await user.click(screen.getByRole('button', { name: 'Create the group' }));
    expect(screen.getByLabelText('A member is stale after (days)')).toHaveAccessibleDescription(
      /Give a whole number of days from 1 to 3,650/,
    );
    await user.clear(screen.getByLabelText('A member is stale after (days)'));
    await user.type(screen.getByLabelText('A member is stale after (days)'), '90');
    await user.selectOptions(screen.getByLabelText('Question set'), set.id);
    await user.click(screen.getByRole('button', { name: 'Create the group' }));
    const id = /^#\/groups\/([0-9a-f]{12})$/.exec(window.location.hash)?.[1] ?? '';
    expect(groupOf(id)).toMatchObject({
      name: 'مجموعة الشمال',
      setId: set.id,
      members: [],
      staleAfterDays: 90,
    });
  });

  it('lists the groups on this device, each name in its own direction, linked to its page', async () => {
    seedStore();
    const id = await newGroup([], 'קבוצת הצפון');
    render(<GroupsPage />);
    const list = screen.getByRole('list', { name: 'Groups on this device' });
    const link = within(list).getByRole('link', { name: 'קבוצת הצפון' });
    expect(link).toHaveAttribute('href', `#/groups/${id}`);
    expect(link.querySelector('bdi')).toHaveTextContent('קבוצת הצפון');
  });

  it('renames a group, changes its age for stale, and deletes it after confirmation', async () => {
    const user = userEvent.setup();
    seedStore();
    const id = await newGroup([], 'Northwind');
    render(<GroupPage id={id} />);
    const name = screen.getByLabelText('Name of the group');
    await user.clear(name);
    await user.type(name, 'Northwind Group');
    await user.clear(screen.getByLabelText('A member is stale after (days)'));
    await user.type(screen.getByLabelText('A member is stale after (days)'), '365');
    await user.click(screen.getByRole('button', { name: 'Save the settings' }));
    expect(groupOf(id)).toMatchObject({ name: 'Northwind Group', staleAfterDays: 365 });
    expect(screen.getByText('The settings are saved.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Northwind Group');

    await user.click(screen.getByRole('button', { name: 'Delete the group' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent("The members' assessments stay on this device.");
    await user.click(within(dialog).getByRole('button', { name: 'Delete the group' }));
    expect(useGroups.getState().groups[id]).toBeUndefined();
    expect(window.location.hash).toBe('#/groups');
  });

  it('says so when the group is not on this device', async () => {
    await useGroups.getState().load();
    render(<GroupPage id="ffffffffffff" />);
    expect(screen.getByRole('heading', { name: 'Group not found' })).toBeInTheDocument();
  });
});
