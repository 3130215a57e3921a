import type { ProtectedFile } from './useProtectedFile.ts';

interface PassphrasePromptProps {
  file: Pick<ProtectedFile<unknown>, 'stage' | 'passphrase' | 'setPassphrase' | 'submitPassphrase'>;
  id: string;
  label: string;
  submitLabel: string;
  disabled?: boolean;
}

/**
 * Asks for the passphrase of a picked file while it needs one, with why the last one failed; shows
 * nothing at any other stage.
 */
export function PassphrasePrompt({
  file,
  id,
  label,
  submitLabel,
  disabled,
}: PassphrasePromptProps) {
  const { stage } = file;
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
      <button type="submit" className="button primary" disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
