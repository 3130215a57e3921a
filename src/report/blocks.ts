import type { Block, ParagraphStyle } from '../core/reporting/model/index.ts';
import { drawAttackChain, drawDomainBars } from './charts.ts';
import { drawTable } from './tables.ts';
import { bandColours, colours, page, type Rgb } from './theme.ts';
import type { ReportWriter } from './writer.ts';

/** How each paragraph style is set in the PDF. */
const paragraphStyles: Readonly<
  Record<ParagraphStyle, { size: number; bold?: true; colour?: Rgb; after?: number }>
> = {
  body: { size: 10 },
  statement: { size: 10.5 },
  lead: { size: 11, bold: true },
  strong: { size: 9.5, bold: true },
  alert: { size: 10.5, bold: true, colour: colours.confidential },
  status: { size: 10.5, bold: true },
  explanation: { size: 9.5, colour: colours.muted },
  note: { size: 9, colour: colours.muted },
  caption: { size: 8, colour: colours.muted },
  term: { size: 10, bold: true, after: 1 },
};

const bulletSize = { body: 9.5, small: 9 } as const;

export function drawBlock(writer: ReportWriter, block: Block) {
  switch (block.kind) {
    case 'paragraph': {
      const { size, bold, colour, after } = paragraphStyles[block.style];
      writer.paragraph(writer.drawn(block.text), {
        size,
        ...(bold ? { style: 'bold' as const } : {}),
        ...(colour ? { colour } : {}),
        ...(after === undefined ? {} : { after }),
      });
      return;
    }
    case 'heading':
      writer.heading(writer.drawn(block.text), block.level, block.keepWith);
      return;
    case 'bullets':
      for (const item of block.items)
        writer.bullet(writer.drawn(item), { size: bulletSize[block.size] });
      writer.y += 4;
      return;
    case 'table':
      drawTable(writer, block);
      return;
    case 'headline': {
      // The score large, beside a bar in the band's colour.
      const { doc } = writer;
      const y = writer.y;
      doc.setFillColor(...bandColours[block.band]);
      doc.rect(page.left, y, 5, 40, 'F');
      writer.font(20, 'bold');
      doc.text(block.score, page.left + 14, y + 18);
      writer.font(14, 'bold', bandColours[block.band]);
      doc.text(block.verdict, page.left + 14, y + 36);
      writer.y = y + 52;
      return;
    }
    case 'domain-bars':
      drawDomainBars(writer, block);
      return;
    case 'attack-chain':
      drawAttackChain(writer, block);
      return;
  }
}
