import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/**
 * Who a process is, precisely enough to tell later whether it is still
 * running: its pid alone is not enough, since pids are reused (after a reboot,
 * or once the counter wraps). On Linux the kernel's start time of the process
 * tells a reused pid apart.
 */
export interface ProcessIdentity {
  pid: number;
  host: string;
  /** Clock ticks after boot at which the process started (Linux), when known. */
  startTicks?: number;
}

export function currentProcess(): ProcessIdentity {
  const startTicks = startTicksOf(process.pid);
  return { pid: process.pid, host: hostname(), ...(startTicks === undefined ? {} : { startTicks }) };
}

/**
 * alive: the process runs (perhaps stopped, perhaps another user's);
 * dead: it has ended, or its pid now belongs to another process;
 * unknown: it ran on another machine, which cannot be asked.
 */
export type Liveness = "alive" | "dead" | "unknown";

export function livenessOf(holder: ProcessIdentity): Liveness {
  if (holder.host !== hostname()) return "unknown";
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return "dead";
  if (!pidExists(holder.pid)) return "dead";
  if (holder.startTicks !== undefined) {
    const now = startTicksOf(holder.pid);
    if (now !== undefined && now !== holder.startTicks) return "dead";
  }
  return "alive";
}

/** Whether any process has this pid. Signal 0 only checks; EPERM means it exists but is another user's. */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of /proc/PID/stat; undefined where there is no /proc. */
function startTicksOf(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}
