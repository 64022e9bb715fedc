/**
 * 办件查询: the worklist with search by receipt number or applicant name (GET /cases, issue 19:
 * `receiptNo`, `applicantName` prefix). Where the API does not serve it yet the page says so and
 * still opens a case by its id (GET /cases/{id}).
 */
import { useState } from 'preact/hooks';
import type { CaseSummary, Page } from '../api/types.js';
import { Show } from '../components/notices.js';
import { useLoad } from '../components/use-load.js';
import { ROUTES, type PageContext } from '../context.js';
import { formatInstant, shortId } from '../format.js';
import { LEVEL_LABELS, STATUS_LABELS, label } from '../labels.js';

/** The same search, one page on. */
function nextPage(query: URLSearchParams, nextCursor: string): string {
  const params = new URLSearchParams(query);
  params.set('cursor', nextCursor);
  return params.toString();
}

export function Worklist({ ctx, query }: { ctx: PageContext; query: URLSearchParams }) {
  const receiptNo = query.get('receiptNo') ?? '';
  const applicantName = query.get('applicantName') ?? '';
  const cursor = query.get('cursor') ?? '';
  const [draft, setDraft] = useState({ receiptNo, applicantName, caseId: '' });
  const [cases] = useLoad(
    () =>
      ctx.api.json<Page<CaseSummary>>('/cases', {
        receiptNo: receiptNo || undefined,
        applicantName: applicantName || undefined,
        cursor: cursor || undefined,
        limit: 50,
      }),
    [ctx.api, receiptNo, applicantName, cursor],
  );
  const search = (event: Event): void => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (draft.receiptNo.trim()) params.set('receiptNo', draft.receiptNo.trim());
    if (draft.applicantName.trim()) params.set('applicantName', draft.applicantName.trim());
    location.hash = `${ROUTES.worklist}?${params.toString()}`;
  };
  const open = (event: Event): void => {
    event.preventDefault();
    if (draft.caseId.trim()) location.hash = ROUTES.caseOf(draft.caseId.trim());
  };
  const field = (name: keyof typeof draft) => (e: Event) =>
    setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value });
  return (
    <>
      <h1 tabIndex={-1}>办件查询</h1>
      <form class="filters" role="search" aria-label="查询办件" onSubmit={search}>
        <label>
          受理编号
          <input value={draft.receiptNo} onInput={field('receiptNo')} autocomplete="off" />
        </label>
        <label>
          申请人（姓名开头）
          <input value={draft.applicantName} onInput={field('applicantName')} autocomplete="off" />
        </label>
        <button type="submit">查询</button>
      </form>
      <Show
        loaded={cases}
        planned="issue 19，办件列表与查询"
        render={(page) =>
          page.items.length === 0 ? (
            <p class="empty">没有符合条件的办件。</p>
          ) : (
            <>
              <table data-testid="worklist">
                <caption>办件列表（{page.items.length} 件）</caption>
                <thead>
                  <tr>
                    <th scope="col">办件</th>
                    <th scope="col">状态</th>
                    <th scope="col">申请人</th>
                    <th scope="col">事项</th>
                    <th scope="col">部门 / 窗口</th>
                    <th scope="col">期限</th>
                    <th scope="col">级别</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.caseId}>
                      <td>
                        <a href={ROUTES.caseOf(c.caseId)}>{c.receiptNo ?? shortId(c.caseId)}</a>
                      </td>
                      <td>{label(STATUS_LABELS, c.status)}</td>
                      <td>{c.applicant?.name ?? '—'}</td>
                      <td>{c.matterCode ?? '—'}</td>
                      <td>
                        {c.departmentId ?? '—'} / {c.windowId ?? '—'}
                      </td>
                      <td>{formatInstant(c.deadline)}</td>
                      <td>{c.level ? label(LEVEL_LABELS, c.level) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {page.nextCursor && (
                <p>
                  <a href={`${ROUTES.worklist}?${nextPage(query, page.nextCursor)}`}>下一页</a>
                </p>
              )}
            </>
          )
        }
      />
      <form class="filters" aria-label="按办件编号打开" onSubmit={open}>
        <label>
          办件编号（caseId）
          <input value={draft.caseId} onInput={field('caseId')} autocomplete="off" />
        </label>
        <button type="submit">打开办件</button>
      </form>
    </>
  );
}
