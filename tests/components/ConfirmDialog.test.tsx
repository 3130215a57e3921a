import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../src/components/ConfirmDialog.tsx';

/** A page with a button that opens the dialog, as the home page's Delete does. */
function OpenerPage({ onConfirm }: { onConfirm?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete Example Networks, 2026-Q4
      </button>
      {open && (
        <ConfirmDialog
          title="Delete this assessment?"
          body="It will be removed from this browser."
          confirmLabel="Delete assessment"
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            onConfirm?.();
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

const opener = () => screen.getByRole('button', { name: 'Delete Example Networks, 2026-Q4' });

async function openDialog() {
  const user = userEvent.setup();
  render(<OpenerPage />);
  await user.click(opener());
  return { user, dialog: screen.getByRole('dialog', { name: 'Delete this assessment?' }) };
}

describe('ConfirmDialog', () => {
  it('starts on Cancel, so that Enter never confirms by accident', async () => {
    const { dialog } = await openDialog();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  });

  it('gives focus back to the button that opened it when Escape closes it', async () => {
    const { dialog } = await openDialog();
    // What the browser does on Escape in a modal <dialog>; jsdom has no key handling for it.
    act(() => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener()).toHaveFocus();
  });

  it('gives focus back to the button that opened it after Cancel', async () => {
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener()).toHaveFocus();
  });

  it('gives focus back to the opener after confirming, when the opener is still there', async () => {
    const confirmed = vi.fn();
    const user = userEvent.setup();
    render(<OpenerPage onConfirm={confirmed} />);
    await user.click(opener());
    await user.click(screen.getByRole('button', { name: 'Delete assessment' }));
    expect(confirmed).toHaveBeenCalledOnce();
    expect(opener()).toHaveFocus();
  });
});
