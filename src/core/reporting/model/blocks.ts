import type { Bullets, Heading, Paragraph, ParagraphStyle } from './model.ts';
import type { Text } from './text.ts';

/** Report words without user text, as a Text. */
const asText = (value: string | Text): Text => (typeof value === 'string' ? [value] : value);

export const paragraph = (style: ParagraphStyle, value: string | Text): Paragraph => ({
  kind: 'paragraph',
  style,
  text: asText(value),
});

export const heading = (level: 2 | 3, value: string | Text, keepWith = 90): Heading => ({
  kind: 'heading',
  level,
  text: asText(value),
  keepWith,
});

export const bullets = (
  items: readonly (string | Text)[],
  size: Bullets['size'] = 'body',
): Bullets => ({
  kind: 'bullets',
  size,
  items: items.map(asText),
});
