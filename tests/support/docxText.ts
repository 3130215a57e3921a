import { strFromU8, unzipSync } from 'fflate';

/** The XML parts of a .docx (a zip), by path, as Word would read them. */
export function docxParts(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(docx)).map(([path, bytes]) => [path, strFromU8(bytes)]),
  );
}

const entities: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};

/** Marks that set the direction of text and show nothing: left out, as a reader sees none. */
const directionMarks = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text of each paragraph of a part (word/document.xml): its w:t runs joined, a w:br or a w:tab
 * as a space, without direction marks; paragraphs in document order, table cells included.
 */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map(([whole, text]) =>
        whole.startsWith('<w:t') ? (text ?? '').replace(/&[a-z]+;/g, (e) => entities[e] ?? e) : ' ',
      )
      .join('')
      .replace(directionMarks, ''),
  );
}
