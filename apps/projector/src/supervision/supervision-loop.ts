/**
 * The supervision loop (DESIGN.md "Supervision", 电子监察): every tick (default 30 s, and whenever
 * asked, e.g. right after a manual clock moves) it takes the cases whose `nextCheckAt` has passed
 * from the read model, reloads each from the event store and appends what the domain says is due
 * (case-supervisor.ts); then it looks at the late completions recorded since its last tick (C6).
 * Ticks of one loop never overlap; loops in several processes may run at once (derived event ids).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { toShanghaiIso } from '#domain/calendar/index.js';
import type { Clock } from '#infra/clock/clock.js';
import type { CaseCheckOutcome, CaseSupervisor } from './case-supervisor.js';
import type { ComplaintStepCounts } from './complaints/complaint-supervision-step.js';
import type { DueCase, DueCases } from './due-cases.port.js';
import type { SupervisionTickReport } from './supervision-tick-report.js';

/** C6: examines the late completions recorded since the last tick (late-completion-check.ts). */
export interface LateCompletionStep {
  run(now: number, correlationId: string): Promise<{ examined: number; recommended: number }>;
}

/** T10, P2: flags the complaints without a case past their limit (complaints/complaint-supervision-step.ts). */
export interface ComplaintStep {
  run(now: number, correlationId: string): Promise<ComplaintStepCounts>;
}

export interface SupervisionLoopOptions {
  /** Between the end of one tick and the start of the next; default 30 s. */
  readonly intervalMs?: number;
  /** Due cases read per query; default 200. */
  readonly pageSize?: number;
  /** At most this many cases per tick; the rest wait for the next (default 5,000). */
  readonly maxCasesPerTick?: number;
  /** Cases supervised at once; default 4. */
  readonly concurrency?: number;
}

export interface SupervisionLoopDependencies {
  readonly dueCases: DueCases;
  readonly supervisor: CaseSupervisor;
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly lateCompletions?: LateCompletionStep;
  readonly complaints?: ComplaintStep;
  /** Waits until the read model reflects every event recorded so far (used by ticks on demand). */
  readonly awaitViews?: () => Promise<void>;
}

export class SupervisionLoop {
  private readonly intervalMs: number;
  private readonly pageSize: number;
  private readonly maxCasesPerTick: number;
  private readonly concurrency: number;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(
    private readonly deps: SupervisionLoopDependencies,
    options: SupervisionLoopOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 30_000;
    this.pageSize = options.pageSize ?? 200;
    this.maxCasesPerTick = options.maxCasesPerTick ?? 5_000;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /** Ticks every `intervalMs` from now on, the first one at once. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops ticking; resolves when a tick under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.queue.catch(() => undefined);
  }

  /**
   * One tick now, after any tick under way (ticks of a loop never overlap). With `awaitViews`, it
   * first waits for the read model to reflect what has been recorded, so that a case accepted just
   * before the clock moved is found; and, when the tick appended anything, waits again before it
   * answers, so that whoever moved the clock (POST /admin/clock) then reads views holding the cards.
   */
  tick(options: { readonly awaitViews?: boolean } = {}): Promise<SupervisionTickReport> {
    const run = this.queue.then(async () => {
      if (options.awaitViews && this.deps.awaitViews) await this.deps.awaitViews();
      const report = await this.runTick();
      const wrote = report.appended > 0 || report.complaintFlags > 0;
      if (options.awaitViews && this.deps.awaitViews && wrote) await this.deps.awaitViews();
      return report;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick()
        .catch((error: unknown) => this.deps.logger?.error({ err: error }, 'supervision tick failed'))
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async runTick(): Promise<SupervisionTickReport> {
    const started = performance.now();
    const now = this.deps.clock.now();
    const correlationId = randomUUID();
    const counts = { due: 0, supervised: 0, appended: 0, nothingDue: 0, conflicts: 0, failed: 0 };
    let firstFailure: unknown;
    let after: DueCase | undefined;
    while (counts.due < this.maxCasesPerTick) {
      const limit = Math.min(this.pageSize, this.maxCasesPerTick - counts.due);
      const page = await this.deps.dueCases.dueAt(now, limit, after);
      counts.due += page.length;
      await inParallel(page, this.concurrency, async ({ caseId }) => {
        let outcome: CaseCheckOutcome;
        try {
          outcome = await this.deps.supervisor.check(caseId, now, correlationId);
        } catch (error) {
          counts.failed++;
          firstFailure ??= error;
          return;
        }
        if (outcome.kind === 'appended') {
          counts.supervised++;
          counts.appended += outcome.events.length;
        } else if (outcome.kind === 'conflict') counts.conflicts++;
        else if (outcome.kind === 'refused') {
          counts.failed++;
          this.deps.logger?.error({ caseId, code: outcome.code }, 'the domain refused a supervision check');
        } else counts.nothingDue++;
      });
      if (page.length < limit) break;
      after = page[page.length - 1];
    }
    if (firstFailure !== undefined)
      this.deps.logger?.error(
        { err: firstFailure, failed: counts.failed },
        'supervision could not check some cases; they are looked at again next tick',
      );
    let complaints: ComplaintStepCounts = { due: 0, flagged: 0, conflicts: 0, failed: 0 };
    try {
      complaints = (await this.deps.complaints?.run(now, correlationId)) ?? complaints;
      if (complaints.firstFailure !== undefined)
        this.deps.logger?.error(
          { err: complaints.firstFailure, failed: complaints.failed },
          'supervision could not check some complaints (T10, P2); next tick',
        );
    } catch (error) {
      counts.failed++;
      this.deps.logger?.error(
        { err: error },
        'supervision could not read the due complaints (T10, P2); next tick',
      );
    }
    let c6 = { examined: 0, recommended: 0 };
    try {
      c6 = (await this.deps.lateCompletions?.run(now, correlationId)) ?? c6;
    } catch (error) {
      counts.failed++;
      this.deps.logger?.error(
        { err: error },
        'supervision could not examine late completions (C6); next tick',
      );
    }
    const report: SupervisionTickReport = {
      now: toShanghaiIso(now),
      ...counts,
      failed: counts.failed + complaints.failed,
      complaintsDue: complaints.due,
      complaintFlags: complaints.flagged,
      lateCompletions: c6.examined,
      recommendations: c6.recommended,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (report.appended > 0 || report.complaintFlags > 0 || report.recommendations > 0 || report.failed > 0)
      this.deps.logger?.info({ supervision: report }, 'supervision tick');
    return report;
  }
}

/** Runs `work` over `items`, at most `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
