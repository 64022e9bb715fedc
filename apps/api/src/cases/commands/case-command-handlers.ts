import type { Type } from '@nestjs/common';
import { CaseStepHandler } from './case-step.command.js';

/** The one handler of every case step, registered with the CQRS module. */
export const CASE_COMMAND_HANDLERS: Type[] = [CaseStepHandler];
