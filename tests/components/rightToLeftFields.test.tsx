import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssessmentPage } from '../../src/app/AssessmentPage.tsx';
import type { Answer, Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import { withNewAssignee } from '../../src/core/delegation/assignments.ts';
import { ComparePage, HistoryPage } from '../../src/features/cycles/index.ts';
import { DelegatePage, MergePage } from '../../src/features/delegation/index.ts';
import { HomePage } from '../../src/features/home/index.ts';
import { RespondPage } from '../../src/features/respond/index.ts';
import { useQuestionnaires } from '../../src/store/index.ts';
import { anaId, key, receive, respond, send, set } from '../support/delegationFixtures.ts';
import { fixtureAssessment, seedStore } from '../support/storeFixtures.ts';
import {
  hebrewOrganisation,
  hebrewNote,
  arabicNote,
  arabicOwner,
  arabicAssessor,
  arabicReason,
  hebrewPerson,
  hebrewRole,
  hebrewRequest,
} from '../support/rightToLeftTexts.ts';

/**
 * Issue 20: in the page, every free-text field runs in the direction of what is typed in it
 * (dir="auto"), and every value a user typed is shown in an isolate of its own (<bdi>, or an
 * element with dir="auto" that holds the value alone), so that an Arabic or Hebrew value keeps its
 * direction inside the English sentences around it. jsdom lays nothing out: the Chromium test
 * (tests/e2e/rightToLeft.e2e.ts) checks the directions the browser computes from this markup.
 */

/** Any letter of a right-to-left script (Hebrew, Arabic and their presentation forms). */
const rightToLeftLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

function answer(assessment: Assessment, questionId: string): Answer {
  const given = assessment.answers[questionId];
  if (!given) throw new Error(`the fixture has no answer to ${questionId}`);
  return given;
}

/**
 * The middle-profile fixture written by a Hebrew- and Arabic-speaking team: a Hebrew organisation
 * with an English scope, an Arabic assessor, Hebrew and Arabic notes (with digits and Latin), an
 * Arabic owner of a planned action (EXP-04), an Arabic reason for "not applicable" (EXP-05) and a
 * change made by a Hebrew-named assignee.
 */
function rightToLeftAssessment(): Assessment {
  const base = fixtureAssessment('middle-profile');
  return {
    ...base,
    organisation: hebrewOrganisation,
    scope: 'Mobile core',
    assessor: arabicAssessor,
    answers: {
      ...base.answers,
      'EXP-02': { ...answer(base, 'EXP-02'), note: hebrewNote },
      'EXP-04': {
        ...answer(base, 'EXP-04'),
        note: arabicNote,
        owner: arabicOwner,
        history: [
          {
            at: '2026-03-12T10:30:00.000Z',
            event: 'answered',
            by: hebrewPerson,
            role: hebrewRole,
            via: 'questionnaire',
            to: 'partial',
          },
        ],
      },
      'EXP-05': { choice: 'na', naReason: arabicReason },
    },
  };
}

/** The assessment with the Hebrew-named person asked to answer its EXP domain. */
const withHebrewAssignee = (assessment: Assessment) =>
  withNewAssignee(
    assessment,
    set,
    { name: hebrewPerson, role: hebrewRole, note: hebrewRequest, domains: ['EXP'], questions: [] },
    { assigneeId: anaId, key },
  );

/** The text nodes whose text holds the value. */
function textNodesHolding(container: HTMLElement, value: string): Text[] {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.textContent?.includes(value)) found.push(node as Text);
  return found;
}

const isolateOf = (node: Text) => node.parentElement?.closest('bdi, [dir="auto"]') ?? null;

/** The value is shown, and wherever it is shown it is an isolate of its own. */
function expectShownIsolated(container: HTMLElement, value: string) {
  const nodes = textNodesHolding(container, value);
  expect(nodes, `"${value}" is shown`).not.toEqual([]);
  for (const node of nodes) {
    // Text that cannot hold an element (an SVG <title>) isolates the value with FSI … PDI.
    if (node.textContent?.includes(`\u2068${value}\u2069`)) continue;
    const isolate = isolateOf(node);
    const where = `<${node.parentElement?.tagName.toLowerCase()}> "${node.parentElement?.textContent}"`;
    expect(isolate, `"${value}" in ${where}`).not.toBeNull();
    // The isolate holds the value alone, not the English sentence around it.
    expect(isolate?.textContent?.trim(), `the isolate of "${value}"`).toBe(value);
  }
}

