export { buildReport, type BuiltReport, type ReportInput } from './buildReport.ts';
export type { ReportFontFace, ReportFonts } from './writer.ts';
export { buildGroupReport, type GroupReportInput } from './group.ts';
