import { useState } from 'react';
import { downloadFile } from '../../components/download.ts';
import { questionSetTitles } from '../../content/setTitles.ts';

/**
 * Each shipped question set as a CISO Assistant framework library, for teams that run their GRC
 * programme there (docs/ciso-assistant.md). The file holds the questions, never an assessment.
 */
export function CisoAssistantExports() {
  const [working, setWorking] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  async function download(set: { id: string; title: string }) {
    // One file at a time; the buttons stay enabled so that keyboard focus never drops to the page.
    if (working) return;
    setWorking(set.id);
    setMessage(`Preparing ${set.title} for CISO Assistant…`);
    try {
      const { cisoAssistantLibraryFile } = await import('./cisoAssistantLibraryFile.ts');
      const file = cisoAssistantLibraryFile(set.id, new Date());
      downloadFile(file.text, file.fileName, 'application/yaml');
      setMessage(`${set.title} has been downloaded as ${file.fileName}.`);
    } catch (error) {
      // The details are for whoever supports Cellguard, not for the page.
      console.error('Cellguard could not make the CISO Assistant library', error);
      setMessage(
        `${set.title} could not be prepared and saved for CISO Assistant: this browser could not load the exporter or refused the download. Reload the page and try again.`,
      );
    } finally {
      setWorking(null);
    }
  }

  return (
    <section aria-labelledby="ciso-assistant-title" className="ciso-assistant-exports">
      <h2 id="ciso-assistant-title">Question sets for CISO Assistant</h2>
      <p>
        Assess in CISO Assistant too: each set downloads as a framework library (YAML) with its
        domains, questions, graded answers and remediations. Upload it under Libraries in CISO
        Assistant. The file holds no assessment and no answer.
      </p>
      <ul className="ciso-assistant-list" aria-label="Question sets for CISO Assistant">
        {questionSetTitles.map((set) => (
          <li key={set.id}>
            <span>{set.title}</span>
            <button type="button" className="button" onClick={() => void download(set)}>
              {/* One flex item: a .button lays out each child apart, which would drop the spaces. */}
              <span>
                Download <span className="visually-hidden">{set.title}</span> for CISO Assistant
                (YAML)
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="hint" role="status">
        {message}
      </p>
    </section>
  );
}
