/**
 * How the dossier writes a code in Chinese: its name from the domain's tables
 * (libs/domain/src/labels/labels.ts, shared with the console), the code itself when it has none,
 * nothing when there is no code.
 */
export const label = (labels: Readonly<Record<string, string>>, key: string | null | undefined): string =>
  key === null || key === undefined ? '' : (labels[key] ?? key);
