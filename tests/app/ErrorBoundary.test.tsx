import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/app/ErrorBoundary.tsx';

function Failing(): never {
  throw new TypeError(
    'answer?.note?.trim is not a function at QuestionCard (QuestionCard.tsx:240)',
  );
}

describe('ErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a way out in plain words instead of a blank page, with no stack trace, and clears on another page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(
      <ErrorBoundary resetKey="results">
        <Failing />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This page could not be shown');
    expect(screen.getByRole('button', { name: 'Download your data' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All assessments' })).toHaveAttribute('href', '#/');
    expect(document.body.textContent).not.toMatch(/trim is not a function|QuestionCard|\.tsx/);
    rerender(
      <ErrorBoundary resetKey="home">
        <p>The list of assessments</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('The list of assessments')).toBeInTheDocument();
  });
});
