import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json']);

/**
 * A plain static file server, like the internal web server an operator would host the app on:
 * text files go gzip-compressed to a browser that accepts it, as any production server sends them,
 * so that the bench and Lighthouse see the transfer sizes a user would.
 */
export async function serveDirectory(
  root: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const target = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
      if (!target.startsWith(base)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(target)).isFile()) throw new Error('not a file');
        const body = await readFile(target);
        const gzip =
          compressible.has(extname(target)) &&
          /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
        response.writeHead(200, {
          'Content-Type': contentTypes[extname(target)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
          Vary: 'Accept-Encoding',
          ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        });
        response.end(gzip ? gzipSync(body) : body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
