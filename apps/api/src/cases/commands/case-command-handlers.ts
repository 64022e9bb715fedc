import type { Type } from '@nestjs/common';
import { RegisterInquiryHandler } from './register-inquiry.handler.js';
import { AnswerInquiryHandler } from './answer-inquiry.handler.js';
import { ReferInquiryHandler } from './refer-inquiry.handler.js';
import { SubmitApplicationHandler } from './submit-application.handler.js';
import { RequestSupplementHandler } from './request-supplement.handler.js';
import { SubmitSupplementHandler } from './submit-supplement.handler.js';
import { RejectApplicationHandler } from './reject-application.handler.js';
import { AcceptApplicationHandler } from './accept-application.handler.js';
import { SuspendCaseHandler } from './suspend-case.handler.js';
import { ResumeCaseHandler } from './resume-case.handler.js';
import { GrantExtensionHandler } from './grant-extension.handler.js';
import { CompleteCaseHandler } from './complete-case.handler.js';
import { WithdrawCaseHandler } from './withdraw-case.handler.js';
import { FileComplaintHandler } from './file-complaint.handler.js';
import { ConcludeComplaintHandler } from './conclude-complaint.handler.js';
import { SubmitEvaluationHandler } from './submit-evaluation.handler.js';
import { RectifyEvaluationHandler } from './rectify-evaluation.handler.js';
import { ExplainCardHandler } from './explain-card.handler.js';
import { RevokeCardHandler } from './revoke-card.handler.js';
import { RecordAccountabilityActionHandler } from './record-accountability-action.handler.js';
import { CaseStepHandler } from './case-step.command.js';

/** Every case command handler, registered with the CQRS module. */
export const CASE_COMMAND_HANDLERS: Type[] = [
  RegisterInquiryHandler,
  AnswerInquiryHandler,
  ReferInquiryHandler,
  SubmitApplicationHandler,
  RequestSupplementHandler,
  SubmitSupplementHandler,
  RejectApplicationHandler,
  AcceptApplicationHandler,
  SuspendCaseHandler,
  ResumeCaseHandler,
  GrantExtensionHandler,
  CompleteCaseHandler,
  WithdrawCaseHandler,
  FileComplaintHandler,
  ConcludeComplaintHandler,
  SubmitEvaluationHandler,
  RectifyEvaluationHandler,
  ExplainCardHandler,
  RevokeCardHandler,
  RecordAccountabilityActionHandler,
  CaseStepHandler,
];
