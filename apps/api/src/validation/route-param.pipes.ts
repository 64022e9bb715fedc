/**
 * Path parameters: ids name streams and ordinals count suspensions and evaluations; anything else
 * is answered before it reaches a handler (404 for an id that cannot exist, 400 for a bad number).
 */
import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException, problems, titledProblem } from '../problem/problem-details.js';
import { ID_PATTERN } from './id-pattern.js';

/** A case id, a card id, a complaint id, a center id, a matter code. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value))
      throw new ProblemException(titledProblem(404, 'NOT_FOUND', 'No resource has this id.'));
    return value;
  }
}

/** `n` in /suspensions/{n} and /evaluations/{n}: 1 for the first. */
@Injectable()
export class OrdinalParamPipe implements PipeTransform<string | number, number> {
  // The global validation pipe may already have turned the text into a number (transform: true).
  transform(value: string | number): number {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^[1-9]\d{0,5}$/.test(text))
      throw new ProblemException(
        problems.validation('The number in the path is a whole number from 1.', [
          { field: 'n', message: 'must be a whole number from 1' },
        ]),
      );
    return Number(text);
  }
}
