export type * from './model.ts';
export { reportModel, type ReportModelInput } from './reportModel.ts';
export { longDate, reportDate } from './dates.ts';
export { capitalised, isBlank, isUserSpan, text, textString, user } from './text.ts';
export type { Span, Text, UserSpan } from './text.ts';
