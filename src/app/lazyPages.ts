import { lazy, type ComponentType } from 'react';
import { useAssessments, useGroups } from '../store/index.ts';

/**
 * The question set and the scoring code, handed to the store once loaded. Every page but the list
 * of assessments waits for them, so that no page ever sees an assessment the store has not yet
 * migrated, checked and summarised.
 */
let rulesAttached: Promise<void> | undefined;
export function attachRules(): Promise<void> {
  rulesAttached ??= import('./assessmentRules.ts').then(({ assessmentRules }) =>
    useAssessments.getState().attach(assessmentRules),
  );
  return rulesAttached;
}

// The question set, the wizard, the scoring code and the file formats load only when a page that
// needs them is opened, so the list of assessments appears without them (initial budget 120 KB).
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [component] = await Promise.all([load(), attachRules(), useAssessments.ready]);
    return { default: component };
  });
}

export const AssessmentPage = page(() =>
  import('./AssessmentPage.tsx').then((m) => m.AssessmentPage),
);
export const NewAssessmentPage = page(() =>
  import('../features/wizard/index.ts').then((m) => m.NewAssessmentPage),
);
export const DetailsPage = page(() =>
  import('../features/wizard/index.ts').then((m) => m.DetailsPage),
);
export const NextCyclePage = page(() =>
  import('../features/cycles/index.ts').then((m) => m.NextCyclePage),
);
export const HistoryPage = page(() =>
  import('../features/cycles/index.ts').then((m) => m.HistoryPage),
);
export const ComparePage = page(() =>
  import('../features/cycles/index.ts').then((m) => m.ComparePage),
);
export const ImportPage = page(() =>
  import('../features/transfer/index.ts').then((m) => m.ImportPage),
);
export const ExportPage = page(() =>
  import('../features/transfer/index.ts').then((m) => m.ExportPage),
);
export const BackupPage = page(() =>
  import('../features/backup/index.ts').then((m) => m.BackupPage),
);
export const DelegatePage = page(() =>
  import('../features/delegation/index.ts').then((m) => m.DelegatePage),
);
export const MergePage = page(() =>
  import('../features/delegation/index.ts').then((m) => m.MergePage),
);
// The groups are read from the database only when a page of them opens (most devices keep none).
function groupPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return page(() =>
    Promise.all([load(), useGroups.getState().load()]).then(([component]) => component),
  );
}
export const GroupsPage = groupPage(() =>
  import('../features/group/index.ts').then((m) => m.GroupsPage),
);
export const GroupPage = groupPage(() =>
  import('../features/group/index.ts').then((m) => m.GroupPage),
);
// An assignee's questionnaire carries its own questions: no question set or scoring code to wait for.
export const RespondPage = lazy(() =>
  import('../features/respond/index.ts').then((m) => ({ default: m.RespondPage })),
);
