import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageUsePanel } from '../../../src/features/home/StorageUsePanel.tsx';

function browserStorage(persisted: boolean, grants: boolean) {
  const manager = {
    estimate: vi.fn(() => Promise.resolve({ usage: 3_200_000, quota: 12_000_000_000 })),
    persisted: vi.fn(() => Promise.resolve(persisted)),
    persist: vi.fn(() => {
      persisted = grants;
      return Promise.resolve(grants);
    }),
  };
  vi.stubGlobal('navigator', { ...navigator, storage: manager });
  return manager;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('StorageUsePanel', () => {
  it('shows the room used against what the browser allows, and that the data is kept', async () => {
    browserStorage(true, true);
    render(<StorageUsePanel />);
    expect(await screen.findByText(/Cellguard uses/)).toHaveTextContent(
      'Cellguard uses 3.2 MB of the 12 GB this browser allows it.',
    );
    expect(screen.getByText(/promised to keep this data/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('asks the browser to keep the data on request, and says plainly when it refuses', async () => {
    const manager = browserStorage(false, false);
    render(<StorageUsePanel />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Ask the browser to keep this data' }),
    );
    expect(manager.persist).toHaveBeenCalledOnce();
    expect(await screen.findByRole('status')).toHaveTextContent('The browser did not agree.');
  });

  it('says so where the browser does not tell', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    render(<StorageUsePanel />);
    expect(
      await screen.findByText('This browser does not say how much storage Cellguard uses.'),
    ).toBeInTheDocument();
  });
});
