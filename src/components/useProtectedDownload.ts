import { useState, type FormEvent, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { Result } from '../core/result.ts';
import { downloadFile } from './download.ts';
import type { Outcome } from './OutcomeNotice.tsx';
import type { PassphraseValues } from './PassphraseFields.tsx';

export interface ProtectedDownload {
  /** The file's text, encrypted when a passphrase is given. */
  make: (passphrase: string | undefined) => Promise<Result<string>>;
  /** The downloaded file's name, which says whether it is encrypted. */
  fileName: (encrypted: boolean) => string;
  /** What the user is told once the file is downloaded (with any name it quotes in a <bdi>). */
  done: (encrypted: boolean) => ReactNode;
}

/**
 * A form that downloads a file, optionally encrypted: each attempt starts without the previous
 * outcome, and a downloaded file's passphrase leaves the screen at once.
 */
export function useProtectedDownload({ make, fileName, done }: ProtectedDownload) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<PassphraseValues>({ defaultValues: { passphrase: '', repeat: '' } });
  const download = form.handleSubmit(async ({ passphrase }) => {
    const file = await make(passphrase || undefined);
    if (!file.ok) {
      setOutcome({ ok: false, message: file.problems.map((p) => p.message).join(' ') });
      return;
    }
    const encrypted = passphrase !== '';
    downloadFile(file.value, fileName(encrypted), 'application/json');
    form.reset();
    setOutcome({ ok: true, message: done(encrypted) });
  });
  const onSubmit = (event: FormEvent) => {
    setOutcome(null);
    void download(event);
  };
  return { form, outcome, onSubmit };
}
