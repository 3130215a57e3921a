import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../../src/components/download.ts';
import { questionSets } from '../../../src/content/questionSets.ts';
import { HomePage } from '../../../src/features/home/index.ts';
import { CisoAssistantExports } from '../../../src/features/home/CisoAssistantExports.tsx';
import { cisoAssistantLibrarySchema } from '../../support/cisoAssistantLibrarySchema.ts';
import { seedStore } from '../../support/storeFixtures.ts';

vi.mock('../../../src/components/download.ts', () => ({ downloadFile: vi.fn() }));

beforeEach(() => {
  vi.mocked(downloadFile).mockReset();
});

describe('question sets for CISO Assistant on the home page', () => {
  it('offers one download per shipped set, each button naming its set', () => {
    seedStore();
    render(<HomePage />);
    const section = screen.getByRole('region', { name: 'Question sets for CISO Assistant' });
    expect(within(section).getAllByRole('button')).toEqual(
      questionSets.map((set) =>
        within(section).getByRole('button', {
          name: `Download ${set.title} for CISO Assistant (YAML)`,
        }),
      ),
    );
  });

  it.each(questionSets.map((set) => [set.title, set] as const))(
    'downloads %s as a CISO Assistant library and says so',
    async (title, set) => {
      const user = userEvent.setup();
      render(<CisoAssistantExports />);
      await user.click(
        screen.getByRole('button', { name: `Download ${title} for CISO Assistant (YAML)` }),
      );
      const fileName = `cellguard-${set.id}-${set.version}-ciso-assistant.yaml`;
      await waitFor(
        () =>
          expect(screen.getByRole('status')).toHaveTextContent(
            `${title} has been downloaded as ${fileName}.`,
          ),
        { timeout: 10_000 },
      );
      expect(downloadFile).toHaveBeenCalledTimes(1);
      const [text, name, type] = vi.mocked(downloadFile).mock.calls[0] ?? [];
      expect([name, type]).toEqual([fileName, 'application/yaml']);
      const library = cisoAssistantLibrarySchema.parse(parse(String(text), { version: '1.1' }));
      expect(library.urn).toBe(`urn:cellguard:risk:library:cellguard-${set.id}`);
      const today = new Date();
      expect(library.publication_date).toBe(
        `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`,
      );
      expect(
        library.objects.framework?.requirement_nodes.filter((node) => node.assessable),
      ).toHaveLength(set.questions.length);
    },
  );

  it('says so in plain words when the browser refuses the download', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.mocked(downloadFile).mockImplementationOnce(() => {
      throw new Error('downloads are blocked');
    });
    const user = userEvent.setup();
    render(<CisoAssistantExports />);
    const [set] = questionSets;
    await user.click(
      screen.getByRole('button', { name: `Download ${set?.title} for CISO Assistant (YAML)` }),
    );
    await waitFor(
      () =>
        expect(screen.getByRole('status')).toHaveTextContent(
          `${set?.title} could not be prepared and saved for CISO Assistant: this browser could not load the exporter or refused the download. Reload the page and try again.`,
        ),
      { timeout: 10_000 },
    );
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
