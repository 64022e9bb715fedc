/** 排名: departments or windows ranked for a month (GET /views/rankings?period=&by=, P7). */
import { useState } from 'preact/hooks';
import { firstList, GenericTable } from '../components/generic-table.js';
import { Show } from '../components/notices.js';
import { useLoad } from '../components/use-load.js';
import type { PageContext } from '../context.js';

export function Rankings({ ctx }: { ctx: PageContext }) {
  const [by, setBy] = useState<'department' | 'window'>('department');
  // The API clock's month in Asia/Shanghai (T1): with CLOCK=manual it is where the clock was moved.
  const [period, setPeriod] = useState(new Date(ctx.now + 8 * 3_600_000).toISOString().slice(0, 7));
  const [rankings] = useLoad(
    () => ctx.api.json<unknown>('/views/rankings', { by, period }),
    [ctx.api, by, period],
  );
  return (
    <>
      <h1 tabIndex={-1}>部门与窗口排名</h1>
      <fieldset class="filters">
        <legend>排名对象</legend>
        <label>
          月份
          <input
            type="month"
            value={period}
            onChange={(e) => setPeriod((e.target as HTMLInputElement).value || period)}
          />
        </label>
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
        planned="好差评 P7 与排名"
        render={(value) => (
          <GenericTable items={firstList(value)} caption={by === 'department' ? '部门排名' : '窗口排名'} />
        )}
      />
    </>
  );
}
