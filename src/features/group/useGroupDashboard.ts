import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { groupDashboard } from '../../core/group/dashboard.ts';
import type { Group, GroupDashboard } from '../../core/group/model.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { useAssessments } from '../../store/index.ts';

/**
 * The group's dashboard, computed once per change of the group or of its set's assessments: it
 * scores every member's cycles and takes tens of milliseconds for forty members, too long to
 * repeat on every render. The store hands a new record on any change, even of the place an
 * assessment was left open at (as when a member is drilled into), so the set's ids and assessment
 * objects are selected one by one and compared element by element: the dashboard is recomputed
 * only when an assessment of the set itself changed, came or went. The day is taken once, when
 * the page opens: staleness does not move while the page is read.
 */
export function useGroupDashboard(group: Group, set: QuestionSet): GroupDashboard {
  const ids = useAssessments(
    useShallow((state) =>
      Object.values(state.assessments)
        .filter((stored) => stored.assessment.questionSet.id === set.id)
        .map((stored) => stored.id),
    ),
  );
  const assessments = useAssessments(
    useShallow((state) =>
      Object.values(state.assessments)
        .filter((stored) => stored.assessment.questionSet.id === set.id)
        .map((stored) => stored.assessment),
    ),
  );
  const [asOf] = useState(() => new Date());
  return useMemo(
    () =>
      groupDashboard(
        set,
        group,
        assessments.map((assessment, index) => ({ id: ids[index] ?? '', assessment })),
        asOf,
      ),
    [set, group, ids, assessments, asOf],
  );
}
