import { useRef, useState } from 'react';
import type { Problem, Result } from '../core/result.ts';

/** Where opening a picked file stands: its passphrase is asked for, or it opened, or it cannot. */
export type ProtectedFileStage<T> =
  | { kind: 'choose' }
  | { kind: 'passphrase'; text: string; problem?: string }
  | { kind: 'problems'; problems: Problem[] }
  | { kind: 'opened'; value: T };

interface ProtectedFileOptions<T> {
  /** Reads the file's text, decrypting it with the passphrase when one is given. */
  open: (text: string, passphrase?: string) => Promise<Result<T>>;
  /** Why a file of this many bytes is refused, if it is. */
  sizeProblem: (bytes: number) => Problem | undefined;
}

/** Shown next to the passphrase field when "open" is pressed with the field empty. */
const missingPassphrase =
  'Enter the passphrase the file was encrypted with: it cannot be opened without it.';

/**
 * A file the user picks that may be encrypted: it is refused by its size before it is read, asks
 * for its passphrase when it needs one (again, with the reason, when the passphrase is missing or
 * wrong), and ends opened or with its problems, unless the user discards it.
 */
export function useProtectedFile<T>({ open, sizeProblem }: ProtectedFileOptions<T>) {
  const [stage, setStage] = useState<ProtectedFileStage<T>>({ kind: 'choose' });
  const [passphrase, setPassphrase] = useState('');
  const [opening, setOpening] = useState(false);
  // Only the last file picked may set the stage, however long an earlier one takes to open.
  const latestRead = useRef(0);

  const read = async (text: string, secret?: string) => {
    const readNumber = (latestRead.current += 1);
    setOpening(true);
    const result = await open(text, secret);
    if (readNumber !== latestRead.current) return;
    setOpening(false);
    if (result.ok) setStage({ kind: 'opened', value: result.value });
    else if (result.problems.some((p) => p.code === 'needs-passphrase'))
      setStage({ kind: 'passphrase', text });
    else if (result.problems.some((p) => p.code === 'wrong-passphrase'))
      setStage({
        kind: 'passphrase',
        text,
        problem: result.problems.map((p) => p.message).join(' '),
      });
    else setStage({ kind: 'problems', problems: result.problems });
  };

  const onFile = async (file: File | undefined) => {
    setPassphrase('');
    if (!file) return;
    // A newer pick, even one refused at once, makes any file still opening stale.
    latestRead.current += 1;
    setOpening(false);
    // Refused by its size alone: a huge file is never read into memory, so it cannot freeze the tab.
    const tooLarge = sizeProblem(file.size);
    if (tooLarge) {
      setStage({ kind: 'problems', problems: [tooLarge] });
      return;
    }
    const pick = latestRead.current;
    try {
      const text = await file.text();
      if (pick === latestRead.current) await read(text);
    } catch {
      if (pick !== latestRead.current) return;
      setOpening(false);
      setStage({
        kind: 'problems',
        problems: [{ path: '', message: 'The file could not be read by the browser.' }],
      });
    }
  };

  const submitPassphrase = () => {
    if (stage.kind !== 'passphrase') return;
    if (passphrase === '')
      setStage({ kind: 'passphrase', text: stage.text, problem: missingPassphrase });
    else void read(stage.text, passphrase);
  };

  const discard = () => {
    // Whatever is still being read or decrypted is stale from now on.
    latestRead.current += 1;
    setOpening(false);
    setPassphrase('');
    setStage({ kind: 'choose' });
  };

  return {
    stage,
    passphrase,
    setPassphrase,
    opening,
    onFile,
    submitPassphrase,
    /** Forgets the picked file, its passphrase and anything still opening, as before any pick. */
    discard,
    /** Lists the problems of what the page then does with the opened file, such as keeping it. */
    showProblems: (problems: Problem[]) => setStage({ kind: 'problems', problems }),
  };
}

/** A picked file being opened, as useProtectedFile returns it. */
export type ProtectedFile<T> = ReturnType<typeof useProtectedFile<T>>;
