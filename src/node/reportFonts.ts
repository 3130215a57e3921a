import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportFonts } from '../report/index.ts';

/**
 * The report's Unicode fonts from the dejavu-fonts-ttf package (the browser fetches the same
 * files). Node only: the command line, the benchmark and the tests read them from disk.
 */
export function loadReportFonts(): ReportFonts {
  const folder = join(
    dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
    'ttf',
  );
  return {
    regular: new Uint8Array(readFileSync(join(folder, 'DejaVuSans.ttf'))),
    bold: new Uint8Array(readFileSync(join(folder, 'DejaVuSans-Bold.ttf'))),
  };
}
