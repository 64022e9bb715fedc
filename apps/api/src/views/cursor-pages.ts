/**
 * The cursor pages of the lists (API.md "Lists"): a list reads one item more than its page, which
 * tells whether another page follows, and answers the cursor after the last item it shows.
 */

/**
 * The page of `limit` of the items read (`limit + 1` asked for) and the cursor after its last item
 * (`cursorAfter`), or null when no item is left after the page.
 */
export function pageWithCursor<T>(
  read: readonly T[],
  limit: number,
  cursorAfter: (last: T) => string,
): { readonly page: T[]; readonly nextCursor: string | null } {
  const page = read.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: read.length > limit && last !== undefined ? cursorAfter(last) : null };
}

/**
 * A list's answer (API.md "Lists"): the page of the items read, each shown as `view` answers it,
 * and the cursor after the page's last item (pageWithCursor).
 */
export function cursorPage<T, V>(
  read: readonly T[],
  limit: number,
  cursorAfter: (last: T) => string,
  view: (item: T) => V,
): { readonly items: V[]; readonly nextCursor: string | null } {
  const { page, nextCursor } = pageWithCursor(read, limit, cursorAfter);
  return { items: page.map(view), nextCursor };
}
