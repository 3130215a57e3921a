import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * TrueType subsetting with HarfBuzz's own subsetter (the `harfbuzzjs` package's WebAssembly build,
 * which needs nothing from its host: no imports, no native code). Synchronous on purpose: the
 * command line and the tests load the report fonts at module level, and the whole job takes a few
 * milliseconds.
 */

interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(
    data: number,
    length: number,
    mode: number,
    userData: number,
    destroy: number,
  ): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

// Constants of hb-subset.h and hb-blob.h.
const memoryModeWritable = 2;
const subsetFlagNoHinting = 0x1;
const dropTableTagSet = 3;

const tag = (name: string) =>
  [...name].reduce((value, character) => (value << 8) | character.charCodeAt(0), 0) >>> 0;

let instance: HarfBuzzSubset | undefined;
function harfBuzz(): HarfBuzzSubset {
  if (!instance) {
    const path = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const module = new WebAssembly.Module(readFileSync(path));
    instance = new WebAssembly.Instance(module, {}).exports as unknown as HarfBuzzSubset;
  }
  return instance;
}

export interface SubsetOptions {
  /** The characters to keep, as inclusive ranges of code points; glyphs they need come along. */
  ranges: readonly (readonly [number, number])[];
  /** Tables to leave out on top of HarfBuzz's default list, e.g. layout tables nobody reads. */
  dropTables?: readonly string[];
  /** Leave out the TrueType hinting programs and instructions. */
  noHinting?: boolean;
}

/** A TrueType font reduced to the given characters; throws if HarfBuzz cannot read or subset it. */
export function subsetFont(font: Uint8Array, options: SubsetOptions): Uint8Array {
  const hb = harfBuzz();
  const fontPointer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, fontPointer);
  const blob = hb.hb_blob_create(fontPointer, font.byteLength, memoryModeWritable, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error('HarfBuzz could not allocate a subset request');
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const [first, last] of options.ranges)
      for (let code = first; code <= last; code += 1) hb.hb_set_add(unicodes, code);
    const dropped = hb.hb_subset_input_set(input, dropTableTagSet);
    for (const table of options.dropTables ?? []) hb.hb_set_add(dropped, tag(table));
    if (options.noHinting) hb.hb_subset_input_set_flags(input, subsetFlagNoHinting);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('HarfBuzz could not subset the font');
    const result = hb.hb_face_reference_blob(subset);
    const data = hb.hb_blob_get_data(result, 0);
    const length = hb.hb_blob_get_length(result);
    // Copied out: the WebAssembly memory is reused by the next call.
    const bytes = new Uint8Array(hb.memory.buffer, data, length).slice();
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(fontPointer);
  }
}
