/**
 * The Chinese names the console shows: the domain's tables (libs/domain/src/labels/labels.ts), the
 * same the auditor's dossier uses, loaded in the browser through the import map (index.html).
 */
export { EVENT_LABELS, LEVEL_LABELS, ROLE_LABELS, STATUS_LABELS } from 'domain-labels';

/** A code's name, the code itself when it has none, a dash when there is no code. */
export const label = (labels: Readonly<Record<string, string>>, code: string | null | undefined): string =>
  code === null || code === undefined ? '—' : (labels[code] ?? code);
