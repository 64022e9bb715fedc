/**
 * One check over every parsed JSON body, before shape validation (findings 2 and 8): nesting
 * deeper than 32 levels is refused before class-transformer recurses into it, and no string (value
 * or key) may hold a NUL or an unpaired surrogate: PostgreSQL refuses both in JSON, so they would
 * turn a command into a 500 instead of a 400 naming the field. Iterative: depth costs no stack.
 * No DTO has a field `__proto__`, `constructor` or `prototype`, yet class-transformer drops them
 * without a word before the unknown-field check: refused here as the unknown fields they are.
 */
import { ProblemException, problems } from '../problem/problem-details.js';
import { messageOfConstraint } from './field-messages.js';

export const MAX_JSON_DEPTH = 32;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, if it cannot. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return undefined;
}

const refuse = (field: string, message: string): ProblemException =>
  new ProblemException(problems.validation(`${field} ${message}.`, [{ field, message }]));

/** Throws 400 VALIDATION_FAILED naming the first field that breaks a rule. */
export function checkBodyText(body: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const field = path === '' ? '(body)' : path;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) throw refuse(field, problem);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw refuse(field, `must not nest deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) throw refuse(field, `has a key that ${keyProblem}`);
      const child = path === '' ? key : `${path}.${key}`;
      if (RESERVED_KEYS.has(key)) {
        // Worded as the validation pipe words every unknown field.
        const message = messageOfConstraint(child, 'whitelistValidation', '');
        throw new ProblemException(problems.validation(`${message}.`, [{ field: child, message }]));
      }
      stack.push({ value: item, path: child, depth: depth + 1 });
    }
  }
}

/** A Fastify preValidation hook: after the JSON body parser, before the route's pipes. */
export function bodyTextCheck(): (
  request: { body?: unknown },
  reply: unknown,
  done: (e?: Error) => void,
) => void {
  return (request, _reply, done) => {
    try {
      if (request.body !== undefined) checkBodyText(request.body);
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
