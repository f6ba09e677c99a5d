import type { Feedback } from "./entry.js";
import { updateRejection } from "./update-rejection.js";
import type { JournalStore } from "./store.js";

type Store = Pick<JournalStore, "update">;

/** Keeps the feedback an employer sent with the rejection it is about. */
export function addFeedback(store: Store, entryId: string, text: string, now: Date): Promise<Feedback> {
  const feedback = { receivedAt: now.toISOString(), text };
  return updateRejection(store, entryId, now, (entry) => {
    entry.feedback.push(feedback);
    return feedback;
  });
}

/** Records who to write to about a rejection; a contact already there is kept. */
export function setContact(store: Store, entryId: string, contact: string, now: Date): Promise<void> {
  return updateRejection(store, entryId, now, (entry) => {
    entry.contact ??= contact;
  });
}
