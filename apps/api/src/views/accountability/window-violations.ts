/**
 * The reads of `accountability_violations` that GET /views/accountability and GET /views/rankings
 * make (A2): the violations counting in windows' quarters, each one indexed query (`window_quarter`:
 * window, quarter, time; accountability-documents.ts), decoded for the domain's `windowLedger`.
 */
import type { Db, Filter } from 'mongodb';
import { caseInScope, type ReadScope } from '#domain/access/read-scope.js';
import type { Violation } from '#domain/accountability/violation.js';
import { violationOf, type ViolationDocument } from '#infra/read-store/documents/accountability-documents.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { CaseScope } from '../case-scope.js';

/** The counted violations of a quarter matching `filter`, in time order. */
function countedOfQuarter(
  db: Db,
  quarter: string,
  filter: Filter<ViolationDocument>,
): Promise<Omit<ViolationDocument, '_position'>[]> {
  return db
    .collection<ViolationDocument>(READ_MODELS.accountabilityViolations)
    .find({ ...filter, quarter, counted: true }, { projection: { _position: 0 } })
    .sort({ detectedAtMs: 1, _id: 1 })
    .toArray();
}

/**
 * The counted violations of a quarter matching `filter` that the reader may see (R1: those of the
 * cases and complaints in its scope, as `CaseScope` judges them), by the center a document names;
 * those naming none are judged by `CaseScope` itself, from the event store. Window ids repeat from
 * center to center, so a window filter alone would count other centers' violations.
 */
async function countedInScope(
  db: Db,
  caseScope: CaseScope,
  scope: ReadScope,
  quarter: string,
  filter: Filter<ViolationDocument>,
): Promise<Violation[]> {
  if (scope.kind === 'all') return (await countedOfQuarter(db, quarter, filter)).map(violationOf);
  if (scope.kind !== 'center' && scope.kind !== 'department') return [];
  const docs = await countedOfQuarter(db, quarter, { ...filter, centerId: { $in: [scope.centerId, null] } });
  const named = docs.filter(
    (d) => d.centerId !== null && caseInScope(scope, { centerId: d.centerId, departmentId: d.departmentId }),
  );
  const unnamed = await caseScope.keep(scope, docs.filter((d) => d.centerId === null).map(violationOf));
  return [...named.map(violationOf), ...unnamed];
}

/** GET /views/rankings: the counted violations of the windows' quarter the reader may see, by window. */
export async function violationsOfWindows(
  db: Db,
  caseScope: CaseScope,
  scope: ReadScope,
  windowIds: readonly string[],
  quarter: string,
): Promise<Map<string, Violation[]>> {
  const byWindow = new Map<string, Violation[]>(windowIds.map((w) => [w, []]));
  if (windowIds.length === 0) return byWindow;
  const filter = { windowId: { $in: [...windowIds] } };
  for (const v of await countedInScope(db, caseScope, scope, quarter, filter))
    if (v.windowId !== undefined) byWindow.get(v.windowId)?.push(v);
  return byWindow;
}

/** GET /views/accountability: the counted violations of the window's quarter that the reader may see. */
export function windowViolationsInScope(
  db: Db,
  caseScope: CaseScope,
  scope: ReadScope,
  windowId: string,
  quarter: string,
): Promise<Violation[]> {
  return countedInScope(db, caseScope, scope, quarter, { windowId });
}
