import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { seedStore } from '../support/storeFixtures.ts';

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

  it('says so when a route does not exist', () => {
    window.location.hash = '#/nowhere';
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
  });
});
