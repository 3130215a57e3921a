import { describe, expect, it } from 'vitest';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();

describe('the app shell in Chromium', () => {
  it('loads with no console error, no page error and no off-origin request', async () => {
    const { page, watch } = await browser().newPage();
    await page.goto(browser().baseUrl);
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/\S/);
    await page.waitForLoadState('networkidle');
    expect(watch.offOriginRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('serves the strict Content-Security-Policy with the page', async () => {
    const { page } = await browser().newPage();
    await page.goto(browser().baseUrl);
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    const directives = new Map(
      (policy ?? '').split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('never trips its own policy: no violation on the list, a new assessment and a wizard step', async () => {
    const { page } = await browser().newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`,
        ),
      ),
    );
    await page.goto(`${browser().baseUrl}#/new`);
    await page.getByLabel('Organisation').fill('Policy Mobile');
    await page.getByLabel('Scope').fill('Core');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('#step-title');
    await page.goto(browser().baseUrl);
    await page.waitForSelector('#home-title');
    expect(violations).toEqual([]);
  });
});
