import type { Actor } from '../actor/actor.js';
import type { CaseState } from '../case/case-state.js';

/** E1: what a notification needs of its case besides the event: where it is handled and who asked first. */
export interface CaseFacts {
  readonly caseId: string;
  readonly centerId: string;
  readonly departmentId?: string;
  readonly windowId?: string;
  /** F1: id, role and department of the first responder; the name is never copied (E3). */
  readonly firstResponder?: Pick<Actor, 'id' | 'role' | 'departmentId' | 'windowId'>;
}

/** The facts of a case as folded up to the event being notified (U4). Undefined before an inquiry. */
export function caseFactsOf(state: CaseState): CaseFacts | undefined {
  if (state.caseId === undefined || state.centerId === undefined) return undefined;
  const first = state.firstResponder;
  return {
    caseId: state.caseId,
    centerId: state.centerId,
    ...(state.departmentId !== undefined && { departmentId: state.departmentId }),
    ...(state.windowId !== undefined && { windowId: state.windowId }),
    ...(first !== undefined && {
      firstResponder: {
        id: first.id,
        role: first.role,
        ...(first.departmentId !== undefined && { departmentId: first.departmentId }),
        ...(first.windowId !== undefined && { windowId: first.windowId }),
      },
    }),
  };
}
