/**
 * The case as of any instant (U4): a slider over the case's life; moving it asks
 * GET /cases/{id}/state?asOf= (after a short pause, so dragging does not flood the API) and shows
 * the status, deadline and level the case had then.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Api, ApiResult } from '../api/client.js';
import type { CaseView } from '../api/types.js';
import { formatInstant, toShanghaiIso } from '../format.js';
import { LEVEL_LABELS, STATUS_LABELS, label } from '../labels.js';
import { Show } from './notices.js';
import type { Loaded } from './use-load.js';

const MINUTE = 60_000;

export function AsOfPanel(props: {
  api: Api;
  caseId: string;
  start: number;
  end: number;
  asOf: number;
  onAsOf: (ms: number) => void;
}) {
  const { api, caseId, start, end, asOf, onAsOf } = props;
  const [state, setState] = useState<Loaded<CaseView>>({ kind: 'loading' });
  useEffect(() => {
    let current = true; // the previous state stays shown until the new one arrives (no flicker)
    const timer = setTimeout(() => {
      void api
        .json<CaseView>(`/cases/${encodeURIComponent(caseId)}/state`, { asOf: toShanghaiIso(asOf) })
        .then((r: ApiResult<CaseView>) => current && setState(r));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, caseId, asOf]);
  // From the first event (the case before it does not exist) to the end of the axis, by minutes.
  const min = start;
  const max = Math.max(end, start + MINUTE);
  return (
    <section aria-labelledby="as-of-title" class="as-of-panel">
      <h2 id="as-of-title">任意时点的办件</h2>
      <label for="as-of">
        查看时点：<output for="as-of">{formatInstant(asOf)}</output>
      </label>
      <input
        id="as-of"
        type="range"
        min={min}
        max={max}
        step={MINUTE}
        value={asOf}
        aria-valuetext={formatInstant(asOf)}
        onInput={(e) => onAsOf(Number((e.target as HTMLInputElement).value))}
      />
      <p class="hint">用方向键逐分钟移动，PageUp / PageDown 大步移动，Home / End 到办件开始与结束。</p>
      <div aria-live="polite" data-testid="as-of-state">
        <Show
          loaded={state}
          render={(c) => (
            <dl class="facts-grid" data-status={c.status}>
              <dt>状态</dt>
              <dd data-field="status">{label(STATUS_LABELS, c.status)}</dd>
              <dt>受理时间</dt>
              <dd>{formatInstant(c.acceptedAt)}</dd>
              <dt>期限</dt>
              <dd>{formatInstant(c.deadline)}</dd>
              <dt>时效级别</dt>
              <dd>{label(LEVEL_LABELS, c.level)}</dd>
              <dt>中止中</dt>
              <dd>{c.suspendedNow ? '是' : '否'}</dd>
              <dt>亮牌</dt>
              <dd>
                {c.cards.length === 0 ? '无' : c.cards.map((k) => label(LEVEL_LABELS, k.level)).join('、')}
              </dd>
            </dl>
          )}
        />
      </div>
    </section>
  );
}
