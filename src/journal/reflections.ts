import type { NewAction } from "../coach/reflection.js";
import { CoachError } from "../errors.js";
import { addActions, markDone } from "./actions.js";
import type { Action, Checkin, Reflection, RejectionEntry } from "./entry.js";
import { updateRejection } from "./update-rejection.js";
import type { JournalStore } from "./store.js";

type Store = Pick<JournalStore, "update">;

/** The entry as saved, and the next steps added with the reflection or check-in. */
export interface Saved {
  entry: RejectionEntry;
  actions: Action[];
}

/**
 * Saves a first reflection and its next steps in one write. A reflection saved
 * meanwhile by another process is kept: this one is refused rather than put over it.
 */
export function saveReflection(
  store: Store,
  id: string,
  reflection: Reflection,
  steps: readonly NewAction[],
  now: Date,
): Promise<Saved> {
  return updateRejection(store, id, now, (entry, journal) => {
    if (entry.reflection) {
      throw new CoachError(
        `${id} got a reflection from elsewhere meanwhile; nothing was saved. Run reflect again to add a check-in`,
      );
    }
    entry.reflection = reflection;
    return { entry, actions: addActions(journal, entry, steps, entry.updatedAt) };
  });
}

/** Saves a check-in, the steps it marks done (by id) and its new next steps, in one write. */
export function saveCheckin(
  store: Store,
  id: string,
  checkin: Checkin,
  done: readonly string[],
  steps: readonly NewAction[],
  now: Date,
): Promise<Saved> {
  return updateRejection(store, id, now, (entry, journal) => {
    entry.checkins.push(checkin);
    for (const action of entry.actions) if (done.includes(action.id)) markDone(entry, action, entry.updatedAt);
    return { entry, actions: addActions(journal, entry, steps, entry.updatedAt) };
  });
}
