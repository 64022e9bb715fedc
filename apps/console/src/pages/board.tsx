/**
 * 实时监控: the overdue board by department and window (GET /views/overdue), the counts and a chart
 * of open cases by level, and the alerts as they arrive on GET /alerts/stream; each alert reloads
 * the board. Warning and normal counts come from the worklist (GET /cases?level=), when served.
 */
import { useEffect, useState } from 'preact/hooks';
import { openAlertStream, type StreamState } from '../api/alert-stream.js';
import type { ApiResult } from '../api/client.js';
import type { AlertMessage, CaseSummary, OverdueCase, Page } from '../api/types.js';
import { LevelBadge } from '../components/level-badge.js';
import { LevelChart, type LevelCount } from '../components/level-chart.js';
import { Show } from '../components/notices.js';
import { useLoad, type Loaded } from '../components/use-load.js';
import { ROUTES, type PageContext } from '../context.js';
import { formatInstant, formatMinutes, shortId } from '../format.js';
import { LEVEL_LABELS } from '../labels.js';
import { overdueBoard } from '../model/overdue-board.js';

const STREAM_LABELS: Readonly<Record<StreamState, string>> = {
  connecting: '正在连接…',
  open: '已连接',
  closed: '连接中断，正在重连…',
  refused: '服务器拒绝了实时连接',
};

async function openCount(ctx: PageContext, level: 'normal' | 'warning'): Promise<ApiResult<number>> {
  const r = await ctx.api.json<Page<CaseSummary>>('/cases', {
    level,
    status: 'accepted,suspended',
    limit: 500,
  });
  return r.kind === 'ok' ? { kind: 'ok', value: r.value.items.length } : r;
}

export function Board({ ctx }: { ctx: PageContext }) {
  const [overdue, reload] = useLoad(
    () => ctx.api.json<Page<OverdueCase>>('/views/overdue', { limit: 500, sort: '-overdueBy' }),
    [ctx.api],
  );
  const [openCounts, reloadCounts] = useLoad(async () => {
    const [normal, warning] = await Promise.all([openCount(ctx, 'normal'), openCount(ctx, 'warning')]);
    return { kind: 'ok', value: { normal, warning } } as const;
  }, [ctx.api]);
  const [alerts, setAlerts] = useState<readonly AlertMessage[]>([]);
  const [stream, setStream] = useState<StreamState>('connecting');

  useEffect(
    () =>
      openAlertStream(ctx.session.token, {
        alert: (message) => {
          setAlerts((list) => [message, ...list].slice(0, 50));
          reload();
          reloadCounts();
          ctx.refreshNow();
        },
        state: (state) => setStream(state),
      }),
    [ctx.session.token],
  );

  return (
    <>
      <h1 tabIndex={-1}>实时监控</h1>
      <p class="live-state" role="status" data-stream={stream}>
        实时告警：{STREAM_LABELS[stream]}
      </p>
      <section aria-labelledby="alerts-title" class="alerts">
        <h2 id="alerts-title">最新告警</h2>
        <ol aria-live="polite" aria-relevant="additions" class="alert-list">
          {alerts.length === 0 && <li class="empty">打开本页以来暂无新的预警或亮牌。</li>}
          {alerts.map((a) => (
            <li key={a.position} class={`alert level-${a.level}`} data-level={a.level} data-case={a.caseId}>
              <LevelBadge level={a.level} /> <a href={ROUTES.caseOf(a.caseId)}>办件 {shortId(a.caseId)}</a>（
              {a.departmentId ?? '—'} / {a.windowId ?? '—'}）期限 {formatInstant(a.deadline)}，发出于{' '}
              {formatInstant(a.issuedAt)}
              {a.cause === 'explanation_overdue' && '（情况说明逾期）'}
            </li>
          ))}
        </ol>
      </section>
      <Show
        loaded={overdue}
        render={(page) => <OverdueSections overdue={page.items} openCounts={openCounts} />}
      />
    </>
  );
}

/** Open cases counted by level, normal and warning from the worklist when it is served. */
interface OpenCounts {
  readonly normal: ApiResult<number>;
  readonly warning: ApiResult<number>;
}

/** The counts by level and the overdue board by department and window, from the overdue cases. */
function OverdueSections({
  overdue,
  openCounts,
}: {
  overdue: readonly OverdueCase[];
  openCounts: Loaded<OpenCounts>;
}) {
  const known = (r: ApiResult<number> | undefined): number | null => (r?.kind === 'ok' ? r.value : null);
  const worklistAbsent = openCounts.kind === 'ok' && openCounts.value.warning.kind === 'absent';
  const rows = overdueBoard(overdue);
  const yellow = overdue.filter((c) => c.level === 'yellow').length;
  const red = overdue.filter((c) => c.level === 'red').length;
  const counts: LevelCount[] = [
    { level: 'normal', count: known(openCounts.kind === 'ok' ? openCounts.value.normal : undefined) },
    {
      level: 'warning',
      count: known(openCounts.kind === 'ok' ? openCounts.value.warning : undefined),
    },
    { level: 'yellow', count: yellow },
    { level: 'red', count: red },
  ];
  return (
    <>
      <section aria-labelledby="counts-title" class="counts">
        <h2 id="counts-title">在办办件按级别统计</h2>
        <dl class="count-cards">
          {counts.map((c) => (
            <div key={c.level} class={`count count-${c.level}`} data-level={c.level}>
              <dt>{LEVEL_LABELS[c.level]}</dt>
              <dd>{c.count ?? '—'}</dd>
            </div>
          ))}
        </dl>
        <LevelChart counts={counts} title="在办办件按级别" />
        {worklistAbsent && (
          <p class="notice notice-degraded" role="status">
            “正常”与“预警”件数需要办件列表 <code>GET /cases</code>（docs/API.md 计划中，issue 19），当前 API
            未提供；黄牌、红牌件数来自 <code>GET /views/overdue</code>。
          </p>
        )}
      </section>
      <section aria-labelledby="board-title">
        <h2 id="board-title">超期办件（按部门、窗口）</h2>
        {rows.length === 0 ? (
          <p class="empty">目前没有超期办件。</p>
        ) : (
          <table class="board" data-testid="overdue-board">
            <caption>
              超期办件 {overdue.length} 件：黄牌 {yellow}，红牌 {red}
            </caption>
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">窗口</th>
                <th scope="col">黄牌</th>
                <th scope="col">红牌</th>
                <th scope="col">超期办件（超期工作时长）</th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap((d) =>
                d.windows.map((w, i) => (
                  <tr key={`${d.departmentId}/${w.windowId}`}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={d.windows.length}>
                        {d.departmentId}
                        <span class="sub">
                          黄 {d.yellow} · 红 {d.red}
                        </span>
                      </th>
                    )}
                    <td>{w.windowId}</td>
                    <td class="num">{w.yellow}</td>
                    <td class="num">{w.red}</td>
                    <td>
                      <ul class="inline">
                        {w.cases.map((c) => (
                          <li key={c.caseId} data-case={c.caseId} data-level={c.level}>
                            <LevelBadge level={c.level} />{' '}
                            <a href={ROUTES.caseOf(c.caseId)}>{shortId(c.caseId)}</a>{' '}
                            {formatMinutes(c.overdueBy)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
