/**
 * Field decorators for request DTOs: each applies the class-validator checks of a shape and the
 * matching OpenAPI description in one place, so the document at /docs-json says exactly what is
 * checked. They check types and sizes, and T14's bounds of a count where a DTO names them (the
 * policy's days, with the domain's own check and words); emptiness and ranges that a rule governs
 * (F2, N4, N5, T6, T7, P1, P4 …) are left to the domain, so its refusal surfaces with the rule's code.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { boundedCountRule, isBoundedCount, MIN_COUNT } from '#domain/timeliness/bounds.js';
import { fieldMessages } from './field-messages.js';
import { ID_PATTERN } from './id-pattern.js';

interface FieldOptions {
  readonly description?: string;
  readonly example?: unknown;
  readonly optional?: boolean;
}

const doc = (options: FieldOptions, extra: Record<string, unknown>): PropertyDecorator =>
  options.optional
    ? ApiPropertyOptional({ description: options.description, example: options.example, ...extra })
    : ApiProperty({ description: options.description, example: options.example, ...extra });

/**
 * Absent is allowed, null is not: class-validator's IsOptional also lets null through, which would
 * reach the domain as a non-string (`lateEntryReason: null`).
 */
const absentAllowed = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
const optional = (options: FieldOptions): PropertyDecorator[] => (options.optional ? [absentAllowed()] : []);

/** Free text; `maxLength` keeps a single field from filling the 64 KiB body on its own. */
export function TextField(options: FieldOptions & { readonly maxLength?: number } = {}): PropertyDecorator {
  const maxLength = options.maxLength ?? 2000;
  return applyDecorators(
    ...optional(options),
    IsString({ message: fieldMessages.text }),
    MaxLength(maxLength, { message: fieldMessages.textTooLong(maxLength) }),
    doc(options, { type: String, maxLength }),
  );
}

/** An id (id-pattern.ts): what names a department, window, center or material in a body. */
export function IdField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...optional(options),
    IsString({ message: fieldMessages.id }),
    Matches(ID_PATTERN, { message: fieldMessages.id }),
    doc(options, { type: String, pattern: ID_PATTERN.source, maxLength: 100 }),
  );
}

export function EnumField(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...optional(options),
    IsIn(values as string[], { message: fieldMessages.oneOf(values) }),
    doc(options, { enum: values, type: String }),
  );
}

/**
 * `countUpTo`: a count T14 bounds (1 to that maximum), checked with the domain's own test and told
 * in its words (timeliness/bounds.ts), so the bound and its text are written once; documented too.
 */
export function NumberField(
  options: FieldOptions & { readonly integer?: boolean; readonly countUpTo?: number } = {},
): PropertyDecorator {
  const max = options.countUpTo;
  return applyDecorators(
    ...optional(options),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: fieldMessages.number }),
    ...(max !== undefined
      ? [
          ValidateBy({
            name: 'boundedCount',
            validator: {
              validate: (value) => typeof value === 'number' && isBoundedCount(value, max),
              defaultMessage: (args) => boundedCountRule(args?.property ?? '', max),
            },
          }),
        ]
      : []),
    doc(options, {
      type: options.integer || max !== undefined ? 'integer' : Number,
      ...(max !== undefined && { minimum: MIN_COUNT, maximum: max }),
    }),
  );
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...optional(options),
    IsBoolean({ message: fieldMessages.boolean }),
    doc(options, { type: Boolean }),
  );
}

export function TextListField(
  options: FieldOptions & { readonly maxItems?: number; readonly maxLength?: number } = {},
): PropertyDecorator {
  const maxItems = options.maxItems ?? 100;
  const maxLength = options.maxLength ?? 2000;
  return applyDecorators(
    ...optional(options),
    IsArray({ message: fieldMessages.list }),
    ArrayMaxSize(maxItems, { message: fieldMessages.tooManyItems(maxItems) }),
    IsString({ each: true, message: fieldMessages.textItems }),
    MaxLength(maxLength, { each: true, message: fieldMessages.textTooLong(maxLength) }),
    doc(options, { type: [String], maxItems }),
  );
}

export function NestedField(
  type: () => new () => object,
  options: FieldOptions & { readonly list?: boolean; readonly maxItems?: number } = {},
): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ...(options.optional ? [absentAllowed()] : [IsDefined({ message: fieldMessages.required })]),
    ValidateNested({ each: options.list === true }),
  ];
  if (options.list)
    decorators.push(
      IsArray({ message: fieldMessages.list }),
      ArrayMaxSize(options.maxItems ?? 100, { message: fieldMessages.tooManyItems(options.maxItems ?? 100) }),
      IsObject({ each: true, message: fieldMessages.objectItems }),
    );
  else decorators.push(IsObject({ message: fieldMessages.object }));
  decorators.push(
    Type(type),
    doc(options, {
      type: options.list ? [type()] : type(),
      ...(options.list && { maxItems: options.maxItems ?? 100 }),
    }),
  );
  return applyDecorators(...decorators);
}
