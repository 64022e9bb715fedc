/**
 * The problems the API itself answers with (beside the domain's refusals, whose catalog is
 * libs/domain/src/errors/refusal-catalog.ts): title, rule and fix, the one source of their titles
 * (problem-details.ts `problems`, the views') and of their /problems/{code} pages.
 */
import { isCatalogued, REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';
import { refusal, type RefusalEntry } from '#domain/errors/refusal-entry.js';
import type { AdministrationErrorCode } from '#domain/administration/administration-error.js';

export const API_PROBLEM_CATALOG = {
  UNAUTHENTICATED: refusal(
    '未登录或登录已失效',
    '除 /health、/docs 和 /problems 外，每个请求都须携带有效的 Bearer 令牌。',
    'Every request but /health, /docs and /problems carries a valid bearer token.',
    '发送 Authorization: Bearer <JWT>；令牌过期则重新获取。',
    'Send Authorization: Bearer <JWT>; get a new token when it has expired.',
  ),
  NOT_FOUND: refusal(
    '资源不存在',
    '路径须是接口文档中的路径，编号须是已存在的资源。',
    'A path is one of the documented routes, naming a resource that exists.',
    '核对路径和编号（见 /docs）。',
    'Check the path and the id (see /docs).',
  ),
  METHOD_NOT_ALLOWED: refusal(
    '不支持的请求方法',
    '每个路径只支持文档中列出的方法。',
    'Each path takes the documented methods only.',
    '使用文档中的方法（见 /docs）。',
    'Use a documented method (see /docs).',
  ),
  CONCURRENT_MODIFICATION: refusal(
    '办件已被他人修改，请刷新后重试',
    '同一办件同时只能有一个操作成功。',
    'Of two commands racing on one case, one wins.',
    '重新读取办件后再决定是否重试。',
    'Read the case again, then decide whether to retry.',
  ),
  PRECONDITION_FAILED: refusal(
    '办件已变更，请刷新后重试',
    'If-Match 指定的版本须是办件当前版本。',
    'If-Match names the case’s current revision.',
    '重新读取办件，用新的 ETag 重发。',
    'Read the case again and send with its new ETag.',
  ),
  PAYLOAD_TOO_LARGE: refusal(
    '请求体过大',
    '请求体不超过 64 KiB。',
    'A request body is at most 64 KiB.',
    '缩短文本字段。',
    'Shorten the text fields.',
  ),
  REQUEST_HEADERS_TOO_LARGE: refusal(
    '请求行或请求头过长',
    '请求行与请求头合计不超过 16 KiB。',
    'The request line and headers together are at most 16 KiB.',
    '缩短路径、查询参数或请求头。',
    'Shorten the path, the query or the headers.',
  ),
  UNSUPPORTED_MEDIA_TYPE: refusal(
    '不支持的请求格式',
    '请求体为 UTF-8 编码的 JSON。',
    'A request body is JSON encoded as UTF-8.',
    '以 Content-Type: application/json 发送 UTF-8 JSON。',
    'Send UTF-8 JSON with Content-Type: application/json.',
  ),
  IDEMPOTENCY_KEY_REUSED: refusal(
    '幂等键已用于其他请求',
    '一个 Idempotency-Key 只用于一个命令。',
    'An Idempotency-Key belongs to one command.',
    '为新命令使用新的幂等键。',
    'Use a new key for a new command.',
  ),
  CLOCK_MOVES_FORWARD_ONLY: refusal(
    '时钟只能向前调整',
    '手动时钟只向前调整，已记录的事件不会落在未来。',
    'The manual clock only moves forward, so no recorded event lies in the future.',
    '设置晚于当前时钟的时间。',
    'Set a time after the clock’s.',
  ),
  PROJECTION_LAG: refusal(
    '数据同步中，请稍后重试',
    '视图最终一致：带 minPosition 的查询最多等待 5 秒。',
    'Views are eventually consistent: a query with minPosition waits up to 5 s.',
    '稍后用同一个 minPosition 重试。',
    'Retry later with the same minPosition.',
  ),
  READ_STORE_UNAVAILABLE: refusal(
    '读库不可用',
    '统计和督查视图来自读库；本进程未配置读库。',
    'The views come from the read store, which this process runs without.',
    '向配置了读库的进程查询（MONGODB_URI）。',
    'Ask a process started with a read store (MONGODB_URI).',
  ),
  UNAVAILABLE: refusal(
    '服务暂不可用',
    '服务依赖的存储暂时不可用。',
    'A store the service depends on is unavailable.',
    '稍后重试；查看 GET /health。',
    'Retry later; see GET /health.',
  ),
  APPEND_OUTCOME_UNKNOWN: refusal(
    '事件库未确认写入',
    '事件库未确认本次写入，且短时重读未见其事件；它可能仍已写入。',
    'The event store did not confirm the append, and re-reading for a few seconds did not find it; it may still be recorded.',
    '用同一个 Idempotency-Key 重发同一命令：已写入则返回首次结果，未写入则写入一次。',
    'Send the same command again with the same Idempotency-Key: it answers as the first if recorded, or records it once.',
  ),
  INTERNAL: refusal(
    '服务器内部错误',
    '意外错误已记录日志，不泄露细节。',
    'An unexpected error is logged; no details leave the server.',
    '稍后重试；持续出现请联系管理员。',
    'Retry later; tell the administrators if it persists.',
  ),
  BAD_REQUEST: refusal(
    '请求有误',
    '请求须符合接口文档。',
    'A request follows the documented contract.',
    '按 detail 改正请求。',
    'Correct the request as detail says.',
  ),
  SEAL_NOT_FOUND: refusal(
    '封签不存在',
    '封签编号须是已生成的封签（U7）。',
    'A seal id names a seal that was made (U7).',
    '用 GET /audit/seals 查找封签编号。',
    'Find the seal ids with GET /audit/seals.',
  ),
  SEALS_NOT_SUPPORTED: refusal(
    '当前事件存储不支持存证封签',
    '存证封签（U7）需要 PostgreSQL 或 PGlite 事件存储。',
    'Seals (U7) need the PostgreSQL or PGlite event store.',
    '在使用 PostgreSQL 或 PGlite 的部署中生成和校验封签。',
    'Make and verify seals where the PostgreSQL or PGlite store is used.',
  ),
  NOTIFICATION_NOT_FOUND: refusal(
    '通知不存在',
    '通知编号须是已生成的通知（E2）。',
    'A notification id names a notification that was made (E2).',
    '用通知列表查找编号。',
    'Find the id in the list of notifications.',
  ),
  E2_NOT_UNDELIVERABLE: refusal(
    '该通知无需重发',
    '只有投递失败、不再重试的通知才能人工重发（E2）。',
    'Only a notification whose delivery failed for good can be resent by hand (E2).',
    '等待自动重试结束；投递成功的通知无需重发。',
    'Wait for the automatic retries to end; a delivered notification needs no resend.',
  ),
  ERASURE_NOT_SUPPORTED: refusal(
    '当前事件存储不支持个人信息删除',
    '个人信息删除（I2）需要 PostgreSQL 或 PGlite 事件存储（按办件的密钥）。',
    'Erasure (I2) needs the PostgreSQL or PGlite event store (its per-case keys).',
    '在使用 PostgreSQL 或 PGlite 的部署中删除。',
    'Erase where the PostgreSQL or PGlite store is used.',
  ),
  DEV_LOGIN_UNAVAILABLE: refusal(
    '开发登录不可用',
    '开发登录只在未设置 AUTH_JWT_SECRET（开发密钥）且从本机访问时可用。',
    'The development login exists only while AUTH_JWT_SECRET is unset (the development secret), from the loopback address.',
    '使用签发的正式令牌登录。',
    'Sign in with a token issued by the deployment.',
  ),
} as const satisfies Record<string, RefusalEntry>;

export type ApiProblemCode = keyof typeof API_PROBLEM_CATALOG;

/** Every code with a catalogued title: the domain's refusals and the API's own problems. */
export type ProblemCode = ApiProblemCode | AdministrationErrorCode;

/** The one title of a code (a domain refusal's from the domain catalog). */
export function titleOf(code: ProblemCode): string {
  return isCatalogued(code) ? REFUSAL_CATALOG[code].title : API_PROBLEM_CATALOG[code].title;
}
