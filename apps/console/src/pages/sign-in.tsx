/**
 * Signing in: paste a bearer token (from the center's identity provider, or `npm run token`), or —
 * on a development server, when the API offers it (GET /auth/dev-login) — choose a role.
 */
import { useEffect, useState } from 'preact/hooks';
import { Api } from '../api/client.js';
import { sessionOf, type Session } from '../api/session.js';
import type { DevIdentity } from '../api/types.js';
import { ProblemNotice } from '../components/notices.js';
import type { Problem } from '../api/client.js';

type DevLogin =
  | { readonly kind: 'loading' }
  | { readonly kind: 'offered'; readonly identities: readonly DevIdentity[] }
  | { readonly kind: 'unavailable'; readonly reason: string };

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const api = new Api(undefined);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [dev, setDev] = useState<DevLogin>({ kind: 'loading' });

  useEffect(() => {
    void api.json<{ identities: DevIdentity[] }>('/auth/dev-login').then((r) =>
      setDev(
        r.kind === 'ok'
          ? { kind: 'offered', identities: r.value.identities }
          : {
              kind: 'unavailable',
              reason: r.kind === 'problem' ? r.problem.title : '此 API 版本没有开发登录',
            },
      ),
    );
  }, []);

  const submit = (event: Event): void => {
    event.preventDefault();
    const session = sessionOf(token);
    if (!session) {
      setError('这不是有效的访问令牌（JWT），请检查后重新粘贴。');
      return;
    }
    // The API would refuse it anyway (401); saying so here saves a confusing empty console.
    if (session.claims.exp !== undefined && session.claims.exp * 1000 < Date.now()) {
      setError('此访问令牌已过期，请重新获取。');
      return;
    }
    onSignedIn(session);
  };

  const devSignIn = async (identity: DevIdentity): Promise<void> => {
    const r = await api.post<{ token: string }>('/auth/dev-login', { role: identity.role });
    if (r.kind === 'ok') {
      const session = sessionOf(r.value.token);
      if (session) onSignedIn(session);
    } else if (r.kind === 'problem') setProblem(r.problem);
  };

  return (
    <main id="main" class="sign-in">
      <h1 tabIndex={-1}>政务服务电子监察控制台</h1>
      <section aria-labelledby="paste-title">
        <h2 id="paste-title">使用访问令牌登录</h2>
        <form onSubmit={submit}>
          <label for="token">访问令牌（Bearer JWT）</label>
          <textarea
            id="token"
            rows={4}
            value={token}
            onInput={(e) => setToken((e.target as HTMLTextAreaElement).value)}
            aria-describedby={error ? 'token-error' : 'token-hint'}
            aria-invalid={error ? 'true' : 'false'}
            required
          />
          <p id="token-hint" class="hint">
            令牌只保存在本标签页（关闭即失效），每次请求以 Authorization 头发送。
          </p>
          {error && (
            <p id="token-error" class="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit">登录</button>
        </form>
      </section>
      <section aria-labelledby="dev-title">
        <h2 id="dev-title">开发登录</h2>
        {dev.kind === 'loading' && <p role="status">正在检查开发登录…</p>}
        {dev.kind === 'unavailable' && (
          <p class="hint" data-dev-login="unavailable">
            开发登录不可用：{dev.reason}（仅在未设置 AUTH_JWT_SECRET 且从本机访问时提供）。
          </p>
        )}
        {dev.kind === 'offered' && (
          <>
            <p class="hint">开发环境：选择一个角色，服务器以开发密钥签发 8 小时有效的令牌。</p>
            <ul class="identities">
              {dev.identities.map((identity) => (
                <li key={identity.role}>
                  <button type="button" onClick={() => void devSignIn(identity)} data-role={identity.role}>
                    以{identity.label}（{identity.name}）登录
                  </button>
                  <span class="scope">
                    {[identity.centerId, identity.departmentId, identity.windowId]
                      .filter(Boolean)
                      .join(' / ') || '全部中心'}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        {problem && <ProblemNotice problem={problem} />}
      </section>
    </main>
  );
}
