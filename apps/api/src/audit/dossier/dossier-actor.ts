/** Who recorded an event (U1), as every section of the dossier names them: with the role's name. */
import { ROLE_LABELS } from '#domain/labels/labels.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { label } from '../audit-labels.js';

export interface DossierActor {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly roleLabel: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
}

export const dossierActor = (a: RecordedEvent['actor']): DossierActor => ({
  id: a.id,
  name: a.name,
  role: a.role,
  roleLabel: label(ROLE_LABELS, a.role),
  departmentId: a.departmentId,
  windowId: a.windowId,
});
