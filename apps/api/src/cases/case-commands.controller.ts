/**
 * The case commands of API.md "Case commands", generated from the case-step table (steps/): each
 * route validates the body's shape, reads the headers and hands the domain command to the
 * CommandBus. Roles, scope and every rule are decided by the domain (decide.ts, authorize.ts).
 */
import { caseStepController } from './steps/case-step.controller.js';
import { CLOSING_STEPS, STATUTORY_STEPS } from './steps/closing-steps.js';
import { INTAKE_STEPS } from './steps/intake-steps.js';

export const CASE_STEPS = [...INTAKE_STEPS, ...CLOSING_STEPS];

export const CaseCommandsController = caseStepController('CaseCommandsController', CASE_STEPS);

/** The steps after acceptance the law gives their own limits: delivery (T12, art. 44) and review (T13, art. 43). */
export const StatutoryStepsController = caseStepController('StatutoryStepsController', STATUTORY_STEPS);
