import type { LockState } from "./lock.js";

/** ", since 17:02:11" today, ", since 28/11/2026, 09:14:03" on another day; nothing for a time that cannot be read. */
export function describeSince(iso: string, now = new Date()): string {
  const since = new Date(iso);
  if (Number.isNaN(since.getTime())) return "";
  const sameDay = since.toDateString() === now.toDateString();
  return `, since ${sameDay ? since.toLocaleTimeString() : since.toLocaleString()}`;
}

/** Who holds the lock, in words, for the message of a writer that gave up waiting. */
export function describeLock(state: LockState): string {
  switch (state.state) {
    case "held": {
      const { holder } = state;
      const when = describeSince(holder.since);
      return `is being saved by another rejection-coach (pid ${holder.pid} on ${holder.host}${when}) that has not finished`;
    }
    case "unreadable":
      return "is locked by a lock file that cannot be read";
    case "folder":
      return "is locked by a folder at the lock's place";
    default:
      return "was locked by another process";
  }
}
