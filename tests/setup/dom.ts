// The app keeps its assessments in IndexedDB, which jsdom lacks.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Guarded because this file must stay harmless if a node-environment project ever loads it.
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
