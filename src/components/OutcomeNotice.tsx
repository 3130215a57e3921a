import type { ReactNode } from 'react';

/** How an action the user asked for ended, in a sentence. */
export interface Outcome {
  ok: boolean;
  /** Text, or text with a user's values in <bdi> so that they keep their own direction. */
  message: ReactNode;
}

/** The outcome, announced politely when it went well and at once when it did not. */
export function OutcomeNotice({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'notice' : 'notice warning'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.message}
    </p>
  );
}
