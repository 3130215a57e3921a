/** Placeholder: being written. */
export function MergePage(_props: { id: string; assigneeId?: string }) {
  return null;
}
