/** Placeholder: being written. */
export function DelegatePage(_props: { id: string; assigneeId?: string }) {
  return null;
}
