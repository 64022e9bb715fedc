/**
 * The steps after acceptance the law gives their own limits: delivery of an approval (T12, art. 44)
 * and the preliminary review of an escalated case (T13, art. 43), from the case-step table.
 */
import { caseStepController } from './steps/case-step.controller.js';
import { STATUTORY_STEPS } from './steps/closing-steps.js';

export const StatutoryStepsController = caseStepController('StatutoryStepsController', STATUTORY_STEPS);
