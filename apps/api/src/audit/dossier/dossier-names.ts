/**
 * Names, not codes, for the printed dossier (issue 12): the center's and the matter's names as
 * configured (the center's configuration event; the matter as the application recorded it, else
 * the catalog), the first responder's name as the events record it. Departments and windows have
 * no configured names in this system yet: they show their code, and `configured: false` says so.
 */
import type { CaseView } from '../../cases/queries/case-view.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

export interface DossierName {
  readonly code: string | null;
  readonly name: string | null;
  /** Whether `name` comes from configuration (or the record); false: only the code is known. */
  readonly configured: boolean;
}

export interface DossierNames {
  readonly center: DossierName;
  readonly matter: DossierName;
  readonly department: DossierName;
  readonly window: DossierName;
  readonly firstResponder: DossierName;
}

/** What configuration knows, looked up by the handler (ConfigurationCache). */
export interface ConfiguredNames {
  center(centerId: string): string | undefined;
  matter(code: string): string | undefined;
}

const named = (code: string | null, name: string | undefined): DossierName =>
  name !== undefined && name.trim() !== ''
    ? { code, name, configured: true }
    : { code, name: null, configured: false };

export function dossierNames(
  recorded: readonly RecordedEvent[],
  view: CaseView,
  configured: ConfiguredNames,
): DossierNames {
  let matterName: string | undefined;
  let responderName: string | undefined;
  for (const r of recorded) {
    const data = r.data as {
      matter?: { name?: string };
      firstResponder?: { name?: string };
    } | null;
    if (r.type === 'ApplicationReceived') matterName = data?.matter?.name;
    if (r.type === 'InquiryRegistered') responderName = data?.firstResponder?.name;
  }
  const code = view.matterCode;
  return {
    center: named(view.centerId, view.centerId === null ? undefined : configured.center(view.centerId)),
    matter: named(code, matterName ?? (code === null ? undefined : configured.matter(code))),
    department: named(view.departmentId, undefined),
    window: named(view.windowId, undefined),
    firstResponder: named(view.firstResponderId, responderName),
  };
}

/** `食品经营许可（M-001）`, or `dept-market（未配置名称）` when only the code is known. */
export function nameText(n: DossierName): string {
  if (n.code === null) return '—';
  return n.configured ? `${n.name}（${n.code}）` : `${n.code}（未配置名称）`;
}
