import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cisoAssistantLibraryYaml } from '../../src/core/export/cisoAssistantLibrary.ts';
import { cisoAssistantLibrarySchema } from '../support/cisoAssistantLibrarySchema.ts';
import { loadShippedSets } from '../support/shippedSet.ts';
import { expectNoSeriousAxeViolations } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const sets = loadShippedSets();
const browser = browserForThisFile();
/** The chunk that holds the exporter and the YAML writer (src/features/home/cisoAssistantLibraryFile.ts). */
const exporterCode = /cisoAssistantLibraryFile-/;

describe('question sets for CISO Assistant, from the home page in Chromium', () => {
  it('downloads each set as a library their loader accepts, loading the exporter only on demand and sending nothing away', async () => {
    const { page, watch } = await browser().isolatedPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(browser().baseUrl);
    const section = page.getByRole('region', { name: 'Question sets for CISO Assistant' });
    await section.waitFor();
    await expectNoSeriousAxeViolations(page, 'home page with the CISO Assistant downloads');
    expect(requests.filter((url) => exporterCode.test(url))).toEqual([]);

    const scratch = mkdtempSync(join(tmpdir(), 'cellguard-ciso-'));
    for (const set of sets) {
      const download = page.waitForEvent('download');
      await section
        .getByRole('button', { name: `Download ${set.title} for CISO Assistant (YAML)` })
        .click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(
        `cellguard-${set.id}-${set.version}-ciso-assistant.yaml`,
      );
      const path = join(scratch, file.suggestedFilename());
      await file.saveAs(path);
      const text = readFileSync(path, 'utf8');

      // As CISO Assistant reads it (PyYAML, YAML 1.1), checked against their loader's rules.
      const read = cisoAssistantLibrarySchema.safeParse(parse(text, { version: '1.1' }));
      expect(read.error?.issues ?? []).toEqual([]);
      const publicationDate = String(read.data?.publication_date);
      expect(publicationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The very file the command line writes for the same set and day.
      expect(text).toBe(cisoAssistantLibraryYaml(set, { publicationDate }));

      await expect
        .poll(() => section.getByRole('status').textContent())
        .toBe(`${set.title} has been downloaded as ${file.suggestedFilename()}.`);
    }
    expect(requests.filter((url) => exporterCode.test(url))).toHaveLength(1);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });
});
