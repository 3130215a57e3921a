/**
 * Routes live after the URL's '#', so the built app works from any static file server on any path.
 * Pure parsing and building; the React hook is in useRoute.ts.
 */
export type Route =
  | { page: 'home' }
  | { page: 'new' }
  | { page: 'assessment'; id: string }
  | { page: 'step'; id: string; domainId: string; questionId?: string }
  | { page: 'review'; id: string }
  /** `fromGroup`: opened from that group's dashboard, which the page links back to. */
  | { page: 'results'; id: string; fromGroup?: string }
  | { page: 'next'; id: string }
  | { page: 'history'; id: string }
  | { page: 'export'; id: string }
  | { page: 'details'; id: string }
  | { page: 'copy'; id: string }
  | { page: 'delegate'; id: string }
  | { page: 'merge'; id: string; assigneeId: string }
  | { page: 'respond'; questionnaireId: string }
  | { page: 'compare'; from: string; to: string }
  | { page: 'import' }
  | { page: 'backup' }
  | { page: 'groups' }
  | { page: 'group'; id: string }
  | { page: 'not-found'; path: string };

const segment = /^[A-Za-z0-9-]{1,64}$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [pathname = '', query = ''] = path.split('?');
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'new') return { page: 'new' };
  if (parts.length === 1 && parts[0] === 'import') return { page: 'import' };
  if (parts.length === 1 && parts[0] === 'backup') return { page: 'backup' };
  if (parts.length === 1 && parts[0] === 'groups') return { page: 'groups' };
  if (parts[0] === 'groups' && parts.length === 2 && segment.test(parts[1] ?? '')) {
    return { page: 'group', id: parts[1] ?? '' };
  }
  if (
    parts[0] === 'compare' &&
    parts.length === 3 &&
    segment.test(parts[1] ?? '') &&
    segment.test(parts[2] ?? '')
  ) {
    return { page: 'compare', from: parts[1] ?? '', to: parts[2] ?? '' };
  }
  if (parts[0] === 'respond' && parts.length === 2 && segment.test(parts[1] ?? '')) {
    return { page: 'respond', questionnaireId: parts[1] ?? '' };
  }
  const [first, id, view, domainId] = parts;
  if (first !== 'a' || !id || !segment.test(id)) return { page: 'not-found', path };
  if (parts.length === 2) return { page: 'assessment', id };
  if (view === 'review' && parts.length === 3) return { page: 'review', id };
  if (view === 'results' && parts.length === 3) {
    const fromGroup = new URLSearchParams(query).get('group') ?? undefined;
    return fromGroup && segment.test(fromGroup)
      ? { page: 'results', id, fromGroup }
      : { page: 'results', id };
  }
  if (view === 'next' && parts.length === 3) return { page: 'next', id };
  if (view === 'history' && parts.length === 3) return { page: 'history', id };
  if (view === 'export' && parts.length === 3) return { page: 'export', id };
  if (view === 'details' && parts.length === 3) return { page: 'details', id };
  if (view === 'copy' && parts.length === 3) return { page: 'copy', id };
  if (view === 'delegate' && parts.length === 3) return { page: 'delegate', id };
  if (view === 'merge' && domainId && segment.test(domainId) && parts.length === 4) {
    return { page: 'merge', id, assigneeId: domainId };
  }
  if (view === 'step' && domainId && segment.test(domainId) && parts.length === 4) {
    const questionId = new URLSearchParams(query).get('q') ?? undefined;
    return questionId && segment.test(questionId)
      ? { page: 'step', id, domainId, questionId }
      : { page: 'step', id, domainId };
  }
  return { page: 'not-found', path };
}

export const hrefs = {
  home: () => '#/',
  newAssessment: () => '#/new',
  assessment: (id: string) => `#/a/${id}`,
  step: (id: string, domainId: string, questionId?: string) =>
    `#/a/${id}/step/${domainId}${questionId ? `?q=${questionId}` : ''}`,
  review: (id: string) => `#/a/${id}/review`,
  results: (id: string, fromGroup?: string) =>
    `#/a/${id}/results${fromGroup ? `?group=${fromGroup}` : ''}`,
  nextCycle: (id: string) => `#/a/${id}/next`,
  history: (id: string) => `#/a/${id}/history`,
  exportFile: (id: string) => `#/a/${id}/export`,
  details: (id: string) => `#/a/${id}/details`,
  copy: (id: string) => `#/a/${id}/copy`,
  delegate: (id: string) => `#/a/${id}/delegate`,
  merge: (id: string, assigneeId: string) => `#/a/${id}/merge/${assigneeId}`,
  respond: (questionnaireId: string) => `#/respond/${questionnaireId}`,
  compare: (from: string, to: string) => `#/compare/${from}/${to}`,
  importFile: () => '#/import',
  backup: () => '#/backup',
  groups: () => '#/groups',
  group: (id: string) => `#/groups/${id}`,
};
