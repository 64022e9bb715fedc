/** Time as a case's center counts it: office minutes and working days (420 office minutes). */
import { addOfficeMinutes } from '#domain/calendar/index.js';
import type { Flight } from './flight.js';

/** `minutes` office minutes after `from` at the flight's center (at least one, whole minutes). */
export const office = (f: Flight, from: number, minutes: number): number =>
  addOfficeMinutes(f.center.clock, from, Math.max(1, Math.round(minutes))).value;

/** `workingDays` working days (fractions allowed) after `from` at the flight's center. */
export const days = (f: Flight, from: number, workingDays: number): number =>
  office(f, from, workingDays * 420);
