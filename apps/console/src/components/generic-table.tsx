/**
 * A table of whatever objects a not-yet-contracted answer holds (rankings, seal problems): the
 * API documents their fields in OpenAPI, the console shows them as they come.
 */
const cell = (value: unknown): string =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

export function GenericTable({ items, caption }: { items: readonly unknown[]; caption: string }) {
  const rows = items.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null);
  const columns = [...new Set(rows.slice(0, 20).flatMap((r) => Object.keys(r)))];
  if (rows.length === 0) return <p class="empty">{caption}：暂无数据。</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c}>{cell(r[c])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The first array among an answer's fields (`items`, `rankings`, `problems` …). */
export function firstList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const list = Object.values(record).find(Array.isArray);
  return list ?? [];
}
