import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  bytes: number;
  gzip: number;
}

const sizeOf = (dist: string, file: string): AssetSize => {
  const content = readFileSync(join(dist, file));
  return { file, bytes: content.length, gzip: gzipSync(content).length };
};

/**
 * What a browser must download before the first screen: the entry script, the modules
 * index.html preloads and its stylesheets; and, separately, every chunk loaded later on demand.
 */
export function bundleSizes(dist: string): {
  initial: AssetSize[];
  lazy: AssetSize[];
  assets: AssetSize[];
} {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="\.\/([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  const initial = referenced.map((file) => sizeOf(dist, file));
  const files = readdirSync(join(dist, 'assets')).map((name) => `assets/${name}`);
  const lazy = files
    .filter((file) => /\.(js|css)$/.test(file) && !referenced.includes(file))
    .map((file) => sizeOf(dist, file));
  const assets = files
    .filter((file) => !/\.(js|css)$/.test(file))
    .map((file) => sizeOf(dist, file));
  return { initial, lazy, assets };
}

export const totalGzip = (sizes: readonly AssetSize[]) =>
  sizes.reduce((sum, size) => sum + size.gzip, 0);
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
