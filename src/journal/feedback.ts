import type { Feedback } from "./entry.js";
import { findRejection } from "./queries.js";
import type { JournalStore } from "./store.js";

type Store = Pick<JournalStore, "update">;

/** Keeps the feedback an employer sent with the rejection it is about. */
export function addFeedback(store: Store, entryId: string, text: string, now: Date): Promise<Feedback> {
  const at = now.toISOString();
  const feedback = { receivedAt: at, text };
  return store.update((journal) => {
    const entry = findRejection(journal, entryId);
    entry.feedback.push(feedback);
    entry.updatedAt = at;
    return feedback;
  });
}

/** Records who to write to about a rejection; a contact already there is kept. */
export function setContact(store: Store, entryId: string, contact: string, now: Date): Promise<void> {
  return store.update((journal) => {
    const entry = findRejection(journal, entryId);
    entry.contact ??= contact;
    entry.updatedAt = now.toISOString();
  });
}
