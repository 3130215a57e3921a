import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from './pdfText.ts';

/**
 * The text of each drawing instruction of each page, in the order its glyphs stand on the page,
 * left to right: what a reader sees, before any extractor guesses at the logical order. (pdf.js's
 * and poppler's text extraction both reorder right-to-left runs by their own heuristics.)
 */
export async function drawnTexts(pdf: Uint8Array): Promise<string[][]> {
  const document = await openPdf(pdf);
  const pages: string[][] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const { fnArray, argsArray } = await (await document.getPage(number)).getOperatorList();
    const texts: string[] = [];
    fnArray.forEach((fn, index) => {
      if (fn !== OPS.showText) return;
      const [glyphs] = argsArray[index] as [({ unicode: string } | number | null)[]];
      texts.push(
        glyphs.map((glyph) => (glyph && typeof glyph === 'object' ? glyph.unicode : '')).join(''),
      );
    });
    pages.push(texts);
  }
  await document.destroy();
  return pages;
}
