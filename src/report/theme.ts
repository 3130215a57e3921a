import type { Band } from '../core/scoring/bands.ts';

export type Rgb = readonly [number, number, number];

/** A4 portrait in points; the same palette as the app so the two read alike. */
export const page = {
  width: 595.28,
  height: 841.89,
  left: 50,
  right: 50,
  top: 64,
  bottom: 60,
} as const;
export const contentWidth = page.width - page.left - page.right;

export const colours = {
  ink: [23, 33, 43] as Rgb,
  muted: [85, 98, 112] as Rgb,
  line: [213, 220, 227] as Rgb,
  track: [230, 235, 240] as Rgb,
  brand: [11, 61, 92] as Rgb,
  confidential: [180, 35, 42] as Rgb,
  white: [255, 255, 255] as Rgb,
  weakestFill: [255, 241, 241] as Rgb,
  headFill: [238, 242, 246] as Rgb,
};

export const bandColours: Readonly<Record<Band, Rgb>> = {
  low: [29, 122, 70],
  medium: [154, 106, 0],
  high: [194, 65, 12],
  critical: [180, 35, 42],
};

/** A colour a quarter strong on white. */
const tint = ([r, g, b]: Rgb): Rgb =>
  [r, g, b].map((c) => Math.round(255 - 0.25 * (255 - c))) as unknown as Rgb;

/**
 * The background of a heat-map cell in each band: light enough that its number stays as readable
 * as on white.
 */
export const bandTints: Readonly<Record<Band, Rgb>> = {
  low: tint(bandColours.low),
  medium: tint(bandColours.medium),
  high: tint(bandColours.high),
  critical: tint(bandColours.critical),
};
