import {
  AppendOutcomeUnknown,
  EventStoreAccessDenied,
  EventStoreNotLeader,
  EventStoreStreamDeleted,
  StreamRevisionsDiverged,
} from '#infra/event-store/kurrentdb/kurrentdb-errors.js';
import { problemOfException } from './problem-of-exception.js';

// Issue 17: the EventStoreDB adapter's typed failures reach the client as 503 problems with a code,
// never as a bare 500; those an operator must act on are logged in full (internal).
describe('EventStoreDB failures as problems', () => {
  it('an append the server did not confirm is 503 APPEND_OUTCOME_UNKNOWN, telling to repeat it with the same key', () => {
    const { problem, internal } = problemOfException(new AppendOutcomeUnknown('case-1', ['e-1'], 5000));
    expect(problem).toMatchObject({ status: 503, code: 'APPEND_OUTCOME_UNKNOWN' });
    expect(problem.detail).toContain('Repeat the same append');
    expect(internal).toBe(false);
  });

  it('a node that is not the leader is 503 UNAVAILABLE, retried shortly', () => {
    const error = new EventStoreNotLeader({ kind: 'append', streamId: 'case-1' }, 'n2:2113');
    expect(problemOfException(error)).toMatchObject({
      problem: { status: 503, code: 'UNAVAILABLE' },
      internal: false,
    });
  });

  it.each([
    ['access denied', new EventStoreAccessDenied({ kind: 'read-all' })],
    ['a tombstoned stream', new EventStoreStreamDeleted('case-1')],
    ['revisions diverged after a soft delete', new StreamRevisionsDiverged('case-1', 3, 7, 1)],
  ])('%s is 503 UNAVAILABLE and logged for an operator', (_name, error) => {
    const { problem, internal } = problemOfException(error);
    expect(problem).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    expect(problem.detail).not.toContain('case-1');
    expect(internal).toBe(true);
  });
});
