/**
 * Structured JSON logs with pino (DESIGN.md "Configuration"). I1: applicant identifiers are
 * personal information and are never written to logs, wherever they appear in a logged object:
 * by key path here, by value in `redactingLogOptions` (libs/infra/src/logging).
 */
import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import type { LogLevel } from '#infra/config/app-config.js';
import { redactingLogOptions } from '#infra/logging/personal-data-redaction.js';

/** I1: every path under which an applicant's identifiers could reach a log line. */
export const REDACTED_PATHS = [
  'idNumber',
  'phone',
  '*.idNumber',
  '*.phone',
  '*.*.idNumber',
  '*.*.phone',
  '*.*.*.idNumber',
  '*.*.*.phone',
  'req.headers.authorization',
  'headers.authorization',
];

export function createApiLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  const options = {
    ...redactingLogOptions,
    level,
    base: { service: 'api' },
    redact: { paths: REDACTED_PATHS, censor: '[I1 redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination as never) : pino(options);
}

/** Lets NestJS's own messages (module wiring, route mapping) go through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
