/**
 * Single steps of a case's history that many suites take on a case of their own (caseAt brings a
 * case to a stage; these take it one step further): each fails loudly when refused and answers the
 * response body, for the suites that look at it.
 */
import { succeeding, type ApiResponse } from '../../support/http-request.js';
import type { TestApi } from './api-harness.js';
import type { Tokens } from './case-fixtures.js';

/** Any request as a step of a test's setup: as `token`, failing loudly unless it is 200 or 201. */
export async function expectOk(
  api: TestApi,
  method: string,
  path: string,
  body: unknown,
  token: string,
  headers?: Record<string, string>,
): Promise<Record<string, unknown>> {
  return succeeding(api.request)(method, path, body, { token, ...(headers && { headers }) });
}

export interface Application {
  readonly matterCode?: string;
  readonly materials?: readonly { readonly code: string; readonly name?: string }[];
}

/** POST /cases/{id}/application as `token`: M-001 with the ID card unless `application` says otherwise. */
export const applyFor = (
  api: TestApi,
  caseId: string,
  token: string,
  { matterCode = 'M-001', materials = [{ code: 'id' }] }: Application = {},
): Promise<Record<string, unknown>> =>
  expectOk(api, 'POST', `/cases/${caseId}/application`, { matterCode, materials }, token);

/** POST /cases/{id}/completion: approved under `decisionNo`, by `token` (a window clerk's, usually). */
export const approve = (
  api: TestApi,
  caseId: string,
  decisionNo: string,
  token: string,
): Promise<Record<string, unknown>> =>
  expectOk(api, 'POST', `/cases/${caseId}/completion`, { outcome: 'approved', decisionNo }, token);

/** The window clerk suspends the case for an inspection expected to take 3 days (T6). */
export const suspendForInspection = (
  api: TestApi,
  t: Tokens,
  caseId: string,
  reason: string,
  applicantNotifiedAt: string,
): Promise<Record<string, unknown>> =>
  expectOk(
    api,
    'POST',
    `/cases/${caseId}/suspensions`,
    { type: 'inspection', reason, expectedDays: 3, applicantNotifiedAt },
    t.window,
  );

export interface Complaint {
  readonly channel: string;
  readonly subject: { readonly kind: string; readonly id?: string };
  readonly content: string;
}

/** The guide files `complaint` on the case; the complaint's id, from its recorded event. */
export async function fileComplaint(
  api: TestApi,
  t: Tokens,
  caseId: string,
  complaint: Complaint,
): Promise<string> {
  const filed = await expectOk(api, 'POST', `/cases/${caseId}/complaints`, complaint, t.guide);
  return (filed.events as { data: { complaintId: string } }[])[0]!.data.complaintId;
}

export interface Conclusion {
  readonly substantiated: boolean;
  readonly reply: string;
}

/**
 * The supervisor concludes the complaint: one filed on a case under /cases/{caseId}/complaints, or
 * without `caseId` one received without a case (POST /complaints).
 */
export const concludeComplaint = (
  api: TestApi,
  t: Tokens,
  complaintId: string,
  conclusion: Conclusion,
  caseId?: string,
): Promise<Record<string, unknown>> =>
  expectOk(
    api,
    'POST',
    `${caseId === undefined ? '' : `/cases/${caseId}`}/complaints/${complaintId}/conclusion`,
    conclusion,
    t.supervisor,
  );

/**
 * The approver appeals the case's first evaluation for `reason` and the supervisor upholds it for
 * `decision`; the decision's answer.
 */
export async function upholdAppeal(
  api: TestApi,
  t: Tokens,
  caseId: string,
  reason: string,
  decision: string,
): Promise<Record<string, unknown>> {
  await expectOk(api, 'POST', `/cases/${caseId}/evaluations/1/appeal`, { reason }, t.approver);
  return expectOk(
    api,
    'POST',
    `/cases/${caseId}/evaluations/1/appeal/decision`,
    { upheld: true, reason: decision },
    t.supervisor,
  );
}

/** POST /cases/{id}/cards/{cardId}/explanation: `text` given by `token` (the card's department). */
export const explainCard = (
  api: TestApi,
  caseId: string,
  cardId: string,
  text: string,
  token: string,
): Promise<Record<string, unknown>> =>
  expectOk(api, 'POST', `/cases/${caseId}/cards/${cardId}/explanation`, { text }, token);

/** The supervisor revokes the card for `reason`. */
export const revokeCard = (
  api: TestApi,
  t: Tokens,
  caseId: string,
  cardId: string,
  reason: string,
): Promise<Record<string, unknown>> =>
  expectOk(api, 'POST', `/cases/${caseId}/cards/${cardId}/revocation`, { reason }, t.supervisor);

/** The supervisor records a valid rectification (`action`) of the case's first evaluation (P4). */
export const rectify = (
  api: TestApi,
  t: Tokens,
  caseId: string,
  action: string,
): Promise<Record<string, unknown>> =>
  expectOk(
    api,
    'POST',
    `/cases/${caseId}/evaluations/1/rectification`,
    { valid: true, action },
    t.supervisor,
  );

/**
 * The window clerk invites the applicant to rate the case, and the applicant rates it `score`
 * through the invitation, without a token (P5); the rating's answer, for the suite to check.
 */
export async function rateByInvitation(
  api: TestApi,
  t: Tokens,
  caseId: string,
  score: number,
): Promise<ApiResponse> {
  const invited = await expectOk(api, 'POST', `/cases/${caseId}/evaluation-invitations`, {}, t.window);
  return api.request(
    'POST',
    '/public/evaluations',
    { invitation: invited.invitation, score },
    { token: null },
  );
}
