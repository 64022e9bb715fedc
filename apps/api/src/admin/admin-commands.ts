/**
 * The admin-command table (API.md "Administration"): one row a configuration PUT, from the body to
 * the domain's decider (T1, T2, T3, T5, T7, C7, E2). Roles and every rule are the deciders'; the
 * write path is AdminCommand's (admin-command.ts), the routes adminCommandController's.
 */
import {
  calendarStreamId,
  centerStreamId,
  TIMELINESS_POLICY_STREAM,
} from '#domain/administration/administration-events.js';
import { changeTimelinessPolicy } from '#domain/administration/change-timeliness-policy.js';
import { configurationFact } from '#domain/administration/configuration-fact.js';
import { configureCenter } from '#domain/administration/configure-center.js';
import { publishCalendarYear } from '#domain/administration/publish-calendar-year.js';
import { catalogStreamId, defineMatter } from '#domain/catalog/define-matter.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '#domain/notification/notification.js';
import {
  configureNotificationSubscription,
  notificationSubscriptionStreamId,
} from '#domain/notification/subscription.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { definedFields } from '#infra/objects/present-fields.js';
import { documentedProblems } from '../openapi/problem-responses.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import { adminCommand, ID_KEY, NO_KEY } from './admin-command-row.js';
import { parseYear } from './calendar/year-param.js';
import { PublishCalendarYearDto } from './calendar/publish-calendar-year.dto.js';
import { ConfigureCenterDto } from './centers/configure-center.dto.js';
import { DefineMatterDto } from './matters/define-matter.dto.js';
import { ConfigureNotificationSubscriptionDto } from './notifications/configure-notification-subscription.dto.js';
import { WEBHOOK_DESCRIPTION, WebhookRequestSchema } from './notifications/notification.view.js';
import { ChangeTimelinessPolicyDto } from './policy/change-timeliness-policy.dto.js';

/** T1: office hours belong to a center; recorded in `center-<id>`. */
export const CONFIGURE_CENTER = adminCommand({
  command: 'ConfigureCenter',
  method: 'configure',
  route: ':centerId',
  key: ID_KEY,
  dto: ConfigureCenterDto,
  summary: 'Configure a center and its office hours (T1)',
  roles: 'admin',
  problems: documentedProblems(422, [
    ['T1_OFFICE_PERIODS_OVERLAP', 'Office hours are invalid (T1): 11:00–13:00 overlaps the previous period.'],
    ['T1_OFFICE_TIME_INVALID', 'Office hours are invalid (T1): not a time of day HH:MM: 25:00.'],
  ]),
  prepare: (body, centerId) => ({
    streamId: centerStreamId(centerId),
    input: {
      centerId,
      name: body.name,
      officeHours: body.officeHours.map((p) => ({ start: p.start, end: p.end })),
      ...definedFields(body, ['localSuspensionTypes']),
    },
  }),
  decide: configureCenter,
});

/** The catalog (T3, T5, T7): each matter in `catalog-<code>`, a new definition replacing the last. */
export const DEFINE_MATTER = adminCommand({
  command: 'DefineMatter',
  method: 'define',
  route: ':code',
  key: ID_KEY,
  dto: DefineMatterDto,
  summary: 'Define a matter of the catalog (T3, T5, T7)',
  roles: 'admin',
  problems: documentedProblems(422, [
    [
      'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY',
      'The promised limit (25) may not exceed the statutory limit (20) (T5).',
    ],
    [
      'T5_LIMIT_INVALID',
      'maxExtensionDays is a whole number of working days from 0 to 10 for this matter (T7, 行政许可法 art. 42).',
    ],
  ]),
  prepare: (body, code) => ({
    streamId: catalogStreamId(code),
    input: {
      code,
      name: body.name,
      departmentId: body.departmentId,
      kind: body.kind,
      promisedLimitDays: body.promisedLimitDays,
      ...definedFields(body, ['statutoryLimitDays', 'maxExtensionDays', 'immediateLimitMinutes', 'joint']),
      requiredMaterials: body.requiredMaterials.map((m) => ({ code: m.code, name: m.name })),
    },
  }),
  decide: defineMatter,
});

/** T2: a new year's notice through the API, without a deploy; every calendar change is an event. */
export const PUBLISH_CALENDAR_YEAR = adminCommand({
  command: 'PublishCalendarYear',
  method: 'publish',
  route: ':year',
  // The year is checked here (400), before the headers are read, rather than by IdParamPipe.
  key: { idPipe: false, read: parseYear },
  dto: PublishCalendarYearDto,
  summary: "Publish a year's holiday notice (T2)",
  roles: 'admin',
  problems: [
    ...documentedProblems(400, [
      ['T2_DATE_INVALID', 'The holiday notice for 2027 is invalid (T2): not a YYYY-MM-DD date: 2027-02-30.'],
    ]),
    ...documentedProblems(422, [
      [
        'T2_WORKDAY_NOT_WEEKEND',
        'The holiday notice for 2027 is invalid (T2): 2027-02-10 is a weekday; only weekend days can be adjusted working days.',
      ],
      ['T2_DAY_BOTH_HOLIDAY_AND_WORKDAY', '2027-02-07 is listed both as a holiday and as a working day.'],
    ]),
  ],
  prepare: (body, year) => ({
    streamId: calendarStreamId(year),
    input: { year, source: body.notice, holidays: body.holidays, workdays: body.workdays },
  }),
  decide: publishCalendarYear,
});

