import { lazy } from 'react';

// The question set, the wizard, the scoring code and the file formats load only when a page that
// needs them is opened, so the list of assessments appears without them (initial budget 120 KB).
export const AssessmentPage = lazy(() =>
  import('./AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })),
);
export const NewAssessmentPage = lazy(() =>
  import('../features/wizard/index.ts').then((m) => ({ default: m.NewAssessmentPage })),
);
export const NextCyclePage = lazy(() =>
  import('../features/cycles/index.ts').then((m) => ({ default: m.NextCyclePage })),
);
export const HistoryPage = lazy(() =>
  import('../features/cycles/index.ts').then((m) => ({ default: m.HistoryPage })),
);
export const ComparePage = lazy(() =>
  import('../features/cycles/index.ts').then((m) => ({ default: m.ComparePage })),
);
export const ImportPage = lazy(() =>
  import('../features/transfer/index.ts').then((m) => ({ default: m.ImportPage })),
);
export const ExportPage = lazy(() =>
  import('../features/transfer/index.ts').then((m) => ({ default: m.ExportPage })),
);
