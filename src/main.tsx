import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { attachRules } from './app/lazyPages.ts';
import './app/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lost its #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Soon after the list appears: migrate, check and summarise what is stored, and say if any of it
// could not be read, without waiting for the user to open an assessment.
void attachRules();
