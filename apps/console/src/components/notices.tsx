/** How a page says it is loading, that the API refused, or that a planned route is not served yet. */
import type { ComponentChildren } from 'preact';
import type { Problem } from '../api/client.js';
import type { Loaded } from './use-load.js';

export function Loading() {
  return (
    <p class="notice" role="status">
      正在加载…
    </p>
  );
}

export function ProblemNotice({ problem }: { problem: Problem }) {
  return (
    <div class="notice notice-error" role="alert">
      <strong>{problem.title}</strong>（{problem.code}，HTTP {problem.status}）
      <div class="detail" lang="en">
        {problem.detail}
      </div>
    </div>
  );
}

/** A route docs/API.md marks planned, absent from this API version: the page degrades, saying so. */
export function NotYetServed({ path, planned }: { path: string; planned: string }) {
  return (
    <div class="notice notice-degraded" role="status" data-degraded={path}>
      <strong>此功能暂不可用：</strong>当前版本的 API 尚未提供 <code>{path.split('?')[0]}</code>
      （docs/API.md 标注为计划中：{planned}）。待 API 提供后，本页将自动显示数据。
    </div>
  );
}

/** Renders `render(value)` once loaded, or the right notice. */
export function Show<T>({
  loaded,
  planned,
  render,
}: {
  loaded: Loaded<T>;
  planned?: string;
  render: (value: T) => ComponentChildren;
}) {
  switch (loaded.kind) {
    case 'loading':
      return <Loading />;
    case 'absent':
      return <NotYetServed path={loaded.path} planned={planned ?? '未说明'} />;
    case 'problem':
      return <ProblemNotice problem={loaded.problem} />;
    case 'ok':
      return <>{render(loaded.value)}</>;
  }
}
