import titles from 'virtual:cellguard/question-set-titles';

/**
 * Each shipped set's id and title, in the app's order, without the sets themselves: the list of
 * assessments shows them before the sets have loaded.
 */
export const questionSetTitles: readonly { id: string; title: string }[] = titles;

/** A set's title by id; the id itself for a set this version does not ship. */
export const setTitle = (id: string): string => titles.find((set) => set.id === id)?.title ?? id;
