import { referenceTitles } from '../../core/frameworks/catalog.ts';
import { methodologyParagraphs } from '../../core/reporting/methodology.ts';
import { colours } from '../theme.ts';
import type { ReportWriter } from '../writer.ts';
import type { ReportContent } from './content.ts';

export function drawMethodology(writer: ReportWriter, content: ReportContent) {
  for (const { title, text } of methodologyParagraphs(content.set)) {
    writer.paragraph(`${title}.`, { size: 10, style: 'bold', after: 1 });
    writer.paragraph(text, { size: 9.5, after: 8 });
  }
  const { sources } = content.set;
  if (sources.length === 0) return;
  writer.heading('Sources', 2, 80);
  writer.paragraph(
    'A help text states as fact only what these sources say; everything else in the help texts is reasoning.',
    { size: 9, colour: colours.muted },
  );
  for (const source of sources) {
    writer.bullet(
      `[${source.id}] ${source.publisher}, "${source.title}"${source.date ? `, ${source.date}` : ''}${source.link ? `. ${source.link}` : ''}${source.note ? `. ${source.note}` : ''}`,
      { size: 9 },
    );
  }
  drawReferences(writer, content);
}

/** Titles of every technique and framework reference the plan cites, so the plan can show ids only. */
export function drawReferences(writer: ReportWriter, content: ReportContent) {
  const { plan, set } = content;
  const cited = (pick: (a: (typeof plan.actions)[number]) => readonly string[]) => [
    ...new Set(plan.actions.flatMap(pick)),
  ];
  const techniques = cited((a) => a.attack).sort();
  const frameworks = [...cited((a) => a.nistCsf).sort(), ...cited((a) => a.cisV8).sort(byNumber)];
  if (techniques.length + frameworks.length === 0) return;
  writer.heading('References cited in the plan', 2, 80);
  writer.table({
    head: [['Id', 'Title']],
    body: [
      ...techniques.map((id) => {
        const technique = set.techniques[id];
        return [
          id,
          `ATT&CK: ${technique?.name ?? ''}${technique?.ownMapping ? ` (our own mapping: ${technique.ownMapping})` : ''}`,
        ];
      }),
      ...frameworks.map((id) => [
        id,
        `${/^\d/.test(id) ? 'CIS Controls v8' : 'NIST CSF 2.0'}: ${referenceTitles[id] ?? ''}`,
      ]),
    ],
    styles: { fontSize: 7.5, cellPadding: 2.5 },
    columnStyles: { 0: { cellWidth: 60 } },
  });
}

const byNumber = (a: string, b: string) => {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
};
