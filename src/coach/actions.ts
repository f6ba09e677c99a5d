import { byText, daysBetween } from "../journal/dates.js";
import type { Action, Entry, Journal } from "../journal/entry.js";

/** An open next step with its place in the list and the entry (a rejection or a win) it belongs to. */
export interface OpenAction {
  /** 1-based position in the `next` list, the short number people type. */
  n: number;
  action: Action;
  entry: Entry;
  /** Days until due (negative when overdue); undefined without a due date. */
  daysLeft?: number;
  overdue: boolean;
}

/**
 * Every open action across the journal: soonest due first, overdue ones at the
 * top, undated ones last; ties by when they were added, so the numbers stay put.
 */
export function openActions(journal: Journal, today: string): OpenAction[] {
  const open = journal.entries.flatMap((entry) =>
    entry.actions.filter((action) => !action.doneAt).map((action) => ({ action, entry })),
  );
  open.sort(
    (a, b) =>
      compareDue(a.action.due, b.action.due) ||
      byText(a.action.createdAt, b.action.createdAt) ||
      byText(a.action.id, b.action.id),
  );
  return open.map(({ action, entry }, index) => {
    const daysLeft = action.due === undefined ? undefined : daysBetween(today, action.due);
    return { n: index + 1, action, entry, daysLeft, overdue: daysLeft !== undefined && daysLeft < 0 };
  });
}

function compareDue(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return byText(a, b);
}

/** Short list numbers are positions; anything of four or more characters is an action id or its start. */
const POSITION = /^\d{1,3}$/;

export type ActionRef =
  | { found: "open"; item: OpenAction }
  | { found: "done"; action: Action; entry: Entry }
  | { found: "none"; problem: string };

/** Finds the action a person means by "2" (its number in the list) or "a1b2" (its id or a prefix). */
export function resolveActionRef(journal: Journal, today: string, ref: string): ActionRef {
  const wanted = ref.trim().toLowerCase();
  const open = openActions(journal, today);
  if (POSITION.test(wanted)) {
    const item = open[Number(wanted) - 1];
    if (item) return { found: "open", item };
    const count = open.length;
    return {
      found: "none",
      problem:
        count === 0
          ? `there are no open next steps, so there is no number ${ref}`
          : `there is no next step number ${ref} (the list has ${count === 1 ? "1 step" : `1 to ${count}`})`,
    };
  }
  const all = journal.entries.flatMap((entry) => entry.actions.map((action) => ({ action, entry })));
  const matches = all.filter(({ action }) => action.id === wanted || action.id.startsWith(wanted));
  const exact = matches.find(({ action }) => action.id === wanted);
  const match = exact ?? (matches.length === 1 ? matches[0] : undefined);
  if (!match) {
    return {
      found: "none",
      problem:
        matches.length > 1
          ? `'${ref}' matches ${matches.length} next steps; type more of the id`
          : `no next step with number or id '${ref}' (see 'rejection-coach next')`,
    };
  }
  if (match.action.doneAt) return { found: "done", action: match.action, entry: match.entry };
  return { found: "open", item: open.find((item) => item.action.id === match.action.id)! };
}
