import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.tsx';

describe('App shell', () => {
  it('names the product and promises that data stays in the browser', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/exposure assessment/i);
    expect(screen.getByText(/stays in this browser/i)).toBeInTheDocument();
  });
});
