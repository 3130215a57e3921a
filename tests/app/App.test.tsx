import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { assessmentRulesFor } from '../../src/core/assessment/rules.ts';
import { useAssessments } from '../../src/store/index.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment, seedStore } from '../support/storeFixtures.ts';

describe('App shell', () => {
  beforeEach(() => {
    seedStore();
    window.location.hash = '';
  });

  it('opens on the list of assessments and promises that data stays in the browser', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Assessments on this device',
    );
    expect(screen.getByRole('link', { name: 'Start a new assessment' })).toHaveAttribute(
      'href',
      '#/new',
    );
    expect(screen.getByText(/keeps every answer in this browser only/)).toBeInTheDocument();
  });

  it('opens an assessment link whose saved data is damaged without a blank page: the damaged one is set aside and the user told', async () => {
    const good = fixtureAssessment('middle-profile');
    const broken = { ...good, answers: { ...good.answers, 'SUB-06': { choice: 'na', note: 7 } } };
    // As the database would hand them over before the rules have checked them.
    useAssessments.setState({
      assessments: {
        good: { id: 'good', assessment: good, position: { view: 'results' } },
        // A damaged record breaks the types too: that is what the store must cope with.
        bad: {
          id: 'bad',
          assessment: broken as unknown as typeof good,
          position: { view: 'step', domainId: 'SUB' },
        },
      },
    });
    useAssessments.getState().attach(assessmentRulesFor(loadShippedSet()));
    window.location.hash = '#/a/bad/step/SUB';
    render(<App />);
    // The first lazy page loads the question set, which jsdom compiles on first use.
    expect(
      await screen.findByRole('heading', { name: 'Assessment not found' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '1 saved assessment breaks the rules of a Cellguard file',
    );
    expect(Object.keys(useAssessments.getState().assessments)).toEqual(['good']);
  });

  it('says so when a route does not exist', () => {
    window.location.hash = '#/nowhere';
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
  });
});
