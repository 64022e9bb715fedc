/**
 * 办件卷宗 (auditors, supervisors): the API's printable dossier page (GET /cases/{id}/dossier with
 * Accept: text/html), fetched with the bearer token and shown in a sandboxed frame (no scripts);
 * "打印" prints that frame alone.
 */
import { useRef, useState } from 'preact/hooks';
import { Show } from '../components/notices.js';
import { useLoad } from '../components/use-load.js';
import { ROUTES, type PageContext } from '../context.js';

export function Dossier({ ctx, caseId }: { ctx: PageContext; caseId: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [draft, setDraft] = useState(caseId);
  const [html] = useLoad(
    () =>
      caseId === ''
        ? Promise.resolve({ kind: 'ok', value: '' } as const)
        : ctx.api.text(`/cases/${encodeURIComponent(caseId)}/dossier`, 'text/html'),
    [ctx.api, caseId],
  );
  return (
    <>
      <h1 tabIndex={-1}>办件卷宗</h1>
      <form
        class="filters no-print"
        aria-label="打开卷宗"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) location.hash = ROUTES.dossierOf(draft.trim());
        }}
      >
        <label>
          办件编号
          <input value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">打开</button>
      </form>
      {caseId !== '' && (
        <Show
          loaded={html}
          render={(page) => (
            <>
              <p class="no-print">
                <button type="button" onClick={() => frame.current?.contentWindow?.print()}>
                  打印卷宗
                </button>{' '}
                <a href={ROUTES.caseOf(caseId)}>返回办件详情</a>
              </p>
              <iframe
                ref={frame}
                class="dossier-frame"
                title={`办件 ${caseId} 的卷宗`}
                sandbox="allow-same-origin allow-modals"
                srcdoc={page}
              />
            </>
          )}
        />
      )}
    </>
  );
}
