import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hrefs, parseRoute, type Route } from '../../src/routing/routes.ts';
import { propertyRuns } from '../support/propertyRuns.ts';

// Ids as the app makes them: assessment ids are 24 hex digits, domain ids like "EXP", question ids
// like "EDR-03". The router accepts any 1 to 64 letters, digits and hyphens in a path segment.
const assessmentId = 'a1b2c3d4e5f60718293a4b5c';
const otherId = '0f1e2d3c4b5a697887a6b5c4';

describe('parseRoute', () => {
  it.each<{ hash: string; route: Route }>([
    { hash: '', route: { page: 'home' } },
    { hash: '#', route: { page: 'home' } },
    { hash: '#/', route: { page: 'home' } },
    { hash: '#//', route: { page: 'home' } },
    { hash: '#/new', route: { page: 'new' } },
    { hash: '#new', route: { page: 'new' } },
    { hash: '#/new/', route: { page: 'new' } },
    { hash: '#/import', route: { page: 'import' } },
    { hash: '#/import/', route: { page: 'import' } },
    { hash: '#/backup', route: { page: 'backup' } },
    { hash: '#/backup/', route: { page: 'backup' } },
    { hash: '#backup', route: { page: 'backup' } },
    { hash: `#/a/${assessmentId}`, route: { page: 'assessment', id: assessmentId } },
    { hash: `#/a/${assessmentId}/`, route: { page: 'assessment', id: assessmentId } },
    { hash: `#a/${assessmentId}`, route: { page: 'assessment', id: assessmentId } },
    { hash: `#//a//${assessmentId}//`, route: { page: 'assessment', id: assessmentId } },
    { hash: `#/a/${assessmentId}/review`, route: { page: 'review', id: assessmentId } },
    { hash: `#/a/${assessmentId}/review/`, route: { page: 'review', id: assessmentId } },
    { hash: `#/a/${assessmentId}/results`, route: { page: 'results', id: assessmentId } },
    { hash: `#/a/${assessmentId}/results/`, route: { page: 'results', id: assessmentId } },
    { hash: `#/a/${assessmentId}/next`, route: { page: 'next', id: assessmentId } },
    { hash: `#/a/${assessmentId}/next/`, route: { page: 'next', id: assessmentId } },
    { hash: `#/a/${assessmentId}/history`, route: { page: 'history', id: assessmentId } },
    { hash: `#/a/${assessmentId}/history/`, route: { page: 'history', id: assessmentId } },
    { hash: `#/a/${assessmentId}/export`, route: { page: 'export', id: assessmentId } },
    { hash: `#/a/${assessmentId}/export/`, route: { page: 'export', id: assessmentId } },
    {
      hash: `#/a/${assessmentId}/step/EXP`,
      route: { page: 'step', id: assessmentId, domainId: 'EXP' },
    },
    {
      hash: `#/a/${assessmentId}/step/EXP/`,
      route: { page: 'step', id: assessmentId, domainId: 'EXP' },
    },
    {
      hash: `#/compare/${assessmentId}/${otherId}`,
      route: { page: 'compare', from: assessmentId, to: otherId },
    },
    {
      hash: `#/compare/${assessmentId}/${otherId}/`,
      route: { page: 'compare', from: assessmentId, to: otherId },
    },
  ])('reads $hash as the $route.page page', ({ hash, route }) => {
    expect(parseRoute(hash)).toStrictEqual(route);
  });

  it.each([
    ['?q=EDR-03', 'EDR-03'],
    ['/?q=EDR-03', 'EDR-03'],
    ['?lang=en&q=EDR-03', 'EDR-03'],
    // The query is decoded before the question id is checked.
    ['?q=EDR%2D03', 'EDR-03'],
  ])('opens a step at the question its query %j names (%s)', (query, questionId) => {
    expect(parseRoute(`#/a/${assessmentId}/step/EDR${query}`)).toStrictEqual({
      page: 'step',
      id: assessmentId,
      domainId: 'EDR',
      questionId,
    });
  });

  it.each([
    '?q=',
    '?q',
    '?other=EDR-03',
    // Not a question id a path segment could hold.
    '?q=EDR 03',
    '?q=EDR_03',
    '?q=%3Cscript%3E',
    `?q=${'Q'.repeat(65)}`,
  ])('opens a step at its top when the query %j names no valid question', (query) => {
    expect(parseRoute(`#/a/${assessmentId}/step/EDR${query}`)).toStrictEqual({
      page: 'step',
      id: assessmentId,
      domainId: 'EDR',
    });
  });

  it.each([
    '/compare',
    '/nowhere',
    '/home',
    '/A/abc',
    '/a',
    '/a/',
    '/a/abc/unknown',
    '/a/abc/Results',
    '/a/abc/results/extra',
    '/a/abc/review/extra',
    '/a/abc/next/extra',
    '/a/abc/history/extra',
    '/a/abc/export/extra',
    '/a/abc/extra',
    '/a/abc/step',
    '/a/abc/step/',
    '/a/abc/step/EXP/extra',
    '/a/abc/step/EXP/EXP-01',
    '/new/extra',
    '/import/extra',
    '/backup/extra',
    '/Backup',
    '/compare/abc',
    '/compare/abc/def/ghi',
    '/compare/abc/d%20f',
    // Ids hold letters, digits and hyphens only; an encoded character is not decoded into one.
    '/a/abc%20def',
    '/a/%61bc',
    '/a/abc%2Fresults',
    '/a/abc_def',
    '/a/abc.def',
    '/a/ab c',
    '/a/é',
    `/a/${'f'.repeat(65)}`,
    '/a/abc/step/EX%50',
    '/a/abc/step/E.X',
    '/a/abc/unknown?q=EDR-03',
  ])('reports %j as a page that does not exist, naming the path', (path) => {
    expect(parseRoute(`#${path}`)).toStrictEqual({ page: 'not-found', path });
  });

  it('ignores a query on pages other than a step', () => {
    expect(parseRoute(`#/a/${assessmentId}/results?q=EDR-03`)).toStrictEqual({
      page: 'results',
      id: assessmentId,
    });
    expect(parseRoute('#/new?from=home')).toStrictEqual({ page: 'new' });
  });

  it('keeps the group a results page was opened from, and drops one that is no id', () => {
    expect(parseRoute(`#/a/${assessmentId}/results?group=0a1b2c3d4e5f`)).toStrictEqual({
      page: 'results',
      id: assessmentId,
      fromGroup: '0a1b2c3d4e5f',
    });
    expect(parseRoute(`#/a/${assessmentId}/results?group=../x`)).toStrictEqual({
      page: 'results',
      id: assessmentId,
    });
  });

  it('accepts ids of 1 and of 64 characters, the shortest and longest a segment may hold', () => {
    const longest = `${'a'.repeat(32)}${'F'.repeat(31)}-`;
    expect(longest).toHaveLength(64);
    expect(parseRoute('#/a/-')).toStrictEqual({ page: 'assessment', id: '-' });
    expect(parseRoute(`#/a/${longest}/history`)).toStrictEqual({ page: 'history', id: longest });
    expect(parseRoute(`#/compare/1/${longest}`)).toStrictEqual({
      page: 'compare',
      from: '1',
      to: longest,
    });
  });
});

