import type { Page } from 'playwright-core';

/** A fixed spread of answers: every option position is used somewhere, "Don't know" too. */
export function intendedIndex(questionId: string, choices: number): number {
  const seed = [...questionId].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return seed % choices;
}

/** Answers every unanswered question of the current step with the keyboard only: Tab, arrows, Space. */
export async function answerStepByKeyboard(page: Page) {
  await page.locator('#step-title').focus();
  for (let presses = 0; presses < 400; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      const group = element?.closest('fieldset.question');
      return {
        type: element?.type ?? '',
        tag: element?.tagName ?? '',
        text: element?.textContent ?? '',
        questionId: group?.id.replace('question-', '') ?? '',
        answered: group ? group.querySelector('input[type=radio]:checked') !== null : false,
        radios: group ? group.querySelectorAll('input[type=radio]').length : 0,
        scope: group ? group.querySelector('.tag')?.textContent === 'Scoping question' : false,
      };
    });
    if (focused.type === 'radio' && !focused.answered) {
      // Scoping questions answer "yes" so that every control stays in the assessment; controls skip N/A.
      const index = focused.scope ? 0 : intendedIndex(focused.questionId, focused.radios - 1);
      const target = index >= focused.radios - 2 ? focused.radios - 1 : index; // N/A's slot becomes "Don't know"
      if (target === 0) await page.keyboard.press('Space');
      for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
    }
    if (focused.tag === 'A' && focused.text.startsWith('Next:')) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error('never reached the Next link by keyboard');
}

/** Presses Tab until the focused element satisfies the test; fails if it never does. */
export async function tabTo(
  page: Page,
  describe: string,
  matches: (element: { tag: string; text: string; label: string }) => boolean,
) {
  for (let presses = 0; presses < 300; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const id = element?.id;
      const label = id ? (document.querySelector(`label[for="${id}"]`)?.textContent ?? '') : '';
      return {
        tag: element?.tagName ?? '',
        text: (element?.textContent ?? '').trim(),
        label: label.trim(),
      };
    });
    if (matches(focused)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}
