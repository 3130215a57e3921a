/** The two answers every question offers besides its own options, as the pages name them. */
export const universalChoiceLabels: Readonly<Record<'na' | 'unknown', string>> &
  Readonly<Record<string, string | undefined>> = {
  na: 'Not applicable',
  unknown: "Don't know",
};

/** A choice in the words the user chose from: the option's label, "Not applicable", "Don't know". */
export function choiceLabel(
  question: { options: readonly { id: string; label: string }[] } | undefined,
  choice: string | undefined,
): string {
  if (choice === undefined || choice === '') return 'No answer';
  return (
    universalChoiceLabels[choice] ??
    question?.options.find((option) => option.id === choice)?.label ??
    choice
  );
}
