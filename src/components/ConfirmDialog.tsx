import { useEffect, useRef, type ReactNode } from 'react';
import './ConfirmDialog.css';

interface ConfirmDialogProps {
  /** Text, or text with a user's values in <bdi> so that they keep their own direction. */
  title: ReactNode;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes when the opener is gone once the dialog closes (it deleted its own card). */
  fallbackFocus?: () => HTMLElement | null;
}

/**
 * A modal confirmation on the native <dialog>: focus starts on Cancel, is trapped, and Escape
 * cancels. However it closes, focus goes back to what had it when the dialog opened (the button
 * that opened it), if that is still on the page, or else to the caller's fallback.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
  fallbackFocus,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // Read when the dialog closes, so that the caller's latest fallback is used.
  const fallback = useRef(fallbackFocus);
  useEffect(() => {
    fallback.current = fallbackFocus;
  });
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Read before anything in the dialog takes focus; the caller removes the dialog to close it,
    // and a removed dialog would otherwise leave focus on <body>.
    const opener = document.activeElement;
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    cancel.current?.focus();
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else fallback.current?.()?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-body">{body}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel} ref={cancel}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
