import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { questionSetPlugin } from './scripts/questionSetPlugin.ts';
import { reportFontsPlugin } from './scripts/reportFontsPlugin.ts';

/**
 * Vite's dev server injects an inline React-refresh preamble, loads CSS as inline <style> elements
 * and talks to its HMR websocket, all of which the production policy in index.html forbids. Only
 * in `npm run dev` is the policy widened for those needs; every build keeps the strict one.
 */
function devServerCsp(): Plugin {
  return {
    name: 'cellguard-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    react(),
    devServerCsp(),
    questionSetPlugin('questions'),
    // The dev server serves the PDF worker through these plugins; a build uses worker.plugins.
    reportFontsPlugin(),
  ],
  worker: {
    // The PDF worker loads its fonts as a chunk of their own, which needs module workers.
    format: 'es',
    plugins: () => [reportFontsPlugin()],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    // Property tests run a thousand cases each in npm run check (tests/support/propertyRuns.ts); a
    // loaded 2-core CI machine needs more than 5 s.
    testTimeout: 60_000,
    // One worker per core: the default leaves one core idle, which on a 2-core machine doubles the run.
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          // Pure modules: one module graph per worker instead of one per file halves the run.
          isolate: false,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/features/**', 'tests/app/**', 'tests/components/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: [
            'tests/features/**/*.test.{ts,tsx}',
            'tests/app/**/*.test.{ts,tsx}',
            'tests/components/**/*.test.{ts,tsx}',
          ],
          setupFiles: ['tests/setup/dom.ts'],
          // Dates in the UI are shown in local time; pin it so tests read the same everywhere.
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
