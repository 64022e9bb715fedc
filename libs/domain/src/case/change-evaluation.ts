/**
 * A case's ratings are numbered (P5) and each later step (rectification P4, callback and appeal P6)
 * changes the one it names: the case's state and the evaluations read model alike.
 */
export function changeEvaluation<T extends { readonly evaluationNo: number }>(
  evaluations: readonly T[],
  evaluationNo: number,
  change: (evaluation: T) => T,
): T[] {
  return evaluations.map((e) => (e.evaluationNo === evaluationNo ? change(e) : e));
}
