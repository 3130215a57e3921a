import type { UseFormReturn } from 'react-hook-form';
import { minimumPassphraseLength } from '../core/crypto/passphrase.ts';
import { TextField } from './TextField.tsx';

/** The values of a form that may encrypt what it saves. */
export interface PassphraseValues {
  passphrase: string;
  repeat: string;
}

/**
 * An optional passphrase, typed twice so that a typo cannot lock the user out of their own file;
 * the ids are `${idPrefix}-passphrase` and `${idPrefix}-repeat`.
 */
export function PassphraseFields({
  idPrefix,
  form: {
    register,
    getValues,
    formState: { errors },
  },
}: {
  idPrefix: string;
  form: Pick<UseFormReturn<PassphraseValues>, 'register' | 'getValues' | 'formState'>;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}-passphrase`}
        label={`Passphrase (optional, at least ${minimumPassphraseLength} characters)`}
        type="password"
        autoComplete="new-password"
        error={errors.passphrase?.message}
        registration={register('passphrase', {
          validate: (value) =>
            value === '' ||
            value.length >= minimumPassphraseLength ||
            `Use at least ${minimumPassphraseLength} characters, or leave it empty.`,
        })}
      />
      <TextField
        id={`${idPrefix}-repeat`}
        label="Repeat the passphrase"
        type="password"
        autoComplete="new-password"
        error={errors.repeat?.message}
        registration={register('repeat', {
          validate: (value) => value === getValues('passphrase') || 'The two passphrases differ.',
        })}
      />
    </>
  );
}
