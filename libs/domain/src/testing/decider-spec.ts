/**
 * A decider specification for case steps: given recorded events, at an instant (with the calendar,
 * policy or matter of the context), when a command, then the events it records or the rule it
 * breaks. `then` and `thenRefuses` assert and return what was decided, for assertions beyond:
 *
 *   given(...aCase().at(t).registered().events()).at(t).when(command).thenRefuses('F1_NOT_FIRST_RESPONDER');
 *
 * Write the test with a block body: `then` is an assertion, not a promise's. Uses jest's `expect`,
 * so it is left out of the build (tsconfig.build.json); fixtures and histories are not.
 */
import { isDomainError, type DomainError, type DomainErrorCode } from '../errors/domain-error.js';
import type { CaseCommand } from '../case/case-commands.js';
import type { CaseEvent } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import type { Decision } from '../case/decide.js';
import { decideAt, recorded, stateOf, type SpecContext } from './case-history.js';

/** What a recorded event is expected to look like: any part of it. */
type Partially<T> = { readonly [K in keyof T]?: T[K] extends object ? Partially<T[K]> | T[K] : T[K] };
export type ExpectedEvent = Partially<CaseEvent> & { readonly type: CaseEvent['type'] };

export class WhenCommand {
  constructor(
    private readonly given: readonly CaseEvent[],
    readonly decision: Decision,
  ) {}

  /** The command records these events, in this order (each matched on the fields it names). */
  then(...expected: readonly ExpectedEvent[]): readonly CaseEvent[] {
    if (expected.some((e) => typeof e === 'function'))
      throw new Error('a decider specification is not a promise: write the test with a block body');
    expect(this.decision).toMatchObject(expected);
    expect(recorded(this.decision)).toHaveLength(expected.length);
    return recorded(this.decision);
  }

  /** The command is refused with `code` (and, if given, the category, field or detail named). */
  thenRefuses(code: DomainErrorCode, more: Partial<Omit<DomainError, 'kind' | 'code'>> = {}): DomainError {
    expect(this.decision).toMatchObject({ kind: 'DomainError', code, ...more });
    const decision = this.decision;
    if (!isDomainError(decision)) throw new Error('unreachable: the decision was events');
    return decision;
  }

  /** The events recorded (throws with the refusal otherwise). */
  events(): readonly CaseEvent[] {
    return recorded(this.decision);
  }

  /** The given events followed by the recorded ones. */
  history(): CaseEvent[] {
    return [...this.given, ...recorded(this.decision)];
  }

  /** The state after the recorded events. */
  state(): CaseState {
    return stateOf(this.history());
  }
}

export class AtInstant {
  constructor(
    private readonly given: readonly CaseEvent[],
    private readonly ctx: SpecContext,
  ) {}

  when(command: CaseCommand): WhenCommand {
    return new WhenCommand(this.given, decideAt(this.given, command, this.ctx));
  }
}

export class Given {
  constructor(private readonly given: readonly CaseEvent[]) {}

  /** The recording time (ISO), and optionally the rest of the decision's context. */
  at(now: string, ctx: Omit<SpecContext, 'now'> = {}): AtInstant {
    return new AtInstant(this.given, { ...ctx, now });
  }
}

export const given = (...events: readonly CaseEvent[]): Given => new Given(events);
