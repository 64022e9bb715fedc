/**
 * The signed-in user: the bearer token kept in sessionStorage (gone with the tab) and its claims,
 * read from the token only to choose pages — the API alone decides what the token may do.
 */
export interface Claims {
  readonly sub: string;
  readonly name: string;
  readonly role: string;
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
  readonly exp?: number;
}

export interface Session {
  readonly token: string;
  readonly claims: Claims;
}

const KEY = 'console.token';

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, or undefined when it is not one. */
export function decodeClaims(token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(base64UrlDecode(parts[1]!));
    if (typeof payload !== 'object' || payload === null) return undefined;
    const p = payload as Record<string, unknown>;
    if (typeof p.sub !== 'string' || typeof p.role !== 'string') return undefined;
    const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    return {
      sub: p.sub,
      name: text(p.name) ?? p.sub,
      role: p.role,
      centerId: text(p.centerId),
      departmentId: text(p.departmentId),
      windowId: text(p.windowId),
      exp: typeof p.exp === 'number' ? p.exp : undefined,
    };
  } catch {
    return undefined;
  }
}

export function sessionOf(token: string): Session | undefined {
  const claims = decodeClaims(token.trim());
  return claims ? { token: token.trim(), claims } : undefined;
}

export function loadSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  return token ? sessionOf(token) : undefined;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, session.token);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
