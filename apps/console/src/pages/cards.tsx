/**
 * 亮牌与情况说明: warnings and cards (GET /views/cards), with the explanation each one is due
 * (C5): explained, due (with its deadline) or overdue, judged at the API clock's now.
 */
import { useState } from 'preact/hooks';
import type { CardItem, Page } from '../api/types.js';
import { LevelBadge } from '../components/level-badge.js';
import { Show } from '../components/notices.js';
import { useLoad } from '../components/use-load.js';
import { ROUTES, type PageContext } from '../context.js';
import { formatInstant, shortId } from '../format.js';

type Explanation = 'revoked' | 'explained' | 'late' | 'none' | 'overdue' | 'due';

export function explanationState(card: CardItem, now: number): Explanation {
  if (card.revoked) return 'revoked';
  if (card.explained) return card.explanation?.late ? 'late' : 'explained';
  if (card.explanationDueAt === null) return 'none';
  return Date.parse(card.explanationDueAt) < now ? 'overdue' : 'due';
}

const EXPLANATION_LABELS: Readonly<Record<Explanation, string>> = {
  revoked: '已撤销',
  explained: '已说明',
  late: '已说明（逾期提交）',
  none: '无需说明',
  overdue: '说明逾期',
  due: '待说明',
};

export function Cards({ ctx }: { ctx: PageContext }) {
  const [level, setLevel] = useState('');
  const [explained, setExplained] = useState('');
  const [cards] = useLoad(
    () =>
      ctx.api.json<Page<CardItem>>('/views/cards', {
        level: level || undefined,
        explained: explained || undefined,
        limit: 200,
      }),
    [ctx.api, level, explained],
  );
  return (
    <>
      <h1 tabIndex={-1}>亮牌与情况说明</h1>
      <form class="filters" aria-label="筛选亮牌" onSubmit={(e) => e.preventDefault()}>
        <label>
          级别
          <select value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            <option value="warning">预警</option>
            <option value="yellow">黄牌</option>
            <option value="red">红牌</option>
          </select>
        </label>
        <label>
          情况说明
          <select value={explained} onChange={(e) => setExplained((e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            <option value="false">未说明</option>
            <option value="true">已说明</option>
          </select>
        </label>
      </form>
      <Show loaded={cards} render={(page) => <CardTable cards={page.items} now={ctx.now} />} />
    </>
  );
}

/** The cards, each with the explanation it is due (C5) judged at `now`, and the due and overdue counts. */
function CardTable({ cards, now }: { cards: readonly CardItem[]; now: number }) {
  const states = cards.map((c) => explanationState(c, now));
  const due = states.filter((s) => s === 'due').length;
  const overdue = states.filter((s) => s === 'overdue').length;
  return (
    <>
      <p class="summary" role="status">
        共 {cards.length} 张；待说明 <strong data-count="due">{due}</strong> 张，说明逾期{' '}
        <strong data-count="overdue">{overdue}</strong> 张（按服务器时间 {formatInstant(now)}）。
      </p>
      {cards.length === 0 ? (
        <p class="empty">没有符合条件的亮牌。</p>
      ) : (
        <table data-testid="cards">
          <caption>亮牌列表（最新在前）</caption>
          <thead>
            <tr>
              <th scope="col">级别</th>
              <th scope="col">办件</th>
              <th scope="col">部门 / 窗口</th>
              <th scope="col">所对期限</th>
              <th scope="col">发出时间</th>
              <th scope="col">说明期限</th>
              <th scope="col">情况说明</th>
            </tr>
          </thead>
          <tbody>
            {cards.map((c, i) => (
              <tr key={c.cardId + c.caseId} data-level={c.level} data-explanation={states[i]}>
                <td>
                  <LevelBadge level={c.level} />
                  {c.cause === 'explanation_overdue' && <span class="sub">说明逾期所致</span>}
                </td>
                <td>
                  <a href={ROUTES.caseOf(c.caseId)}>{shortId(c.caseId)}</a>
                </td>
                <td>
                  {c.departmentId ?? '—'} / {c.windowId ?? '—'}
                </td>
                <td>{formatInstant(c.deadline)}</td>
                <td>{formatInstant(c.issuedAt)}</td>
                <td>{formatInstant(c.explanationDueAt)}</td>
                <td class={`explanation explanation-${states[i]}`}>
                  {EXPLANATION_LABELS[states[i]!]}
                  {c.explanation && <div class="sub">{c.explanation.text}</div>}
                  {c.revocation && <div class="sub">撤销理由：{c.revocation.reason}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
