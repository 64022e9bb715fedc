/**
 * 办件详情: the case now (GET /cases/{id}), its deadline on a time axis, the case as of any instant
 * (slider, GET /cases/{id}/state?asOf=) and its timeline (GET /cases/{id}/events).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CaseView, Page, RecordedEvent } from '../api/types.js';
import { AsOfPanel } from '../components/as-of-panel.js';
import { DeadlineAxis } from '../components/deadline-axis.js';
import { LevelBadge } from '../components/level-badge.js';
import { Show } from '../components/notices.js';
import { Timeline } from '../components/timeline.js';
import { useLoad } from '../components/use-load.js';
import { mayOpen, ROUTES, type PageContext } from '../context.js';
import { formatInstant } from '../format.js';
import { STATUS_LABELS, label } from '../labels.js';
import { deadlineTrack } from '../model/deadline-track.js';

export function CasePage({ ctx, caseId }: { ctx: PageContext; caseId: string }) {
  const path = `/cases/${encodeURIComponent(caseId)}`;
  const [view] = useLoad(() => ctx.api.json<CaseView>(path), [ctx.api, caseId]);
  const [events] = useLoad(
    () => ctx.api.json<Page<RecordedEvent>>(`${path}/events`, { limit: 500 }),
    [ctx.api, caseId],
  );
  const [asOf, setAsOf] = useState<number | null>(null);
  useEffect(() => setAsOf(null), [caseId]); // another case: back to its latest instant
  return (
    <>
      <h1 tabIndex={-1}>办件详情</h1>
      <Show loaded={view} render={(c) => <CaseNow view={c} role={ctx.session.claims.role} />} />
      <Show
        loaded={events}
        render={(page) => {
          const track = deadlineTrack(page.items, ctx.now);
          if (!track) return <p class="empty">此办件还没有事件。</p>;
          const at = asOf ?? track.end;
          return (
            <>
              <section aria-labelledby="axis-title">
                <h2 id="axis-title">期限时间轴</h2>
                <DeadlineAxis track={track} now={ctx.now} asOf={asOf} />
              </section>
              <AsOfPanel
                api={ctx.api}
                caseId={caseId}
                start={track.start}
                end={track.end}
                asOf={at}
                onAsOf={setAsOf}
              />
              <section aria-labelledby="timeline-title">
                <h2 id="timeline-title">时间线（{page.items.length} 个事件）</h2>
                <Timeline events={page.items} asOf={asOf} />
                {page.nextCursor && <p class="hint">仅显示前 500 个事件。</p>}
              </section>
            </>
          );
        }}
      />
    </>
  );
}

/** The case as it is now, and the way to its dossier for the roles that may open it. */
function CaseNow({ view, role }: { view: CaseView; role: string }) {
  return (
    <section aria-labelledby="now-title">
      <h2 id="now-title">当前状态</h2>
      <dl class="facts-grid" data-testid="case-now">
        <dt>办件编号</dt>
        <dd>
          <code>{view.caseId}</code>
        </dd>
        <dt>状态</dt>
        <dd>{label(STATUS_LABELS, view.status)}</dd>
        <dt>申请人</dt>
        <dd>{view.applicant?.name ?? '—'}</dd>
        <dt>事项 / 部门 / 窗口</dt>
        <dd>
          {view.matterCode ?? '—'} / {view.departmentId ?? '—'} / {view.windowId ?? '—'}
        </dd>
        <dt>受理时间</dt>
        <dd>{formatInstant(view.acceptedAt)}</dd>
        <dt>期限</dt>
        <dd>
          {formatInstant(view.deadline)}
          {view.extended && '（已延期）'}
          {view.suspendedNow && '（中止计时中）'}
        </dd>
        <dt>时效级别</dt>
        <dd>
          <LevelBadge level={view.level} />
        </dd>
        <dt>违规标记</dt>
        <dd>{view.flags.length === 0 ? '无' : view.flags.join('、')}</dd>
      </dl>
      {mayOpen('dossier', role) && (
        <p>
          <a class="button" href={ROUTES.dossierOf(view.caseId)}>
            查看卷宗（可打印）
          </a>
        </p>
      )}
    </section>
  );
}
