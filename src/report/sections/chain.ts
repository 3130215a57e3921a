import { attackChainHeight, drawAttackChain, drawDomainBars } from '../charts.ts';
import { chainOrigin } from '../../core/reporting/methodology.ts';
import { chainGaugeExplanation } from '../../core/reporting/statements.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

export function drawCharts(writer: ReportWriter, content: ReportContent) {
  writer.heading('Risk per domain', 2, 240);
  drawDomainBars(writer, content.result, content.previous?.result);
  const explanation = `Each box is one phase of ${chainOrigin(content.set)}; phases with nothing in place, passed unopposed, are outlined in red. ${chainGaugeExplanation}`;
  const sentences = Object.values(content.statements.chain);
  const gapBeforeChain = 4;
  // The heading, its explanation, the statements and the two rows of phases stay on one page.
  const chainHeight =
    writer.headingHeight(2) +
    writer.paragraphHeight(explanation, { size: 9 }) +
    sentences.reduce((sum, s) => sum + writer.bulletHeight(s, { size: 9 }), 0) +
    gapBeforeChain +
    attackChainHeight(content.result);
  writer.ensureSpace(chainHeight);
  writer.heading('What prevents and what detects each attack phase', 2, 0);
  writer.paragraph(explanation, { size: 9, colour: colours.muted });
  for (const sentence of sentences) writer.bullet(sentence, { size: 9 });
  writer.y += gapBeforeChain;
  drawAttackChain(writer, content.result);
}
