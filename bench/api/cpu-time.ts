/**
 * CPU time of processes from /proc (Linux), so the bench can say what a command costs in CPU,
 * which the machine's other load changes far less than throughput. Elsewhere nothing is printed.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

/** User plus system CPU milliseconds of a process; undefined when it cannot be read. */
export async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ", state is field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds of each PostgreSQL backend connected to `database` (a server on this machine). */
export async function backendsCpuMs(adminUrl: string, database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    const times = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = await processCpuMs(pid);
      if (ms !== undefined) times.set(pid, ms);
    }
    return times;
  } finally {
    await client.end();
  }
}

/** CPU the backends spent between two readings (a backend that connected between them from 0). */
export function backendsSpentMs(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
