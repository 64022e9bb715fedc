/**
 * A case's script as steps: after each business step, what comes next and when (in office time at
 * the case's center); after a supervision check that issued a card, the explanation if scripted.
 */
import { addOfficeMinutes } from '#domain/calendar/index.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import type { Dice } from './dice.js';
import type { Flight, Step } from './flight.js';
import { days, office } from './office-time.js';

/** After a business step: the steps that follow it (the case's script). */
export function followUps(
  f: Flight,
  step: Step,
  events: readonly CaseEvent[],
  { random, chance }: Dice,
): Step[] {
  const { script, matter } = f;
  const t = step.at;
  const s = f.state;
  const out: Step[] = [];
  const type = events[events.length - 1]?.type;
  switch (step.kind) {
    case 'register':
      if (script.answered) out.push({ at: office(f, t, 5 + random() * 20), kind: 'answer' });
      else if (script.referred) out.push({ at: office(f, t, 3), kind: 'refer' });
      else out.push({ at: office(f, t, 5 + random() * 25), kind: 'apply' });
      if (script.complaint) out.push({ at: days(f, t, 1 + random() * 3), kind: 'complain' });
      break;
    case 'refer':
      out.push({ at: days(f, t, 1 + random() * 3), kind: 'apply' });
      break;
    case 'apply':
      if (script.rejected) out.push({ at: office(f, t, 10 + random() * 600), kind: 'reject' });
      else if (script.supplement !== 'none' && matter.kind !== 'immediate')
        out.push({
          at: days(f, t, script.supplement === 'late' ? 6 + random() * 2 : random() * 3),
          kind: 'notice',
        });
      else out.push({ at: office(f, t, 5 + random() * 60), kind: 'accept' });
      break;
    case 'notice':
      out.push({ at: days(f, t, 1 + random() * 3), kind: script.withdrawn ? 'withdraw' : 'resubmit' });
      break;
    case 'resubmit':
      out.push({ at: office(f, t, 10 + random() * 120), kind: 'accept' });
      break;
    case 'accept': {
      if (type !== 'ApplicationAccepted' || s.deadline === undefined) break;
      const deadline = s.deadline;
      const span = Math.max(30, (deadline - t) / 60_000);
      if (matter.kind === 'immediate') {
        out.push({
          at: office(f, t, script.late ? 32 + random() * 60 : 5 + random() * 20),
          kind: 'complete',
        });
        break;
      }
      if (script.withdrawn) {
        out.push({ at: days(f, t, 1 + random() * 2), kind: 'withdraw' });
        break;
      }
      if (script.suspended) out.push({ at: days(f, t, 1), kind: 'suspend' });
      else if (script.extended)
        out.push({ at: addOfficeMinutes(f.center.clock, deadline, -240).value, kind: 'extend' });
      else
        out.push({
          at: script.late
            ? office(f, deadline, 60 + random() * 420 * 5)
            : t + Math.max(60_000, (0.2 + random() * 0.7) * span * 60_000),
          kind: 'complete',
        });
      break;
    }
    case 'suspend':
      out.push({ at: days(f, t, 1 + random() * 3), kind: 'resume' });
      break;
    case 'resume':
    case 'extend': {
      const deadline = s.deadline ?? t;
      out.push({
        at: script.late
          ? office(f, deadline, 60 + random() * 420 * 4)
          : Math.max(t + 60_000, deadline - random() * 2 * 86_400_000),
        kind: 'complete',
      });
      break;
    }
    case 'complete':
      if (script.evaluation !== undefined)
        out.push({ at: office(f, t, 5 + random() * 60), kind: 'evaluate' });
      break;
    case 'evaluate':
      if (script.evaluation !== undefined && script.evaluation <= 2 && chance(0.8))
        out.push({ at: days(f, t, 1 + random() * 6), kind: 'rectify' });
      break;
    case 'complain':
      out.push({ at: days(f, t, 1 + random() * 6), kind: 'conclude' });
      break;
    case 'check':
      if (
        script.explains &&
        events.some((e) => e.type === 'YellowCardIssued' || e.type === 'RedCardIssued') &&
        !f.plan.some((p) => p.kind === 'explain')
      )
        out.push({ at: days(f, t, random() * 2.5), kind: 'explain' });
      break;
  }
  return out;
}
