import { readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from `/proc/<pid>/stat`
 * (all its threads), or of one of its threads with `thread` (`/proc/<pid>/task/<thread>/stat`;
 * the main thread's id is the pid); undefined where there is no `/proc` (macOS). Unlike wall time
 * it does not grow when other work takes the CPUs, so "stack CPU per checkout" stays comparable on
 * a loaded machine.
 */
export function processCpuMs(pid: number, thread?: number): number | undefined {
  try {
    const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
    const stat = readFileSync(path, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime)
      ? ((utime + stime) * 1000) / USER_HZ
      : undefined;
  } catch {
    return undefined;
  }
}
