/** 封存校验 (auditors): the store checked against its seals (GET /audit/seals/verification, planned: issue 16, U7). */
import { firstList, GenericTable } from '../components/generic-table.js';
import { Show } from '../components/notices.js';
import { useLoad } from '../components/use-load.js';
import type { PageContext } from '../context.js';

interface Verification {
  readonly ok?: boolean;
  readonly sealsChecked?: number;
  readonly streamsChecked?: number;
}

export function Seals({ ctx }: { ctx: PageContext }) {
  const [verification, reload] = useLoad(
    () => ctx.api.json<Verification>('/audit/seals/verification'),
    [ctx.api],
  );
  return (
    <>
      <h1 tabIndex={-1}>封存校验</h1>
      <p>
        <button type="button" onClick={reload}>
          重新校验
        </button>
      </p>
      <Show
        loaded={verification}
        planned="issue 16，封存 U7"
        render={(v) => (
          <>
            <p class={v.ok ? 'notice notice-ok' : 'notice notice-error'} role="status">
              {v.ok ? '校验通过：事件存储与封存一致。' : '校验发现问题：见下表。'}
              （已校验封存 {v.sealsChecked ?? '—'} 个，事件流 {v.streamsChecked ?? '—'} 条）
            </p>
            <GenericTable items={firstList(v)} caption="发现的问题" />
          </>
        )}
      />
    </>
  );
}
