import { Suspense } from 'react';
import { PagePlaceholder } from '../components/PagePlaceholder.tsx';
import { HomePage } from '../features/home/index.ts';
import { hrefs, type Route } from '../routing/routes.ts';
import { useRoute } from '../routing/useRoute.ts';
import { useAssessments } from '../store/index.ts';
import {
  AssessmentPage,
  BackupPage,
  ComparePage,
  DelegatePage,
  DetailsPage,
  ExportPage,
  GroupPage,
  GroupsPage,
  HistoryPage,
  ImportPage,
  MergePage,
  NewAssessmentPage,
  NextCyclePage,
  RespondPage,
} from './lazyPages.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { RecoveryBanner } from './RecoveryBanner.tsx';
import { SaveStatus } from './SaveStatus.tsx';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'new':
      return <NewAssessmentPage />;
    case 'assessment':
    case 'step':
    case 'review':
    case 'results':
      return <AssessmentPage route={route} />;
    case 'next':
      return <NextCyclePage id={route.id} />;
    case 'history':
      return <HistoryPage id={route.id} />;
    case 'export':
      return <ExportPage id={route.id} />;
    case 'details':
    case 'copy':
      return <DetailsPage id={route.id} mode={route.page === 'details' ? 'edit' : 'copy'} />;
    case 'delegate':
      return <DelegatePage id={route.id} />;
    case 'merge':
      return <MergePage id={route.id} assigneeId={route.assigneeId} />;
    case 'respond':
      return <RespondPage questionnaireId={route.questionnaireId} />;
    case 'compare':
      return <ComparePage from={route.from} to={route.to} />;
    case 'import':
      return <ImportPage />;
    case 'backup':
      return <BackupPage />;
    case 'groups':
      return <GroupsPage />;
    case 'group':
      return <GroupPage id={route.id} />;
    case 'not-found':
      return (
        <section className="narrow">
          <h1>Page not found</h1>
          <a className="button primary" href={hrefs.home()}>
            All assessments
          </a>
        </section>
      );
  }
}

export function App() {
  const route = useRoute();
  const loaded = useAssessments((state) => state.loaded);
  const pageKey = JSON.stringify(route);
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
        <RecoveryBanner />
        <ErrorBoundary resetKey={pageKey}>
          <Suspense fallback={<PagePlaceholder />}>
            {loaded ? (
              <Page route={route} />
            ) : (
              <PagePlaceholder message="Opening your saved assessments…" />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        Cellguard keeps every answer in this browser only; nothing is sent anywhere.
      </footer>
    </div>
  );
}
