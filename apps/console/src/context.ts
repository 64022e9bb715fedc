/** What every page gets: the API with the session's token, the session, and the server's clock. */
import type { Api } from './api/client.js';
import type { Session } from './api/session.js';

export interface PageContext {
  readonly api: Api;
  readonly session: Session;
  /** The API clock's now (GET /health `now`; with CLOCK=manual, where the clock was moved). */
  readonly now: number;
  /** Asks the server's clock again (after a live alert, the clock has usually moved). */
  refreshNow(): void;
}

export const ROUTES = {
  board: '#/board',
  cards: '#/cards',
  worklist: '#/cases',
  rankings: '#/rankings',
  seals: '#/seals',
  caseOf: (id: string): string => `#/case/${encodeURIComponent(id)}`,
  dossierOf: (id: string): string => `#/dossier/${encodeURIComponent(id)}`,
} as const;

/** Who sees which pages (API.md "Queries": who may read each route). */
export const READERS: Readonly<Record<string, readonly string[]>> = {
  board: ['supervisor', 'auditor', 'window', 'approver'],
  cards: ['supervisor', 'auditor'],
  worklist: ['guide', 'proxy', 'window', 'approver', 'supervisor', 'auditor'],
  rankings: ['supervisor', 'auditor'],
  dossier: ['supervisor', 'auditor'],
  seals: ['auditor'],
};

export const mayOpen = (page: keyof typeof READERS, role: string): boolean => READERS[page]!.includes(role);
