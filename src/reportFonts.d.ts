declare module 'virtual:cellguard/report-fonts' {
  import type { ReportFonts } from './report/index.ts';
  const fonts: ReportFonts;
  export default fonts;
}
