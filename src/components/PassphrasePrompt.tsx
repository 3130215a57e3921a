import { useEffect, useRef } from 'react';
import type { ProtectedFile } from './useProtectedFile.ts';

interface PassphrasePromptProps {
  file: Pick<ProtectedFile<unknown>, 'stage' | 'passphrase' | 'setPassphrase' | 'submitPassphrase'>;
  id: string;
  label: string;
  submitLabel: string;
  disabled?: boolean;
  /** Shows a Cancel button beside the submit button, which calls this. */
  onCancel?: () => void;
}

/**
 * Asks for the passphrase of a picked file while it needs one, with why the last one was missing
 * or failed, and puts the cursor back in the field to correct it; shows nothing at any other stage.
 */
export function PassphrasePrompt({
  file,
  id,
  label,
  submitLabel,
  disabled,
  onCancel,
}: PassphrasePromptProps) {
  const { stage } = file;
  const field = useRef<HTMLInputElement>(null);
  // Each refusal is a new stage, so pressing "open" twice on an empty field focuses it twice.
  useEffect(() => {
    if (stage.kind === 'passphrase' && stage.problem) field.current?.focus();
  }, [stage]);
  if (stage.kind !== 'passphrase') return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        file.submitPassphrase();
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={field}
          id={id}
          type="password"
          autoComplete="off"
          value={file.passphrase}
          aria-invalid={stage.problem ? true : undefined}
          aria-describedby={stage.problem ? `${id}-error` : undefined}
          onChange={(event) => file.setPassphrase(event.target.value)}
        />
        {stage.problem && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {stage.problem}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={disabled}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