describe('hrefs and parseRoute', () => {
  const idChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split('');
  const id = fc.oneof(
    fc.string({ unit: fc.constantFrom(...idChars), minLength: 1, maxLength: 64 }),
    // What the store and the question set actually produce.
    fc.stringMatching(/^[0-9a-f]{24}$/),
    fc.stringMatching(/^[A-Z]{2,5}$/),
    fc.stringMatching(/^[A-Z]{2,5}-\d{2,3}$/),
  );

  it('reads every link the app builds back as the page it was built for, with the same ids', () => {
    fc.assert(
      fc.property(id, id, id, id, (a, b, domainId, questionId) => {
        const cases: [string, Route][] = [
          [hrefs.home(), { page: 'home' }],
          [hrefs.newAssessment(), { page: 'new' }],
          [hrefs.importFile(), { page: 'import' }],
          [hrefs.backup(), { page: 'backup' }],
          [hrefs.assessment(a), { page: 'assessment', id: a }],
          [hrefs.review(a), { page: 'review', id: a }],
          [hrefs.results(a), { page: 'results', id: a }],
          [hrefs.results(a, b), { page: 'results', id: a, fromGroup: b }],
          [hrefs.nextCycle(a), { page: 'next', id: a }],
          [hrefs.history(a), { page: 'history', id: a }],
          [hrefs.exportFile(a), { page: 'export', id: a }],
          [hrefs.step(a, domainId), { page: 'step', id: a, domainId }],
          [hrefs.step(a, domainId, questionId), { page: 'step', id: a, domainId, questionId }],
          [hrefs.compare(a, b), { page: 'compare', from: a, to: b }],
        ];
        for (const [href, route] of cases) expect(parseRoute(href), href).toStrictEqual(route);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('builds a step link without a question when the question id is empty', () => {
    expect(parseRoute(hrefs.step(assessmentId, 'EXP', ''))).toStrictEqual({
      page: 'step',
      id: assessmentId,
      domainId: 'EXP',
    });
  });
});