/**
 * Whatever right-to-left text the page shows, typed values or anything derived from them, is in
 * an isolate: a <bdi>, an element with dir="auto", or the Unicode isolates FSI … PDI where no
 * element can be (an <option>, an SVG <title>).
 */
function expectNoRightToLeftTextOutsideIsolates(container: HTMLElement) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const loose: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const outsideIsolates = (node.textContent ?? '').replace(/\u2068[^\u2069]*\u2069/g, '');
    if (rightToLeftLetter.test(outsideIsolates) && !isolateOf(node as Text))
      loose.push(`${node.parentElement?.tagName}: ${node.textContent}`);
  }
  expect(loose).toEqual([]);
}

/** Every field a user types words into (not a date, number, password, checkbox, radio or file). */
function freeTextFields(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('input, textarea')].filter(
    (field) =>
      field instanceof HTMLTextAreaElement ||
      (field instanceof HTMLInputElement &&
        ['text', 'search', 'email', 'url', 'tel'].includes(field.type)),
  );
}

/** At least `minimum` free-text fields, each with dir="auto". */
function expectFreeTextFieldsAuto(container: HTMLElement, minimum: number) {
  const fields = freeTextFields(container);
  expect(fields.length).toBeGreaterThanOrEqual(minimum);
  for (const field of fields)
    expect(field, field.id || field.getAttribute('aria-label') || '').toHaveAttribute(
      'dir',
      'auto',
    );
}

