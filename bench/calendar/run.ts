/**
 * Calendar benchmark (T2, T4, T6): builds the working calendar once, then times a million calls of
 * each hot function over 2017–2026. Run by hand, never inside `npm test`:
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/calendar/run.js
 *
 * The last line is one JSON object of operations per second, for scripts to read.
 */
import {
  addOfficeMinutes,
  createWorkingCalendar,
  deadlineAfterWorkingDays,
  DEFAULT_OFFICE_HOURS,
  MS_PER_MINUTE,
  officeMinutesBetween,
  parseInstant,
  parseLocalDate,
  type OfficeClock,
} from '#domain/calendar/index.js';
import { seededRandom } from '#domain/testing/seeded-random.js';

const OPERATIONS = 1_000_000;
const INPUTS = 1 << 16; // inputs are drawn up front so the timed loops only call the calendar
const MASK = INPUTS - 1;

const heapBefore = process.memoryUsage().heapUsed;
const buildStart = performance.now();
const calendar = createWorkingCalendar();
const buildMs = performance.now() - buildStart;
const clock: OfficeClock = { calendar, hours: DEFAULT_OFFICE_HOURS };

// The same inputs every run.
const random = seededRandom(0x5eed);

const firstDay = parseLocalDate('2017-01-01') as number;
const lastDay = parseLocalDate('2026-12-31') as number;
const firstInstant = parseInstant('2017-01-01T00:00:00+08:00');
const lastInstant = parseInstant('2026-12-31T00:00:00+08:00');

const days = new Int32Array(INPUTS);
const limits = new Int32Array(INPUTS);
const instants = new Float64Array(INPUTS);
const laterInstants = new Float64Array(INPUTS);
const minutes = new Int32Array(INPUTS);
for (let i = 0; i < INPUTS; i++) {
  days[i] = firstDay + Math.floor(random() * (lastDay - firstDay));
  limits[i] = Math.floor(random() * 46); // 0–45 working days (T5: up to 45 for joint handling)
  instants[i] = firstInstant + Math.floor(random() * (lastInstant - firstInstant));
  // Mostly short spans (suspensions, remaining time), sometimes years.
  const span = random() < 0.9 ? random() * 30 * 86_400_000 : random() * 5 * 365 * 86_400_000;
  laterInstants[i] = instants[i] + Math.floor(span);
  minutes[i] = 1 + Math.floor(random() * (random() < 0.5 ? 60 : 45 * 390));
}

interface Case {
  readonly name: string;
  readonly run: (count: number) => number;
}

const cases: readonly Case[] = [
  {
    name: 'addWorkingDays',
    run: (count) => {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const k = i & MASK;
        const r = calendar.addWorkingDays(days[k], limits[k]);
        sum += r.value + (r.provisional ? 1 : 0);
      }
      return sum;
    },
  },
  {
    name: 'deadlineAfterWorkingDays',
    run: (count) => {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const k = i & MASK;
        sum += deadlineAfterWorkingDays(clock, instants[k], limits[k]).value / MS_PER_MINUTE;
      }
      return sum;
    },
  },
  {
    name: 'addOfficeMinutes',
    run: (count) => {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const k = i & MASK;
        sum += addOfficeMinutes(clock, instants[k], minutes[k]).value / MS_PER_MINUTE;
      }
      return sum;
    },
  },
  {
    name: 'officeMinutesBetween',
    run: (count) => {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const k = i & MASK;
        sum += officeMinutesBetween(clock, instants[k], laterInstants[k]).value;
      }
      return sum;
    },
  },
];

console.log(
  `calendar ${calendar.version}, covers ${calendar.coveredYears[0]}–${calendar.coveredYears.at(-1)}`,
);
console.log(`built in ${buildMs.toFixed(2)} ms`);

let checksum = 0;
for (const c of cases) checksum += c.run(200_000); // warm-up: let the JIT optimise every path

const perSecond: Record<string, number> = {};
for (const c of cases) {
  const start = performance.now();
  checksum += c.run(OPERATIONS);
  const seconds = (performance.now() - start) / 1_000;
  perSecond[c.name] = Math.round(OPERATIONS / seconds);
  console.log(`${c.name.padEnd(26)} ${perSecond[c.name].toLocaleString('en-US').padStart(14)} ops/s`);
}

const heapAfter = process.memoryUsage().heapUsed;
console.log(
  `heap used: ${(heapBefore / 1_048_576).toFixed(1)} MiB before, ${(heapAfter / 1_048_576).toFixed(1)} MiB after`,
);
console.log(`checksum ${checksum}`);
console.log(
  JSON.stringify({
    addWorkingDaysPerSec: perSecond.addWorkingDays,
    deadlinePerSec: perSecond.deadlineAfterWorkingDays,
    addOfficeMinutesPerSec: perSecond.addOfficeMinutes,
    officeMinutesBetweenPerSec: perSecond.officeMinutesBetween,
  }),
);
