import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserForThisFile, watchPage } from './support/browser.ts';

const browser = browserForThisFile();
let server: ViteDevServer;
let url = '';

beforeAll(async () => {
  const root = join(import.meta.dirname, '../..');
  server = await createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('npm run dev, as the README tells a newcomer', () => {
  it('serves a working app with its styles and no console error under the development policy', async () => {
    const context = await browser().browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page, url);
    await page.goto(url);
    await page.waitForSelector('#home-title', { timeout: 30_000 });
    await page.getByRole('link', { name: 'Start a new assessment' }).click();
    await page.getByLabel('Organisation').fill('Dev server');
    await page.getByLabel('Scope').fill('Mobile core');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('#step-title', { timeout: 30_000 });
    const headerColour = await page.evaluate(
      () => getComputedStyle(document.querySelector('.app-header') as Element).backgroundColor,
    );
    expect(headerColour).toBe('rgb(11, 61, 92)');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});
