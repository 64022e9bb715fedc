/**
 * The collections of the read store (DESIGN.md "Read models"), by the names the projector writes and
 * the API and supervision read. Each read model belongs to exactly one projection; the runner's own
 * bookkeeping (checkpoints, leases, parked events) lives beside them.
 */
export const READ_MODELS = {
  /** One document per case: everything GET /cases/{id} shows, the folded state, level, nextCheckAt. */
  caseViews: 'case_views',
  /** One document per recorded case event (`{caseId, revision}` unique), for auditors. */
  caseTimelines: 'case_timelines',
  /** One document per card (warning, yellow, red) with its explanation and revocation. */
  cards: 'cards',
  /** One document per violation (A1), with its window, quarter, center, staff and evidence (A2). */
  accountabilityViolations: 'accountability_violations',
  /** One document per case: its violations with evidence (A1), and the events they were detected from. */
  accountabilityCases: 'accountability_cases',
  /** One document per scope (department, window, both, all) and day: the S1 counts. */
  statistics: 'statistics',
  /** One document per case: the state the S1 counts of its steps were taken from. */
  statisticsCases: 'statistics_cases',
} as const;

/**
 * Every projection the projector runs, by the name of its checkpoint. GET /health reports each,
 * started or not; test/projector/views.spec.ts checks the projector's own list against this one.
 */
export const PROJECTION_NAMES = [
  'accountability',
  'backdated-entries',
  'cards',
  'case-evaluations',
  'case-timelines',
  'case-views',
  'complaints',
  'statistics',
] as const;

/**
 * Collections older versions built (issue 19 replaced them by queries over `case_views` and
 * `accountability_violations`): a version rebuild drops them after its swap.
 */
export const RETIRED_READ_MODELS = {
  /** case-views ≤ 2: one document per center holding every open case as one JSON string. */
  openDeadlines: 'case_open_deadlines',
  /** case-views 2: one document per hour of nextCheckAt. */
  caseDueBuckets: 'case_due_buckets',
  /** accountability ≤ 3: one document per window and quarter holding its violations as an array. */
  windowQuarters: 'accountability',
} as const;

export type ReadModelName = (typeof READ_MODELS)[keyof typeof READ_MODELS];

/** `{ _id: projection, position, context }`, saved after every batch; `<projection>#rebuild` during a rebuild. */
export const CHECKPOINTS_COLLECTION = 'checkpoints';
/** `{ _id: projection, owner, expiresAt }`: which projector process runs a projection. */
export const LEASES_COLLECTION = 'projection_leases';
/** Events a projection could not apply, with the error, so the other views go on. */
export const PARKED_EVENTS_COLLECTION = 'parked_events';

/** The checkpoint of a rebuild in progress beside the live one. */
export const rebuildCheckpointId = (projection: string): string => `${projection}#rebuild`;
/** Where a rebuild writes before the swap. */
export const rebuildCollectionName = (collection: string): string => `${collection}__rebuild`;
/** Where the replaced collections wait to be dropped after a swap. */
export const replacedCollectionName = (collection: string): string => `${collection}__replaced`;
