import {
  textString,
  type Block,
  type ReportModel,
  type Text,
  type UserSpan,
} from '../../src/core/reporting/model/index.ts';

type UserText = (span: UserSpan) => string;

function blockTexts(block: Block, show: (value: Text) => string): string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return [show(block.text)];
    case 'bullets':
      return block.items.map(show);
    case 'table':
      return [
        ...block.head.map(show),
        ...block.rows.flatMap((row) => [
          ...row.cells.flat().map(show),
          ...(row.attribution ? [show(row.attribution)] : []),
        ]),
      ];
    case 'headline':
      return [block.score, block.verdict];
    case 'domain-bars':
      // The values every rendering shows; the previous cycle's is a tick in the PDF, a column in Word.
      return [...block.rows.flatMap((row) => [row.title, row.riskText]), block.legend];
    case 'attack-chain':
      return [
        block.heading,
        block.explanation,
        ...block.statements,
        ...block.phases.flatMap((phase) => [
          `${phase.id} ${phase.title}`,
          phase.state,
          phase.prevention.label,
          phase.detection.label,
        ]),
      ];
  }
}

/**
 * Every text of a report model that both the PDF and the Word file show, in reading order: the
 * cover, the contents and how to read the report, then each section. `userText` turns a user's
 * text into what the renderer draws (the PDF marks characters its font lacks).
 */
export function reportModelTexts(
  model: ReportModel,
  userText: UserText = (span) => span.user,
): string[] {
  const show = (value: Text) => textString(value, userText);
  const { cover, contents } = model;
  return [
    cover.brand,
    cover.setTitle,
    cover.subtitle,
    ...(model.draft ? ['DRAFT'] : []),
    show(cover.organisation),
    ...(cover.scope ? [show(cover.scope)] : []),
    show(cover.cycle),
    ...cover.status.map((line) => show(line.text)),
    cover.headline.risk,
    cover.headline.bandLabel,
    ...cover.facts.flatMap(([label, value]) => [label, show(value)]),
    cover.confidential.title,
    show(cover.confidential.text),
    contents.title,
    ...contents.entries.map(show),
    contents.guideTitle,
    ...contents.guide,
    ...model.sections.flatMap((section) => [
      show(section.title),
      ...section.blocks.flatMap((block) => blockTexts(block, show)),
    ]),
  ].filter((text) => text.trim() !== '');
}

/**
 * Text the Word file shows beyond the model's: the cover's labels round the score, and the
 * figures' column heads and previous values (a figure is a table in Word).
 */
export function wordOnlyTexts(model: ReportModel): string[] {
  return [
    'Risk score',
    '/ 100',
    ...model.sections.flatMap((section) =>
      section.blocks.flatMap((block) =>
        block.kind === 'domain-bars'
          ? [...block.columns, ...block.rows.map((row) => row.previousText ?? '')]
          : block.kind === 'attack-chain'
            ? block.columns
            : [],
      ),
    ),
  ];
}
