/**
 * C6 (通报批评): after each tick's due cases, supervision reads the CaseCompleted events recorded
 * since its checkpoint, records each completion with its department in its ledger, and for a late
 * one asks the domain whether the department's latest completions call for a public-criticism
 * recommendation (`publicCriticismDue`); if so it decides RecommendPublicCriticism on that case.
 * A lost race stops the step at that completion, which is read again next tick.
 */
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';
import { publicCriticismDue } from '#domain/timeliness/public-criticism.js';
import type { EventStore, Position } from '#infra/event-store/event-store.port.js';
import type { CaseSupervisor } from './case-supervisor.js';
import type { CompletionLedger } from './completion-ledger.port.js';
import type { SupervisionConfiguration } from './supervision-configuration.js';
import type { LateCompletionStep } from './supervision-loop.js';

const PAGE = 200;

export class LateCompletionCheck implements LateCompletionStep {
  constructor(
    private readonly store: EventStore,
    private readonly ledger: CompletionLedger,
    private readonly supervisor: CaseSupervisor,
    private readonly configuration: SupervisionConfiguration,
    /** At most this many completions per tick (default 2,000); the rest wait for the next. */
    private readonly maxPerTick = 2_000,
  ) {}

  async run(now: number, correlationId: string): Promise<{ examined: number; recommended: number }> {
    let position: Position = await this.ledger.checkpoint();
    let read = 0;
    let examined = 0;
    let recommended = 0;
    try {
      while (read < this.maxPerTick) {
        const page = await this.store.readAll(position, {
          filter: { eventTypes: ['CaseCompleted'] },
          batchSize: PAGE,
        });
        for (const event of page.events) {
          read++;
          if (!event.streamId.startsWith(caseStreamId(''))) {
            position = event.position;
            continue;
          }
          const caseId = event.streamId.slice(caseStreamId('').length);
          const state = caseStateOf(await this.supervisor.load(caseId));
          const { onTime } = event.data as { onTime: boolean };
          if (state.departmentId !== undefined) {
            const completion = {
              caseId,
              departmentId: state.departmentId,
              completedAt: event.occurredAt,
              onTime,
            };
            await this.ledger.record(completion);
            if (!onTime) {
              examined++;
              const policy = this.configuration.policy();
              const recent = await this.ledger.recent(
                state.departmentId,
                event.occurredAt,
                policy.publicCriticism.consecutiveLate,
              );
              const late = publicCriticismDue(recent, policy);
              if (late?.[late.length - 1] === caseId) {
                const outcome = await this.supervisor.recommendPublicCriticism(
                  caseId,
                  late,
                  now,
                  correlationId,
                );
                if (outcome.kind === 'conflict') return { examined, recommended };
                if (outcome.kind === 'appended') recommended++;
              }
            }
          }
          position = event.position;
        }
        if (page.caughtUp) {
          position = page.nextPosition;
          break;
        }
        position = page.nextPosition;
      }
      return { examined, recommended };
    } finally {
      await this.ledger.saveCheckpoint(position);
    }
  }
}
