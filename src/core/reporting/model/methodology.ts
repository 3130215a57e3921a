import { referenceTitles } from '../../frameworks/catalog.ts';
import { methodologyParagraphs } from '../methodology.ts';
import { bullets, heading, paragraph } from './blocks.ts';
import type { ReportContent } from './content.ts';
import type { Block } from './model.ts';

/** How the score, chain and plan are worked out, the sources, and the references the plan cites. */
export function methodologyBlocks(content: ReportContent): Block[] {
  const blocks: Block[] = methodologyParagraphs(content.set).flatMap(({ title, text }) => [
    paragraph('term', `${title}.`),
    paragraph('body', text),
  ]);
  const { sources } = content.set;
  if (sources.length === 0) return blocks;
  blocks.push(
    heading(2, 'Sources', 80),
    paragraph(
      'note',
      'A help text states as fact only what these sources say; everything else in the help texts is reasoning.',
    ),
    bullets(
      sources.map(
        (source) =>
          `[${source.id}] ${source.publisher}, "${source.title}"${source.date ? `, ${source.date}` : ''}${source.link ? `. ${source.link}` : ''}${source.note ? `. ${source.note}` : ''}`,
      ),
      'small',
    ),
    ...referenceBlocks(content),
  );
  return blocks;
}

/** Titles of every technique and framework reference the plan cites, so the plan can show ids only. */
function referenceBlocks({ plan, set }: ReportContent): Block[] {
  const cited = (pick: (a: (typeof plan.actions)[number]) => readonly string[]) => [
    ...new Set(plan.actions.flatMap(pick)),
  ];
  const techniques = cited((a) => a.attack).sort();
  const frameworks = [...cited((a) => a.nistCsf).sort(), ...cited((a) => a.cisV8).sort(byNumber)];
  if (techniques.length + frameworks.length === 0) return [];
  const rows = [
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
  ];
  return [
    heading(2, 'References cited in the plan', 80),
    {
      kind: 'table',
      role: 'references',
      head: [['Id'], ['Title']],
      rows: rows.map((row) => ({ cells: row.map((cell) => [[cell]]) })),
    },
  ];
}

const byNumber = (a: string, b: string) => {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
};
