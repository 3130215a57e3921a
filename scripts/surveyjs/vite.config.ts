import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { questionSetPlugin } from '../questionSetPlugin.ts';

// Bench only: the same question set rendered by SurveyJS, built to dist-bench/surveyjs and never shipped.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), questionSetPlugin(resolve(import.meta.dirname, '../../questions'))],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist-bench/surveyjs'),
    emptyOutDir: true,
    target: 'es2022',
  },
  logLevel: 'error',
});
