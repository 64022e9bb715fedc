/**
 * The one place for the English message of every shape check (400 VALIDATION_FAILED, `errors[]`):
 * `<field> <what is wrong, and what is wanted>`, as the rule refusals word theirs. The problem's
 * Chinese title is `problems.validation`'s. class-validator's own wording never reaches a client.
 */
import type { ValidationArguments } from 'class-validator';

type Check = (args: ValidationArguments) => string;

const missingOr =
  (wanted: string): Check =>
  (args) =>
    args.value === undefined || args.value === null
      ? `${args.property} is required (${wanted})`
      : `${args.property} ${wanted}`;

export const fieldMessages = {
  text: missingOr('must be text'),
  id: missingOr('must be an id: a letter or digit, then letters, digits and . _ : -, at most 100 characters'),
  textTooLong:
    (max: number): Check =>
    (args) =>
      `${args.property} must be at most ${max} characters long`,
  oneOf: (values: readonly string[]): Check => missingOr(`must be one of ${values.join(', ')}`),
  number: missingOr('must be a number'),
  boolean: missingOr('must be true or false'),
  list: missingOr('must be a list'),
  tooManyItems:
    (max: number): Check =>
    (args) =>
      `${args.property} must have at most ${max} items`,
  textItems: (args: ValidationArguments): string => `${args.property} must be a list of texts`,
  object: missingOr('must be an object'),
  objectItems: (args: ValidationArguments): string => `${args.property} must be a list of objects`,
  required: (args: ValidationArguments): string => `${args.property} is required`,
  repeatedCode: (args: ValidationArguments): string => `${args.property} must not name a code twice`,
} as const;

/** For the checks the pipe itself makes, by class-validator constraint name. */
export function messageOfConstraint(field: string, constraint: string, original: string): string {
  switch (constraint) {
    case 'whitelistValidation':
      return `${field} is not a field of this request (remove it)`;
    case 'unknownValue':
      return `${field} must be a JSON object`;
    default:
      // Every decorator of dto-field.decorators.ts words its own message (above); a path is added
      // in front when the field is nested.
      return original;
  }
}