beforeEach(() => {
  window.location.hash = '';
  // jsdom does not scroll; the compare page asks to open at its top.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('right-to-left user text in the page', () => {
  it('home: the organisation and assessor of an assessment, and who sent a questionnaire', async () => {
    const lead = withHebrewAssignee(rightToLeftAssessment());
    seedStore(lead);
    await useQuestionnaires.ready;
    useQuestionnaires.setState({ questionnaires: {} });
    useQuestionnaires.getState().open(send(lead).questionnaire);
    const { container } = render(<HomePage />);
    expectShownIsolated(container, hebrewOrganisation);
    expectShownIsolated(container, arabicAssessor);
    expectShownIsolated(container, hebrewPerson);
    expectNoRightToLeftTextOutsideIsolates(container);
    // Nothing here to type words into but the settings' number of days.
    expect(freeTextFields(container)).toEqual([]);
  });

  it('a step of the wizard: every note, reason, evidence and owner field, and the answer history', () => {
    const [id = ''] = seedStore(rightToLeftAssessment());
    const { container } = render(<AssessmentPage route={{ page: 'step', id, domainId: 'EXP' }} />);
    // Per control: reason, note, evidence and owner; per scoping question: its note.
    expectFreeTextFieldsAuto(container, 4 * 7);
    const note = container.querySelector<HTMLTextAreaElement>('#EXP-02-note');
    expect(note).toHaveValue(hebrewNote);
    expect(note).toHaveAttribute('dir', 'auto');
    expect(container.querySelector('#EXP-04-owner')).toHaveValue(arabicOwner);
    expect(container.querySelector('#EXP-05-na-reason')).toHaveValue(arabicReason);
    // The page's heading: each of organisation, scope and cycle isolated.
    expectShownIsolated(container, hebrewOrganisation);
    // "by <name> (<role>), via questionnaire": name and role each isolated.
    expectShownIsolated(container, hebrewPerson);
    expectShownIsolated(container, hebrewRole);
    expectNoRightToLeftTextOutsideIsolates(container);
  });

  it('a critical control marked not applicable: the compensating control and who accepted the risk', () => {
    const assessment = rightToLeftAssessment();
    assessment.answers['EXP-02'] = {
      choice: 'na',
      naReason: arabicReason,
      compensatingControl: hebrewNote,
      riskAcceptedBy: arabicAssessor,
    };
    const [id = ''] = seedStore(assessment);
    const { container } = render(<AssessmentPage route={{ page: 'step', id, domainId: 'EXP' }} />);
    expect(container.querySelector('#EXP-02-compensating')).toHaveAttribute('dir', 'auto');
    expect(container.querySelector('#EXP-02-accepted-by')).toHaveAttribute('dir', 'auto');
    expectFreeTextFieldsAuto(container, 4 * 7 + 2);
  });

  it('review: the reason a control does not apply', () => {
    const [id = ''] = seedStore(rightToLeftAssessment());
    const { container } = render(<AssessmentPage route={{ page: 'review', id }} />);
    expectShownIsolated(container, arabicReason);
    expectShownIsolated(container, hebrewOrganisation);
    expectNoRightToLeftTextOutsideIsolates(container);
  });

  it('results: the owner field of the plan', () => {
    const [id = ''] = seedStore(rightToLeftAssessment());
    const { container } = render(<AssessmentPage route={{ page: 'results', id }} />);
    const owners = [...container.querySelectorAll<HTMLInputElement>('input')].filter((input) =>
      input.getAttribute('aria-label')?.startsWith('Owner of action'),
    );
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.map((input) => input.value)).toContain(arabicOwner);
    expectFreeTextFieldsAuto(container, owners.length);
    expectShownIsolated(container, hebrewOrganisation);
    expectNoRightToLeftTextOutsideIsolates(container);
  });

  it('history and compare: the organisation, the picker and the owners of last cycle’s plan', () => {
    const q4 = rightToLeftAssessment();
    const q1 = carryForward(q4, { cycle: '2027-Q1' }, new Date('2027-01-05T00:00:00Z'));
    const [before = '', after = ''] = seedStore(q4, q1);

    const history = render(<HistoryPage id={after} />);
    expectShownIsolated(history.container, hebrewOrganisation);
    expectNoRightToLeftTextOutsideIsolates(history.container);
    history.unmount();

    const { container } = render(<ComparePage from={before} to={after} />);
    expectShownIsolated(container, arabicOwner);
    // An <option> holds no element: the organisation is isolated with FSI … PDI in its text.
    const option = container.querySelector(`option[value="${before}"]`);
    expect(option?.textContent).toBe(
      `2026-Q4 · \u2068${hebrewOrganisation}\u2069 · \u2068Mobile core\u2069`,
    );
    expectNoRightToLeftTextOutsideIsolates(container);
  });

  it('delegation: the person’s fields, their name and role, and the assessment named', () => {
    const [id = ''] = seedStore(withHebrewAssignee(rightToLeftAssessment()));
    const { container } = render(<DelegatePage id={id} />);
    // Name, role, email address and note of the person to add.
    expectFreeTextFieldsAuto(container, 4);
    expectShownIsolated(container, hebrewPerson);
    expectShownIsolated(container, hebrewRole);
    expectShownIsolated(container, hebrewOrganisation);
    expectNoRightToLeftTextOutsideIsolates(container);
  });

  it('merge: the person, and both sides’ notes', () => {
    const sent = send(withHebrewAssignee(rightToLeftAssessment()));
    const received = receive(
      sent.assessment,
      respond(sent.questionnaire, { 'EXP-02': { choice: 'most', note: arabicNote } }),
    );
    const [id = ''] = seedStore(received.assessment);
    const { container } = render(<MergePage id={id} assigneeId={anaId} />);
    expectShownIsolated(container, hebrewPerson);
    expectShownIsolated(container, hebrewNote);
    expectShownIsolated(container, arabicNote);
    expectNoRightToLeftTextOutsideIsolates(container);
  });

  it('respond: the answer fields, who asks, the note and the current answers', async () => {
    const { questionnaire } = send(withHebrewAssignee(rightToLeftAssessment()));
    await useQuestionnaires.ready;
    useQuestionnaires.setState({ questionnaires: {}, saveProblem: null });
    const opened = useQuestionnaires.getState().open(questionnaire);
    const { container } = render(<RespondPage questionnaireId={opened.id} />);
    // A note per question, and evidence per control (reasons appear once "not applicable" is chosen).
    expectFreeTextFieldsAuto(container, questionnaire.questions.length);
    expectShownIsolated(container, arabicAssessor);
    expectShownIsolated(container, hebrewPerson);
    expectShownIsolated(container, hebrewRole);
    expectShownIsolated(container, hebrewOrganisation);
    expectShownIsolated(container, hebrewRequest);
    expectShownIsolated(container, hebrewNote);
    expectShownIsolated(container, arabicNote);
    expectNoRightToLeftTextOutsideIsolates(container);
  });
});
