import { lazy, Suspense } from 'react';
import { HomePage } from '../features/home/index.ts';
import { hrefs } from '../routing/routes.ts';
import { useRoute } from '../routing/useRoute.ts';
import { SaveStatus } from './SaveStatus.tsx';

// The question set, the wizard and the scoring code load only when an assessment is opened or
// started, so the list of assessments appears without them (the initial-load budget is 120 KB).
const AssessmentPage = lazy(() =>
  import('./AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })),
);
const NewAssessmentPage = lazy(() =>
  import('../features/wizard/index.ts').then((m) => ({ default: m.NewAssessmentPage })),
);

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={hrefs.home()}>
          <img src="./favicon.svg" alt="" width="24" height="24" />
          Cellguard
        </a>
        <SaveStatus />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {route.page === 'home' && <HomePage />}
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {route.page === 'new' && <NewAssessmentPage />}
          {(route.page === 'assessment' ||
            route.page === 'step' ||
            route.page === 'review' ||
            route.page === 'results') && <AssessmentPage route={route} />}
        </Suspense>
        {route.page === 'not-found' && (
          <section className="narrow">
            <h1>Page not found</h1>
            <a className="button primary" href={hrefs.home()}>
              All assessments
            </a>
          </section>
        )}
      </main>
      <footer className="app-footer">
        Cellguard keeps every answer in this browser only; nothing is sent anywhere.
      </footer>
    </div>
  );
}
