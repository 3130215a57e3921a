export { buildReport, type BuiltReport, type ReportInput } from './buildReport.ts';
export type { ReportFonts } from './writer.ts';
