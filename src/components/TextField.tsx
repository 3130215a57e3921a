import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: string;
}

/** The input types a user types words into; a date, number or password has no direction of its own. */
const freeTextTypes = new Set(['text', 'search', 'email', 'url', 'tel']);

/**
 * A labelled input of a react-hook-form form, with its hint and its error tied to it for screen
 * readers (aria-describedby) and marked invalid while the error stands. Free text runs in the
 * direction of its first letter (dir="auto"), so an Arabic or Hebrew value reads right to left.
 */
export function TextField({ id, label, registration, error, hint, ...input }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        dir={freeTextTypes.has(input.type ?? 'text') ? 'auto' : undefined}
        {...input}
        {...registration}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
