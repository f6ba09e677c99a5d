import type { Journal, RejectionEntry } from "./entry.js";
import { findRejection } from "./queries.js";
import type { JournalStore } from "./store.js";

/**
 * One write that changes one rejection: found by its id (or the start of it) in
 * the journal as it is under the lock, stamped as updated at `now`, then
 * changed. A change that throws leaves the journal as it was.
 */
export function updateRejection<T>(
  store: Pick<JournalStore, "update">,
  id: string,
  now: Date,
  change: (entry: RejectionEntry, journal: Journal) => T,
): Promise<T> {
  return store.update((journal) => {
    const entry = findRejection(journal, id);
    entry.updatedAt = now.toISOString();
    return change(entry, journal);
  });
}
