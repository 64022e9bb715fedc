/** Pure: the overdue board's rows — open cases past their deadline, by department and window. */
export interface BoardCase {
  readonly caseId: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly level: 'yellow' | 'red';
}

export interface WindowRow<C extends BoardCase> {
  readonly windowId: string;
  readonly yellow: number;
  readonly red: number;
  readonly cases: readonly C[];
}

export interface DepartmentRow<C extends BoardCase> {
  readonly departmentId: string;
  readonly yellow: number;
  readonly red: number;
  readonly windows: readonly WindowRow<C>[];
}

export const NO_DEPARTMENT = '（未指定部门）';
export const NO_WINDOW = '（未指定窗口）';

const count = (cases: readonly BoardCase[], level: 'yellow' | 'red'): number =>
  cases.filter((c) => c.level === level).length;

/** Departments with the most red, then yellow, cases first; windows likewise within each. */
export function overdueBoard<C extends BoardCase>(cases: readonly C[]): DepartmentRow<C>[] {
  const byDepartment = new Map<string, Map<string, C[]>>();
  for (const c of cases) {
    const department = c.departmentId ?? NO_DEPARTMENT;
    const windows = byDepartment.get(department) ?? new Map<string, C[]>();
    const window = c.windowId ?? NO_WINDOW;
    windows.set(window, [...(windows.get(window) ?? []), c]);
    byDepartment.set(department, windows);
  }
  const worse = (a: { red: number; yellow: number }, b: { red: number; yellow: number }): number =>
    b.red - a.red || b.yellow - a.yellow;
  return [...byDepartment.entries()]
    .map(([departmentId, windows]) => {
      const rows = [...windows.entries()]
        .map(([windowId, list]) => ({
          windowId,
          yellow: count(list, 'yellow'),
          red: count(list, 'red'),
          cases: list,
        }))
        .sort((a, b) => worse(a, b) || a.windowId.localeCompare(b.windowId));
      const all = rows.flatMap((r) => r.cases);
      return { departmentId, yellow: count(all, 'yellow'), red: count(all, 'red'), windows: rows };
    })
    .sort((a, b) => worse(a, b) || a.departmentId.localeCompare(b.departmentId));
}
