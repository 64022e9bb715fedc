/**
 * The complaints part of a supervision tick (T10, P2): the due complaints without a case, page by
 * page (keyset, as the due cases), each checked by the ComplaintSupervisor. A complaint that fails
 * or loses a race is looked at again next tick (its view still names it).
 */
import type { EpochMs } from '#domain/calendar/index.js';
import type { ComplaintSupervisor } from './complaint-supervisor.js';
import type { DueComplaint, DueComplaints } from './due-complaints.port.js';

export interface ComplaintStepCounts {
  /** Complaints the due-complaint query named. */
  readonly due: number;
  /** Flags appended. */
  readonly flagged: number;
  readonly conflicts: number;
  readonly failed: number;
  /** The first unexpected error, for the loop to log. */
  readonly firstFailure?: unknown;
}

export class ComplaintSupervisionStep {
  constructor(
    private readonly dueComplaints: DueComplaints,
    private readonly supervisor: ComplaintSupervisor,
    private readonly pageSize = 200,
    private readonly maxPerTick = 5_000,
  ) {}

  async run(now: EpochMs, correlationId: string): Promise<ComplaintStepCounts> {
    let due = 0,
      flagged = 0,
      conflicts = 0,
      failed = 0;
    let firstFailure: unknown;
    let after: DueComplaint | undefined;
    while (due < this.maxPerTick) {
      const limit = Math.min(this.pageSize, this.maxPerTick - due);
      const page = await this.dueComplaints.dueAt(now, limit, after);
      due += page.length;
      for (const { complaintId } of page) {
        try {
          const outcome = await this.supervisor.check(complaintId, now, correlationId);
          if (outcome.kind === 'appended') flagged += outcome.events.length;
          else if (outcome.kind === 'conflict') conflicts++;
          else if (outcome.kind === 'refused') failed++;
        } catch (error) {
          failed++;
          firstFailure ??= error;
        }
      }
      if (page.length < limit) break;
      after = page[page.length - 1];
    }
    return { due, flagged, conflicts, failed, ...(firstFailure !== undefined && { firstFailure }) };
  }
}
