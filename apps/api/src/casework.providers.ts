/**
 * The casework of issue 14 in one place for the module: the statutory steps (T12, T13), 好差评
 * (P5, P6), complaints without a case (P1, P2) and the routes without a token.
 */
import type { Provider, Type } from '@nestjs/common';
import { StatutoryStepsController } from './cases/case-commands.controller.js';
import { ComplaintWriter } from './complaints/complaint-writer.js';
import { ComplaintsController } from './complaints/complaints.controller.js';
import { EvaluationsController } from './evaluations/evaluations.controller.js';
import { PublicCapabilities } from './public/public-capabilities.js';
import { PublicController } from './public/public.controller.js';
import { ComplaintsViewController } from './views/complaints/complaints-view.controller.js';
import { EvaluationsViewController } from './views/evaluations/evaluations-view.controller.js';
import { RankingsController } from './views/evaluations/rankings.controller.js';

export const CASEWORK_CONTROLLERS: Type[] = [
  StatutoryStepsController,
  EvaluationsController,
  ComplaintsController,
  PublicController,
  ComplaintsViewController,
  EvaluationsViewController,
  RankingsController,
];

export const CASEWORK_PROVIDERS: Provider[] = [PublicCapabilities, ComplaintWriter];
