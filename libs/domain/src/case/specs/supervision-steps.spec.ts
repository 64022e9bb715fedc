/** Supervision of what is not a card: a suspended case's frozen clock (T6) and overdue steps (T10). */
import { assessTimeliness } from '../../timeliness/assess-timeliness.js';
import { DEFAULT_TIMELINESS_POLICY } from '../../timeliness/timeliness-policy.js';
import {
  aCase,
  anAcceptedCase,
  at,
  clock,
  given,
  promisedMatter,
  supervisor,
  windowClerk,
  type CaseHistory,
  supervisionCheck as check,
} from '../../testing/index.js';

// A 5-day case accepted Monday 2026-03-02 is due Monday 2026-03-09 17:30.
const accepted = (): CaseHistory => anAcceptedCase('2026-03-02T10:00:00+08:00');

describe('timeliness (电子监察): suspended cases and overdue steps', () => {
  it('T6, C1: given a suspended case, then its remaining time is frozen and no card falls due while suspended', () => {
    const suspended = accepted().step(
      {
        type: 'SuspendCase',
        actor: windowClerk,
        suspensionType: 'testing',
        expectedDays: 5,
        reason: '产品检测',
        applicantNotifiedAt: '2026-03-03T10:00:00+08:00',
      },
      '2026-03-03T10:00:00+08:00',
    );
    given(...suspended.events())
      .at('2026-03-20T10:00:00+08:00')
      .when(check)
      .then();
    const a = assessTimeliness(
      suspended.state(),
      DEFAULT_TIMELINESS_POLICY,
      clock,
      at('2026-03-20T10:00:00+08:00'),
    );
    expect(a.level).toBe('normal');
    expect(a.remainingMinutes).toBe(officeMinutes('2026-03-03T10:00:00+08:00', '2026-03-09T17:30:00+08:00'));
  });

  it('T10: given a case on time, when a complaint stays open past 5 working days, then the step is flagged anyway', () => {
    // A 10-day case accepted 2026-03-02 is due 03-16; the complaint filed the same day is due 03-09 17:30.
    const complained = aCase()
      .at('2026-03-02T10:00:00+08:00')
      .registered()
      .applied({ ...promisedMatter, promisedLimitDays: 10 })
      .accepted()
      .step(
        {
          type: 'FileComplaint',
          actor: supervisor,
          complaintId: 'TS-1',
          channel: '12345热线',
          subject: { kind: 'case' },
          content: '窗口态度差',
        },
        '2026-03-02T11:00:00+08:00',
      );
    given(...complained.events())
      .at('2026-03-09T17:30:00+08:00')
      .when(check)
      .then();
    given(...complained.events())
      .at('2026-03-09T17:31:00+08:00')
      .when(check)
      .then({
        type: 'StepOverdueFlagged',
        data: { step: 'complaint', ref: 'TS-1', dueAt: '2026-03-09T17:30:00+08:00' },
      });
    expect(
      assessTimeliness(complained.state(), DEFAULT_TIMELINESS_POLICY, clock, at('2026-03-09T17:31:00+08:00'))
        .level,
    ).toBe('normal');
  });

  it('T10: given a received application without notice or decision for 5 working days, then the supplement-notice step is flagged', () => {
    const received = aCase().at('2026-03-02T10:00:00+08:00').registered().applied();
    given(...received.events())
      .at('2026-03-09T17:31:00+08:00')
      .when(check)
      .then({ type: 'StepOverdueFlagged', data: { step: 'supplement_notice', ref: 'case' } });
  });
});

function officeMinutes(from: string, to: string): number {
  let n = 0;
  for (let t = at(from); t < at(to); t += 60_000) {
    const d = new Date(t + 8 * 3_600_000);
    const m = d.getUTCHours() * 60 + d.getUTCMinutes();
    if (
      clock.calendar.isWorkingDay(Math.floor((t + 8 * 3_600_000) / 86_400_000)) &&
      ((m >= 510 && m < 720) || (m >= 870 && m < 1050))
    )
      n++;
  }
  return n;
}
