import type { Plugin } from 'vite';
import { loadReportFonts } from '../src/node/reportFonts.ts';

const virtualId = 'virtual:cellguard/report-fonts';
const resolvedId = `\0${virtualId}`;

/**
 * Hands the PDF worker the report fonts as src/node/reportFonts.ts prepares them for the command
 * line: subset, base64-encoded and with their coverage, so that the browser converts nothing per
 * report. Only the worker imports the module, so the fonts are fetched only when a PDF is made.
 * Preparing both faces takes some tens of milliseconds, so nothing is cached between builds.
 */
export function reportFontsPlugin(): Plugin {
  return {
    name: 'cellguard-report-fonts',
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      return `export default ${JSON.stringify(loadReportFonts())};`;
    },
  };
}
