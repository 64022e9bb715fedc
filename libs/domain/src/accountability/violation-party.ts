/** Who a violation is held against (A1): a staff member, their window and the case's department. */
import type { DetectedActor, DetectionState } from './detection-state.js';

export interface Party {
  readonly staffId?: string;
  readonly staffName?: string;
  readonly windowId?: string;
  readonly departmentId?: string;
}

type Folded = Pick<DetectionState, 'windowId' | 'departmentId'>;

/** The actor, at their own window else the case's; in the case's department else their own. */
export const fromActor = (a: DetectedActor | undefined, s: Folded): Party => ({
  ...(a && { staffId: a.id, staffName: a.name }),
  ...((a?.windowId ?? s.windowId) !== undefined && { windowId: a?.windowId ?? s.windowId }),
  ...((s.departmentId ?? a?.departmentId) !== undefined && {
    departmentId: s.departmentId ?? a?.departmentId,
  }),
});
