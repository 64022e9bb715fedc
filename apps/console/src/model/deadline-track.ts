/**
 * Pure: how a case's deadline moved, read from its events (T6 suspensions stop the clock and move
 * the deadline on resumption, T7 an extension moves it once), for the case page's time axis. Each
 * deadline is the one an event recorded (T9: deadlines as told), never recomputed here.
 */
export interface TrackEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type DeadlineCause = 'accepted' | 'resumed' | 'extended';

export interface DeadlineStep {
  /** When this deadline was set. */
  readonly at: number;
  readonly deadline: number;
  readonly cause: DeadlineCause;
}

export interface Pause {
  readonly from: number;
  /** null: still suspended. */
  readonly to: number | null;
}

export interface Marker {
  readonly at: number;
  readonly type: string;
}

export interface DeadlineTrack {
  readonly start: number;
  readonly end: number;
  readonly acceptedAt: number | null;
  readonly closedAt: number | null;
  readonly steps: readonly DeadlineStep[];
  readonly pauses: readonly Pause[];
  readonly markers: readonly Marker[];
}

const DEADLINE_SETTERS: Readonly<Record<string, DeadlineCause>> = {
  ApplicationAccepted: 'accepted',
  CaseResumed: 'resumed',
  ExtensionGranted: 'extended',
};
const CLOSING = new Set(['CaseCompleted', 'CaseWithdrawn', 'ApplicationRejected', 'InquiryAnswered']);

const instant = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/** The track of `events` (in revision order); `now` extends the axis to the present. */
export function deadlineTrack(events: readonly TrackEvent[], now: number): DeadlineTrack | undefined {
  if (events.length === 0) return undefined;
  const steps: DeadlineStep[] = [];
  const pauses: { from: number; to: number | null }[] = [];
  const markers: Marker[] = [];
  let acceptedAt: number | null = null;
  let closedAt: number | null = null;
  for (const event of events) {
    const at = instant(event.occurredAt);
    if (at === undefined) continue;
    markers.push({ at, type: event.type });
    const cause = DEADLINE_SETTERS[event.type];
    const deadline = instant(event.data.deadline);
    if (cause !== undefined && deadline !== undefined) steps.push({ at, deadline, cause });
    if (event.type === 'ApplicationAccepted') acceptedAt = at;
    if (event.type === 'CaseSuspended') pauses.push({ from: at, to: null });
    if (event.type === 'CaseResumed') {
      const open = pauses.find((p) => p.to === null);
      if (open) open.to = at;
    }
    if (CLOSING.has(event.type)) closedAt = at;
  }
  if (markers.length === 0) return undefined;
  const start = Math.min(...markers.map((m) => m.at));
  const candidates = [...markers.map((m) => m.at), ...steps.map((s) => s.deadline)];
  if (closedAt === null) candidates.push(now);
  const end = Math.max(...candidates);
  return { start, end: end > start ? end : start + 3_600_000, acceptedAt, closedAt, steps, pauses, markers };
}
