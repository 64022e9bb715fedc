/**
 * The supervision loop as the API sees it: when a manual clock moves, POST /admin/clock runs one
 * tick before it answers (issue 7), so tests and demonstrations see the cards that fell due.
 * Present when the process runs supervision (`npm start`, tests); absent in a bare API process.
 */
export const SUPERVISION_TRIGGER = Symbol('SUPERVISION_TRIGGER');

export interface SupervisionTickSummary {
  readonly due: number;
  readonly appended: number;
  readonly conflicts: number;
}

export interface SupervisionTrigger {
  /** One tick after any under way; `awaitViews`: first let the read model reflect every event. */
  tick(options: { readonly awaitViews: boolean }): Promise<SupervisionTickSummary>;
}
