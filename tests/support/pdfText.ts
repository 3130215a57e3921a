import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF opened with pdf.js as a viewer would, without the system's fonts. */
export const openPdf = (pdf: Uint8Array) =>
  getDocument({
    data: pdf.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;

/** The text of every page of a PDF, read back with pdf.js as a viewer would extract it. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await openPdf(pdf);
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages;
}

/** Text without whitespace, so wrapped lines and table cells compare with the source strings. */
export const squash = (text: string) => text.replace(/\s+/g, '');
