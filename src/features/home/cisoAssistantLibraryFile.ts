import { questionSetById } from '../../content/questionSets.ts';
import {
  cisoAssistantFileName,
  cisoAssistantLibraryYaml,
} from '../../core/export/cisoAssistantLibrary.ts';

/**
 * A shipped set as a CISO Assistant library file. Imported only when a download button is
 * pressed: the question sets and the YAML writer stay out of the home page's first load.
 */
export function cisoAssistantLibraryFile(
  setId: string,
  now: Date,
): { fileName: string; text: string } {
  const set = questionSetById(setId);
  // The day in the user's own time zone: a file made in the evening is dated that evening.
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
    .join('-');
  return {
    fileName: cisoAssistantFileName(set),
    text: cisoAssistantLibraryYaml(set, { publicationDate: day }),
  };
}
