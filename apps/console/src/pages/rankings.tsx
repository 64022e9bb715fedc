/** 排名: departments or windows ranked (GET /views/rankings, planned: issue 14); degrades when absent. */
import { useState } from 'preact/hooks';
import { firstList, GenericTable } from '../components/generic-table.js';
import { Show } from '../components/notices.js';
import { useLoad } from '../components/use-load.js';
import type { PageContext } from '../context.js';

export function Rankings({ ctx }: { ctx: PageContext }) {
  const [by, setBy] = useState<'department' | 'window'>('department');
  const [rankings] = useLoad(() => ctx.api.json<unknown>('/views/rankings', { by }), [ctx.api, by]);
  return (
    <>
      <h1 tabIndex={-1}>部门与窗口排名</h1>
      <fieldset class="filters">
        <legend>排名对象</legend>
        <label>
          <input type="radio" name="by" checked={by === 'department'} onChange={() => setBy('department')} />
          按部门
        </label>
        <label>
          <input type="radio" name="by" checked={by === 'window'} onChange={() => setBy('window')} />
          按窗口
        </label>
      </fieldset>
      <Show
        loaded={rankings}
        planned="issue 14，好差评 P7 与排名"
        render={(value) => (
          <GenericTable items={firstList(value)} caption={by === 'department' ? '部门排名' : '窗口排名'} />
        )}
      />
    </>
  );
}
