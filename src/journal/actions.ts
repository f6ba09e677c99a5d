import type { NewAction } from "../coach/reflection.js";
import type { Action, Entry, Journal } from "./entry.js";
import { newId } from "./ids.js";

/*
 * The two rules every way of changing next steps shares: a new step gets an id
 * no other step in the journal has, and a step is done once, on the first day
 * it was marked. They work on a journal inside a store update; the functions
 * that write call them there.
 */

/** Every action id in the journal, so new ones are unique across entries. */
export const actionIds = (journal: Journal): Set<string> =>
  new Set(journal.entries.flatMap((entry) => entry.actions.map((action) => action.id)));

/** Puts new next steps on `entry`, each with a fresh id; returns them as saved. */
export function addActions(journal: Journal, entry: Entry, steps: readonly NewAction[], at: string): Action[] {
  const taken = actionIds(journal);
  const actions = steps.map((step): Action => {
    const id = newId(taken);
    taken.add(id);
    return { id, text: step.text, createdAt: at, ...(step.due ? { due: step.due } : {}) };
  });
  entry.actions.push(...actions);
  if (actions.length > 0) entry.updatedAt = at;
  return actions;
}

/** Marks a step done; one already done keeps the day it was first marked. */
export function markDone(entry: Entry, action: Action, at: string): void {
  if (action.doneAt) return;
  action.doneAt = at;
  entry.updatedAt = at;
}
