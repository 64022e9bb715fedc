/**
 * API.md: any query takes `minPosition` and waits for the views to reach it. The queries that read
 * the event store itself (a case's events, state, integrity, dossier; a complaint), which every
 * recorded position has reached, check the parameter and never wait on it.
 */
import { ApiQuery } from '@nestjs/swagger';
import { optionalPosition } from '../../views/view-query-parameters.js';

/** The parameter as such a query documents it. */
export const MinPosition = (): MethodDecorator =>
  ApiQuery({
    name: 'minPosition',
    required: false,
    description:
      'Accepted by every query (API.md); reads from the event store are always up to date, so it never waits.',
    example: '00000000000000000750:00000000000000000012',
  });

/** 400 naming `minPosition` when it is given and is no position (the views' own check: one rule). */
export function checkMinPosition(minPosition: unknown): void {
  optionalPosition(minPosition);
}
