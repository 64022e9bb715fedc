/**
 * The console's shell: sign-in, then the pages by hash route (#/board, #/case/<id> …), a skip link,
 * a navigation of the pages the role may read, focus moved to each page's heading.
 */
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Api } from './api/client.js';
import { clearSession, loadSession, saveSession, type Session } from './api/session.js';
import type { Health } from './api/types.js';
import { mayOpen, READERS, ROUTES, type PageContext } from './context.js';
import { ROLE_LABELS, label } from './labels.js';
import { Board } from './pages/board.js';
import { Cards } from './pages/cards.js';
import { CasePage } from './pages/case-page.js';
import { Dossier } from './pages/dossier.js';
import { Rankings } from './pages/rankings.js';
import { Seals } from './pages/seals.js';
import { SignIn } from './pages/sign-in.js';
import { Worklist } from './pages/worklist.js';

interface Route {
  readonly page: keyof typeof READERS | 'home';
  readonly id: string;
  readonly query: URLSearchParams;
}

function routeOf(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const [, page = '', id = ''] = path.split('/');
  const query = new URLSearchParams(search);
  const decoded = decodeURIComponent(id);
  switch (page) {
    case 'board':
    case 'cards':
    case 'rankings':
    case 'seals':
      return { page, id: '', query };
    case 'cases':
      return { page: 'worklist', id: '', query };
    case 'case':
      return { page: 'worklist', id: decoded, query };
    case 'dossier':
      return { page: 'dossier', id: decoded, query };
    default:
      return { page: 'home', id: '', query };
  }
}

const NAV: readonly { page: keyof typeof READERS; href: string; text: string }[] = [
  { page: 'board', href: ROUTES.board, text: '实时监控' },
  { page: 'cards', href: ROUTES.cards, text: '亮牌与说明' },
  { page: 'worklist', href: ROUTES.worklist, text: '办件查询' },
  { page: 'rankings', href: ROUTES.rankings, text: '排名' },
  { page: 'dossier', href: ROUTES.dossierOf(''), text: '卷宗' },
  { page: 'seals', href: ROUTES.seals, text: '封存校验' },
];

function App() {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [hash, setHash] = useState(location.hash);
  const [now, setNow] = useState(Date.now());
  const signOut = useCallback(() => {
    clearSession();
    setSession(undefined);
  }, []);
  const api = useMemo(() => new Api(session?.token, signOut), [session?.token]);
  const refreshNow = useCallback(() => {
    void api.json<Health>('/health').then((r) => {
      if (r.kind === 'ok' && r.value.now) setNow(Date.parse(r.value.now));
    });
  }, [api]);

  useEffect(() => {
    const onHash = (): void => setHash(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    refreshNow();
    const timer = setInterval(refreshNow, 30_000);
    return () => clearInterval(timer);
  }, [refreshNow]);
  // Each page's heading takes the focus, so keyboard and screen-reader users land on the new page.
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus();
  }, [hash, session]);

  if (!session)
    return (
      <SignIn
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
        }}
      />
    );

  const role = session.claims.role;
  const route = routeOf(hash);
  const page = route.page === 'home' ? (mayOpen('board', role) ? 'board' : 'worklist') : route.page;
  const ctx: PageContext = { api, session, now, refreshNow };
  const allowed = page === 'worklist' && route.id !== '' ? true : mayOpen(page, role);
  const current = route.id !== '' && route.page === 'worklist' ? 'case' : page;
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.querySelector<HTMLElement>('main h1')?.focus())}
      >
        跳到主要内容
      </a>
      <header class="top">
        <span class="product">政务服务电子监察控制台</span>
        <nav aria-label="主导航">
          <ul>
            {NAV.filter((n) => mayOpen(n.page, role)).map((n) => (
              <li key={n.page}>
                <a href={n.href} aria-current={n.page === page && current !== 'case' ? 'page' : undefined}>
                  {n.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          {session.claims.name}（{label(ROLE_LABELS, role)}
          {session.claims.centerId ? ` · ${session.claims.centerId}` : ''}）
        </span>
        <button type="button" onClick={signOut}>
          退出
        </button>
      </header>
      <main id="main">
        {!allowed ? (
          <>
            <h1 tabIndex={-1}>无权查看</h1>
            <p>{label(ROLE_LABELS, role)}不能查看此页。</p>
          </>
        ) : current === 'case' ? (
          <CasePage ctx={ctx} caseId={route.id} />
        ) : page === 'board' ? (
          <Board ctx={ctx} />
        ) : page === 'cards' ? (
          <Cards ctx={ctx} />
        ) : page === 'rankings' ? (
          <Rankings ctx={ctx} />
        ) : page === 'seals' ? (
          <Seals ctx={ctx} />
        ) : page === 'dossier' ? (
          <Dossier ctx={ctx} caseId={route.id} />
        ) : (
          <Worklist ctx={ctx} query={route.query} />
        )}
      </main>
    </>
  );
}

const root = document.getElementById('app')!;
root.textContent = ''; // the "loading" line the page shows until the modules arrive
render(<App />, root);
