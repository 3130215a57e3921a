/**
 * The constants of delegation's files, apart from their schemas: the store, which loads with the
 * first page, uses them without loading the schema library.
 */

/** How a change reached the assessment: typed by the lead, returned by an assignee, or taken from another set. */
export const changeRoutes = ['lead', 'questionnaire', 'other-set'] as const;
export type ChangeRoute = (typeof changeRoutes)[number];

/** Older entries beyond this are dropped: the file stays small however often an answer moves. */
export const maxHistoryEntries = 40;

/** The fields of an answer an assignee may give, in the order the merge review shows them. */
export const respondentFields = [
  'choice',
  'naReason',
  'note',
  'evidence',
  'evidenceDate',
  'compensatingControl',
] as const;

export type RespondentField = (typeof respondentFields)[number];

export const questionnaireFormat = 'cellguard-questionnaire';
export const questionnaireFormatVersion = 1;
export const responseFormat = 'cellguard-response';
export const responseFormatVersion = 1;
