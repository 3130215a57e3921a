import type { AttackChain, DomainBars, PhaseGauge } from '../core/reporting/model/index.ts';
import { bandOf } from '../core/scoring/bands.ts';
import { bandColours, colours, contentWidth, page } from './theme.ts';
import type { ReportWriter } from './writer.ts';

/** Risk per domain as vector bars, with the previous cycle as a tick when there is one. */
export function drawDomainBars(writer: ReportWriter, figure: DomainBars) {
  const { doc } = writer;
  const labelWidth = 190;
  const valueWidth = 60;
  const trackWidth = contentWidth - labelWidth - valueWidth - 10;
  writer.ensureSpace(figure.rows.length * 30 + 30);
  for (const domain of figure.rows) {
    const top = writer.y;
    writer.font(9);
    const label: string[] = doc.splitTextToSize(domain.title, labelWidth - 8);
    doc.text(label.slice(0, 2), page.left, top + 9);
    const rowHeight = label.length > 1 ? 30 : 22;
    const trackX = page.left + labelWidth;
    doc.setFillColor(...colours.track);
    doc.rect(trackX, top + 3, trackWidth, 9, 'F');
    if (domain.risk !== null) {
      doc.setFillColor(...bandColours[bandOf(domain.risk)]);
      doc.rect(trackX, top + 3, Math.max((trackWidth * domain.risk) / 100, 1), 9, 'F');
    }
    const before = domain.previous;
    if (before !== undefined && before !== null) {
      const x = trackX + (trackWidth * before) / 100;
      doc.setDrawColor(...colours.ink);
      doc.setLineWidth(1.5);
      doc.line(x, top, x, top + 15);
    }
    writer.font(9, 'bold');
    doc.text(domain.riskText, page.left + contentWidth, top + 11, { align: 'right' });
    writer.y = top + rowHeight;
  }
  writer.font(8, 'normal', colours.muted);
  // The model's legend, and what the drawing adds to it.
  const key = figure.rows.some((row) => row.previous !== undefined)
    ? 'The black tick marks the previous cycle.'
    : 'Bar colour shows the band of the value.';
  doc.text(`${figure.legend} ${key}`, page.left, writer.y + 6);
  writer.y += 20;
}

const perRow = 4;
const boxHeight = 112;
const rowGap = 22;

/** The height the chain's boxes take on the page, from the top of the first row to the bottom of the last. */
const attackChainHeight = (phases: number) => {
  const rows = Math.ceil(phases / perRow);
  return rows * boxHeight + (rows - 1) * rowGap;
};

/**
 * The chain's heading, explanation and statements, then its phases as boxes four to a row,
 * unopposed phases outlined in red; all on one page.
 */
export function drawAttackChain(writer: ReportWriter, figure: AttackChain) {
  const gapBeforeChain = 4;
  writer.ensureSpace(
    writer.headingHeight(2) +
      writer.paragraphHeight(figure.explanation, { size: 9 }) +
      figure.statements.reduce((sum, s) => sum + writer.bulletHeight(s, { size: 9 }), 0) +
      gapBeforeChain +
      attackChainHeight(figure.phases.length),
  );
  writer.heading(figure.heading, 2, 0);
  writer.paragraph(figure.explanation, { size: 9, colour: colours.muted });
  for (const sentence of figure.statements) writer.bullet(sentence, { size: 9 });
  writer.y += gapBeforeChain;

  const { doc } = writer;
  const gap = 18;
  const boxWidth = (contentWidth - gap * (perRow - 1)) / perRow;
  const rows = Math.ceil(figure.phases.length / perRow);
  figure.phases.forEach((phase, index) => {
    const column = index % perRow;
    const row = Math.floor(index / perRow);
    const x = page.left + column * (boxWidth + gap);
    const y = writer.y + row * (boxHeight + rowGap);
    const { unopposed } = phase;
    doc.setFillColor(...(unopposed ? colours.weakestFill : colours.white));
    doc.setDrawColor(...(unopposed ? colours.confidential : colours.line));
    doc.setLineWidth(unopposed ? 1.6 : 0.8);
    doc.roundedRect(x, y, boxWidth, boxHeight, 4, 4, 'FD');
    writer.font(9, 'bold');
    doc.text(phase.id, x + 7, y + 14);
    // A long phase title ("Tunnelling, command and control, exfiltration") takes a third line in
    // a smaller size rather than lose its end.
    writer.font(8.5);
    let title: string[] = doc.splitTextToSize(phase.title, boxWidth - 14);
    const lineHeight = doc.getLineHeightFactor();
    if (title.length > 2) {
      writer.font(7.5);
      title = doc.splitTextToSize(phase.title, boxWidth - 14);
      doc.setLineHeightFactor(1.1);
    }
    doc.text(title.slice(0, 3), x + 7, y + 26);
    doc.setLineHeightFactor(lineHeight);
    writer.font(7.5, 'bold', unopposed ? colours.confidential : colours.ink);
    doc.text(doc.splitTextToSize(phase.state, boxWidth - 14).slice(0, 2), x + 7, y + 55);
    const gauge = ({ label, inPlace, total }: PhaseGauge, top: number) => {
      writer.font(7.5, 'normal', colours.muted);
      doc.text(label, x + 7, top);
      doc.setFillColor(...colours.track);
      doc.rect(x + 7, top + 3, boxWidth - 14, 5, 'F');
      if (total > 0 && inPlace > 0) {
        doc.setFillColor(...colours.brand);
        doc.rect(x + 7, top + 3, ((boxWidth - 14) * inPlace) / total, 5, 'F');
      }
    };
    gauge(phase.prevention, y + 76);
    gauge(phase.detection, y + 98);
    if (column < perRow - 1 && index < figure.phases.length - 1) {
      const arrowY = y + boxHeight / 2;
      doc.setDrawColor(...colours.muted);
      doc.setLineWidth(1);
      doc.line(x + boxWidth + 3, arrowY, x + boxWidth + gap - 4, arrowY);
      doc.line(x + boxWidth + gap - 8, arrowY - 3, x + boxWidth + gap - 4, arrowY);
      doc.line(x + boxWidth + gap - 8, arrowY + 3, x + boxWidth + gap - 4, arrowY);
    }
  });
  writer.y += rows * (boxHeight + rowGap);
}
