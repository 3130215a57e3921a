import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { questionSetById } from '../../../src/content/questionSets.ts';
import { carryForward } from '../../../src/core/cycles/cycles.ts';
import { formatRisk } from '../../../src/core/format.ts';
import { bandLabel } from '../../../src/core/scoring/bands.ts';
import { progressOf } from '../../../src/core/scoring/progress.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { HomePage } from '../../../src/features/home/index.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { useAssessments, useGroups, useQuestionnaires } from '../../../src/store/index.ts';
import { fixtureAssessment, seedStore } from '../../support/storeFixtures.ts';
import {
  leadWithAna as leadAssessment,
  questionnaireIds,
  sendToAna as send,
} from '../../support/delegationFixtures.ts';

const questionSet = questionSetById('softcell');

const ids = () => Object.keys(useAssessments.getState().assessments);

/** The one card of the saved assessments (the page holds other lists, such as the downloads). */
const savedCard = () =>
  within(screen.getByRole('list', { name: /^Saved assessments/ })).getByRole('listitem');

describe('HomePage', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('invites the first assessment when none is kept on this device', () => {
    seedStore();
    render(<HomePage />);
    expect(screen.getByRole('heading', { name: 'No assessment yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a new assessment' })).toHaveAttribute(
      'href',
      '#/new',
    );
  });

  it('lists each assessment with organisation, scope, cycle, last edit, progress and risk when complete', () => {
    const assessment = fixtureAssessment('mature-operator');
    seedStore(assessment);
    // The store keeps the summary itself; the list shows what the engine computes.
    const result = score(questionSet, assessment);
    const answered = String(progressOf(questionSet, assessment.answers).answered);
    render(<HomePage />);
    const card = savedCard();
    expect(within(card).getByRole('heading')).toHaveTextContent('Example Mobile (mature profile)');
    expect(card).toHaveTextContent('Group-wide · 2026-Q4');
    expect(card).toHaveTextContent(/Last edited 15 Oct 2026/);
    expect(
      within(card).getByRole('progressbar', { name: /Questions answered in/ }),
    ).toHaveAttribute('value', answered);
    expect(card).toHaveTextContent(`Risk ${formatRisk(result.risk)}`);
    expect(within(card).getByText(bandLabel[result.band])).toBeInTheDocument();
  });

  it('shows a carried-over cycle as a draft, with how many answers are not confirmed', () => {
    const previous = fixtureAssessment('middle-profile');
    const next = carryForward(previous, { cycle: '2027-Q1' }, new Date('2027-01-05T09:00:00Z'));
    seedStore(next);
    render(<HomePage />);
    const card = savedCard();
    const carried = Object.keys(next.answers).length;
    expect(card).toHaveTextContent(`${carried} carried over from 2026-Q4, not confirmed`);
    expect(within(card).getByText('Draft')).toBeInTheDocument();
  });

  it('offers "Next cycle" only for an assessment with answers to carry, and copying and correcting for every one', () => {
    seedStore(fixtureAssessment('middle-profile'), {
      ...fixtureAssessment('soft-cell-victim'),
      answers: {},
    });
    render(<HomePage />);
    expect(
      screen.getByRole('link', { name: /^Start the next cycle after Example Networks/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /^Start the next cycle after Example Telecom/ }),
    ).toBeNull();
    const [middle = ''] = ids();
    expect(screen.getByRole('link', { name: /^Copy Example Networks/ })).toHaveAttribute(
      'href',
      `#/a/${middle}/copy`,
    );
    expect(
      screen.getByRole('link', { name: /^Edit the details of Example Networks/ }),
    ).toHaveAttribute('href', `#/a/${middle}/details`);
  });

  it('warns on both cards when an earlier version left two assessments of the same organisation, scope and cycle', () => {
    const [kept = ''] = seedStore(fixtureAssessment('middle-profile'));
    const original = useAssessments.getState().assessments[kept];
    if (!original) throw new Error('not seeded');
    useAssessments.setState({
      assessments: { [kept]: original, twin: { ...original, id: 'twin' } },
    });
    render(<HomePage />);
    expect(
      screen.getAllByText(/has the same organisation, scope, question set and cycle/),
    ).toHaveLength(2);
  });

  it('deletes only after confirmation, and Cancel keeps everything', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'), fixtureAssessment('soft-cell-victim'));
    render(<HomePage />);
    await user.click(screen.getByRole('button', { name: /^Delete Example Telecom/ }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this assessment?' });
    expect(dialog).toHaveTextContent(/cannot be undone/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(ids()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: /^Delete Example Telecom/ }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete assessment' }),
    );
    expect(
      Object.values(useAssessments.getState().assessments).map((s) => s.assessment.organisation),
    ).toEqual(['Example Networks (mid-journey profile)']);
    // The Delete button went with its card: the keyboard resumes at the page's heading.
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});

describe('HomePage with assessments of several question sets', () => {
  it('lists each set under its own heading, and names the set in the buttons of look-alike cards', () => {
    const softCell = fixtureAssessment('soft-cell-victim');
    const network = { ...fixtureAssessment('network-side'), cycle: softCell.cycle };
    seedStore(network, softCell);
    render(<HomePage />);
    const lists = screen.getAllByRole('list', { name: /^Saved assessments: / });
    expect(lists.map((list) => list.getAttribute('aria-label'))).toEqual([
      'Saved assessments: Operation Soft Cell exposure assessment',
      'Saved assessments: Communications infrastructure hardening assessment',
    ]);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual([
      'Operation Soft Cell exposure assessment',
      'Communications infrastructure hardening assessment',
    ]);
    expect(
      within(lists[1] as HTMLElement).getByRole('link', {
        name: `Open ${network.organisation}, ${network.cycle} (Communications infrastructure hardening assessment)`,
      }),
    ).toBeInTheDocument();
  });
});

describe('HomePage with questionnaires to answer', () => {
  const [firstId = '', secondId = ''] = questionnaireIds;
  const round1 = send(leadAssessment());
  const round2 = send(round1.assessment, secondId, new Date('2026-04-02T09:00:00.000Z'));

  beforeEach(async () => {
    window.location.hash = '';
    await useQuestionnaires.ready;
    useQuestionnaires.setState({ questionnaires: {} });
  });

  it('shows no such section while there is none', () => {
    seedStore();
    render(<HomePage />);
    expect(screen.queryByRole('heading', { name: 'Questionnaires to answer' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'No assessment yet' })).toBeInTheDocument();
  });

  it('lists each questionnaire, newest first, with who sent it, for what, the progress and a way to continue', () => {
    seedStore();
    const { open, answer } = useQuestionnaires.getState();
    open(round1.questionnaire);
    open(round2.questionnaire);
    answer(firstId, 'EXP-01', { choice: 'no' });
    render(<HomePage />);
    expect(
      screen.getByRole('heading', { level: 2, name: 'Questionnaires to answer' }),
    ).toBeVisible();
    const cards = within(
      screen.getByRole('list', { name: 'Questionnaires to answer' }),
    ).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const [newest, oldest] = cards as [HTMLElement, HTMLElement];
    expect(within(newest).getByRole('heading')).toHaveTextContent('Questions from J. Smith');
    expect(newest).toHaveTextContent(
      'Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4 · Operation Soft Cell exposure assessment · round 2',
    );
    expect(oldest).toHaveTextContent('For Ana Ruiz, sent on 10 Mar 2026');
    expect(within(oldest).getByRole('progressbar')).toHaveAttribute('value', '1');
    expect(oldest).toHaveTextContent('1 / 4');
    // Round 1 gave way to round 2: its answers are kept, but it is not to be answered any more.
    expect(oldest).toHaveTextContent(
      'Replaced by round 2: a response to this one would be refused.',
    );
    expect(within(oldest).queryByRole('link', { name: /^Continue/ })).toBeNull();
    expect(
      within(newest).getByRole('link', {
        name: 'Continue questions from J. Smith, Example Networks (mid-journey profile) · Mobile core and OSS/BSS · 2026-Q4, round 2',
      }),
    ).toHaveAttribute('href', `#/respond/${round2.questionnaire.questionnaireId}`);
    // A respondent's device need not be invited to start an assessment of its own.
    expect(screen.queryByRole('heading', { name: 'No assessment yet' })).toBeNull();
  });

  it('removes a questionnaire only after confirmation', async () => {
    const user = userEvent.setup();
    seedStore();
    useQuestionnaires.getState().open(round1.questionnaire);
    render(<HomePage />);
    await user.click(screen.getByRole('button', { name: /^Remove questions from J. Smith/ }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this questionnaire?' });
    expect(dialog).toHaveTextContent(/Create the response file first if you have not sent it/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(Object.keys(useQuestionnaires.getState().questionnaires)).toEqual([firstId]);
    await user.click(screen.getByRole('button', { name: /^Remove questions from J. Smith/ }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove questionnaire' }),
    );
    expect(useQuestionnaires.getState().questionnaires).toEqual({});
    expect(screen.queryByRole('heading', { name: 'Questionnaires to answer' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('erases the questionnaires with everything else', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'));
    useQuestionnaires.getState().open(round1.questionnaire);
    render(<HomePage />);
    await user.click(screen.getByRole('button', { name: 'Erase all data on this device' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Erase all Cellguard data from this browser?',
    });
    expect(dialog).toHaveTextContent(
      '1 assessment, 1 questionnaire to answer with your answers, the settings and any kept copies will be removed',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Erase everything' }));
    expect(useQuestionnaires.getState().questionnaires).toEqual({});
    expect(ids()).toEqual([]);
  });

  it('erases the groups of operating companies with everything else, in the database too', async () => {
    const user = userEvent.setup();
    seedStore(fixtureAssessment('middle-profile'));
    await useGroups.getState().load();
    // The erase of the test before tells every tab, this one's groups included, a moment later.
    await new Promise((resolve) => setTimeout(resolve, 50));
    useGroups.getState().createGroup({
      name: 'Nordic',
      setId: 'softcell',
      members: [{ organisation: 'Aurora Mobile AS', scope: 'Mobile core and IT' }],
    });
    await useGroups.persistence.flush();
    render(<HomePage />);
    await user.click(screen.getByRole('button', { name: 'Erase all data on this device' }));
    expect(
      screen.getByRole('dialog', { name: 'Erase all Cellguard data from this browser?' }),
    ).toHaveTextContent(
      '1 assessment, 1 group of operating companies, the settings and any kept copies will be removed',
    );
    await user.click(screen.getByRole('button', { name: 'Erase everything' }));
    expect(useGroups.getState().groups).toEqual({});
    const db = await openDatabase(indexedDB);
    await waitFor(async () => expect(await db.readGroups()).toEqual([]));
    db.close();
  });
});
