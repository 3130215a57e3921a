/** Placeholder: being written. */
export function RespondPage(_props: { questionnaireId: string }) {
  return null;
}
