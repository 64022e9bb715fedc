/**
 * Shape validation of bodies with class-validator (the only checking the API itself does; the
 * rules are the domain's): wrong types, missing required fields and unknown fields answer 400
 * `VALIDATION_FAILED` with one entry per field. A body must be a JSON object.
 */
import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { messageOfConstraint } from '../validation/field-messages.js';
import { ProblemException, problems, type FieldError } from './problem-details.js';

export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      stopAtFirstError: true,
      exceptionFactory: (errors: ValidationError[]) => {
        const fields = flatten(errors);
        // The detail reads on its own (curl users see it first): the messages, one per field.
        return new ProblemException(
          problems.validation(`${fields.map((f) => f.message).join('; ')}.`, fields),
        );
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // No body at all is an empty object: a command without fields (a resumption) needs none, and
    // any other gets its missing fields listed.
    if (metadata.type === 'body' && value === undefined) return super.transform({}, metadata);
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value)))
      throw new ProblemException(
        problems.validation('The request body must be a JSON object.', [
          { field: '(body)', message: 'must be a JSON object' },
        ]),
      );
    return super.transform(value, metadata);
  }
}

/** `name must be text` of a nested field reads `applicant.name must be text`. */
function inPath(field: string, property: string, message: string): string {
  return field !== property && message.startsWith(`${property} `)
    ? `${field}${message.slice(property.length)}`
    : message;
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {}))
      out.push({
        field,
        message: inPath(field, e.property, messageOfConstraint(field, constraint, message)),
      });
    if (e.children && e.children.length > 0) out.push(...flatten(e.children, field));
  }
  return out.length > 0 || prefix
    ? out
    : [{ field: '(body)', message: 'the body does not have the documented shape' }];
}
