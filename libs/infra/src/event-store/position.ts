/**
 * Global positions: opaque to callers, ordered, and plain strings so a checkpoint can be stored
 * anywhere (a MongoDB document, a URL's `minPosition`, an HTTP answer).
 *
 * Format: two unsigned integers, each written in 20 decimal digits (room for any 64-bit value),
 * joined by `:`. PostgreSQL writes `<transaction id>:<sequence>`, EventStoreDB
 * `<commit position>:<prepare position>`. The fixed width makes plain string order equal to
 * numeric order, so a store that only compares strings (a MongoDB `$lt` guard) orders positions
 * correctly; `comparePositions` does the same with numbers and checks the format.
 */
export type Position = string;

const WIDTH = 20;
const MAX_COMPONENT = 2n ** 64n - 1n;
const FORMAT = /^(\d{20}):(\d{20})$/;

export class InvalidPosition extends Error {
  readonly code = 'INVALID_POSITION' as const;
  constructor(readonly position: unknown) {
    super(
      `not an event store position: ${JSON.stringify(position)} (expected two 20-digit numbers joined by ":")`,
    );
    this.name = 'InvalidPosition';
  }
}

export function formatPosition(major: bigint, minor: bigint): Position {
  if (major < 0n || minor < 0n || major > MAX_COMPONENT || minor > MAX_COMPONENT) {
    throw new RangeError(`position components out of range: ${major}, ${minor}`);
  }
  return `${major.toString().padStart(WIDTH, '0')}:${minor.toString().padStart(WIDTH, '0')}`;
}

/** The two components; InvalidPosition when not the format or a component exceeds 64 bits. */
export function parsePosition(position: Position): readonly [major: bigint, minor: bigint] {
  const components = componentsOf(position);
  if (components === undefined) throw new InvalidPosition(position);
  return components;
}

/** A position some store can write: the format, and each component within 64 bits (formatPosition). */
export function isPosition(value: unknown): value is Position {
  return componentsOf(value) !== undefined;
}

function componentsOf(value: unknown): readonly [bigint, bigint] | undefined {
  const match = typeof value === 'string' ? FORMAT.exec(value) : null;
  if (!match) return undefined;
  const major = BigInt(match[1]!);
  const minor = BigInt(match[2]!);
  // 20 digits hold more than 64 bits: such a position no store can reach, and a wait for it never ends.
  return major > MAX_COMPONENT || minor > MAX_COMPONENT ? undefined : [major, minor];
}

/** The position before every event: reading or subscribing from `START` begins at the first event. */
export const START: Position = formatPosition(0n, 0n);

/** Negative when `a` is before `b`, zero when equal, positive after. Throws `InvalidPosition`. */
export function comparePositions(a: Position, b: Position): number {
  const [aMajor, aMinor] = parsePosition(a);
  const [bMajor, bMinor] = parsePosition(b);
  if (aMajor !== bMajor) return aMajor < bMajor ? -1 : 1;
  if (aMinor !== bMinor) return aMinor < bMinor ? -1 : 1;
  return 0;
}

export function laterPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}