/** C7: a new policy version in `policy-timeliness`; cards already issued keep the version they name. */
export const CHANGE_TIMELINESS_POLICY = adminCommand({
  command: 'ChangeTimelinessPolicy',
  method: 'change',
  route: 'timeliness',
  key: NO_KEY,
  dto: ChangeTimelinessPolicyDto,
  summary: 'Record a new version of the timeliness policy (C1–C7, T10)',
  roles: 'admin, supervisor',
  problems: documentedProblems(409, [
    [
      'C7_POLICY_VERSION_EXISTS',
      "Policy version 'county-2026.2' is already recorded; a change needs a new version name (C7).",
    ],
  ]),
  prepare: (body) => ({
    streamId: TIMELINESS_POLICY_STREAM,
    input: {
      version: body.version,
      warningLeads: body.warningLeads.map((r) => ({ maxLimitDays: r.maxLimitDays, leadDays: r.leadDays })),
      immediateWarningLeadMinutes: body.immediateWarningLeadMinutes,
      redAfterOverdueDays: body.redAfterOverdueDays,
      explanationDays: body.explanationDays,
      supplementNoticeDays: body.supplementNoticeDays,
      referralFollowUpDays: body.referralFollowUpDays,
      complaintDays: body.complaintDays,
      rectificationDays: body.rectificationDays,
      ...definedFields(body, ['callbackDays', 'appealDays']),
      publicCriticism: {
        consecutiveLate: body.publicCriticism.consecutiveLate,
        withinDays: body.publicCriticism.withinDays,
      },
    },
  }),
  // The stream just read is authoritative; the cache adds the built-in default's version.
  decide: (policy, actor, occurredAt, { recorded, configuration }) =>
    changeTimelinessPolicy(
      policy,
      [...configuration.knownPolicyVersions(), ...recordedPolicyVersions(recorded)],
      actor,
      occurredAt,
    ),
});

/** The versions the policy stream records, read as every configuration reader reads them (C7). */
const recordedPolicyVersions = (recorded: readonly RecordedEvent[]): string[] =>
  recorded.flatMap((event) => {
    const fact = configurationFact(event);
    return fact?.kind === 'policy' ? [fact.policy.version] : [];
  });

const isKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

/** E2: a subscription is recorded in `notification-subscription-<id>`; the notifier folds it. */
export const CONFIGURE_NOTIFICATION_SUBSCRIPTION = adminCommand({
  command: 'ConfigureNotificationSubscription',
  method: 'configure',
  route: ':subscriptionId',
  key: ID_KEY,
  dto: ConfigureNotificationSubscriptionDto,
  summary: 'Subscribe a webhook (or an SMS gateway) to a center’s or department’s notifications (E1, E2)',
  roles: 'admin',
  description:
    'Recorded as an event in `notification-subscription-{id}`; a PUT again replaces it. Notifications of events ' +
    'recorded after it are delivered to it; without `departmentId` every notification of the center. The secret ' +
    `is never answered back. ${WEBHOOK_DESCRIPTION}`,
  extraModels: [WebhookRequestSchema],
  prepare: (body, subscriptionId) => {
    const unknown = body.kinds.find((k) => !isKind(k));
    if (unknown !== undefined)
      throw new ProblemException(
        problems.validation(`kinds holds an unknown kind ${JSON.stringify(unknown)} (E1).`, [
          { field: 'kinds', message: `each of ${NOTIFICATION_KINDS.join(', ')}` },
        ]),
      );
    return {
      streamId: notificationSubscriptionStreamId(subscriptionId),
      input: {
        subscriptionId,
        url: body.url,
        secret: body.secret,
        kinds: body.kinds.filter(isKind),
        centerId: body.centerId,
        ...definedFields(body, ['departmentId']),
        channel: body.channel ?? 'webhook',
        ...(body.sms !== undefined && { sms: { ...body.sms, phoneNumbers: [...body.sms.phoneNumbers] } }),
      },
    };
  },
  decide: configureNotificationSubscription,
  // The recorded event holds the secret (the notifier signs with it); an answer never does.
  answer: (answer) => ({
    ...answer,
    events: answer.events.map((e) => ({ ...e, data: withoutSecret(e.data) })),
  }),
});

function withoutSecret(data: unknown): unknown {
  return typeof data === 'object' && data !== null && 'secret' in data
    ? { ...data, secret: '(hidden)' }
    : data;
}
