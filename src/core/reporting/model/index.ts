export type * from './model.ts';
export { reportModel, type ReportModelInput } from './reportModel.ts';
export { groupReportModel } from './group.ts';
export { longDate, reportDate } from './dates.ts';
export {
  capitalised,
  directionControlsShown,
  holdsRightToLeft,
  joinTexts,
  startsRightToLeft,
  text,
  textString,
  user,
} from './text.ts';
export type { Span, Text, UserSpan } from './text.ts';
