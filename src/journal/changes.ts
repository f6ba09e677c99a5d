import { openActions, resolveActionRef, type OpenAction } from "../coach/actions.js";
import type { NewAction } from "../coach/reflection.js";
import { NotFoundError, UsageError } from "../errors.js";
import { addActions, markDone } from "./actions.js";
import { toDay } from "./dates.js";
import type { Action, Checkin, Entry, Journal, RejectionEntry } from "./entry.js";
import { findEntry } from "./queries.js";
import { updateRejection } from "./update-rejection.js";
import type { JournalStore } from "./store.js";

/*
 * Changes to one part of a saved entry: a next step, a check-in, a reflection
 * answer. Each is found again inside its own update, in the journal as it is on
 * disk then, so a change made meanwhile by another process is kept.
 */

type Store = Pick<JournalStore, "update">;

/** A next step and the entry it belongs to. */
export interface FoundStep {
  action: Action;
  entry: Entry;
}

/**
 * The step a person means by "2" (its number in the `next` list, open steps
 * only) or "a1b2" (its id or the start of it, done steps included).
 */
export function findStep(journal: Journal, ref: string, now: Date): FoundStep {
  const result = resolveActionRef(journal, toDay(now), ref);
  if (result.found === "none") throw new NotFoundError(result.problem);
  return result.found === "open" ? { action: result.item.action, entry: result.item.entry } : result;
}

/** Adds a step to the entry `entryRef` names: a rejection, or a win such as an interview to prepare for. */
export function addStep(store: Store, entryRef: string, step: NewAction, now: Date): Promise<FoundStep> {
  const text = step.text.trim();
  if (!text) throw new UsageError("a next step needs some text");
  return store.update((journal) => {
    const entry = findEntry(journal, entryRef);
    const [action] = addActions(journal, entry, [{ text, due: step.due }], now.toISOString());
    return structuredClone({ action: action!, entry });
  });
}

/** A step `next done` was given, and whether it had been done before. */
export interface DoneStep extends FoundStep {
  already: boolean;
}

/**
 * Marks steps done by number or id. Every number is read against the same list,
 * before anything changes; a step named twice (`next done 1 1`, or its number and
 * its id) is marked and reported once. `remaining` is the open list afterwards.
 */
export function markStepsDone(
  store: Store,
  refs: readonly string[],
  now: Date,
): Promise<{ steps: DoneStep[]; remaining: OpenAction[] }> {
  const today = toDay(now);
  return store.update((journal) => {
    const found = refs.map((ref) => findStep(journal, ref, now));
    const steps: DoneStep[] = [];
    for (const { action, entry } of found) {
      if (!steps.some((step) => step.action === action)) steps.push({ action, entry, already: Boolean(action.doneAt) });
    }
    for (const { action, entry, already } of steps) if (!already) markDone(entry, action, now.toISOString());
    return { steps, remaining: openActions(journal, today) };
  });
}

/** What `next edit` changes: the text, the due day, or (null) no due day any more. */
export interface StepChange {
  text?: string;
  due?: string | null;
}

export function changeStep(store: Store, ref: string, change: StepChange, now: Date): Promise<FoundStep> {
  const text = change.text?.trim();
  if (change.text !== undefined && !text) throw new UsageError("a next step needs some text");
  return store.update((journal) => {
    const found = findStep(journal, ref, now);
    if (text !== undefined) found.action.text = text;
    if (change.due === null) delete found.action.due;
    else if (change.due !== undefined) found.action.due = change.due;
    found.entry.updatedAt = now.toISOString();
    return structuredClone(found);
  });
}

/** Removes a step for good; `id` is the step's exact id, found before the person confirmed. */
export function removeStep(store: Store, id: string, now: Date): Promise<FoundStep> {
  return store.update((journal) => {
    for (const entry of journal.entries) {
      const index = entry.actions.findIndex((action) => action.id === id);
      if (index < 0) continue;
      const [action] = entry.actions.splice(index, 1);
      entry.updatedAt = now.toISOString();
      return { action: action!, entry: structuredClone(entry) };
    }
    throw new NotFoundError(`next step ${id} is no longer in the journal`);
  });
}

/** A check-in by its number in `show` (1 is the first one recorded). */
function checkinAt(entry: RejectionEntry, n: number): Checkin {
  const checkin = Number.isInteger(n) && n >= 1 ? entry.checkins[n - 1] : undefined;
  if (checkin) return checkin;
  const count = entry.checkins.length;
  throw new NotFoundError(
    count === 0
      ? `${entry.id} has no check-ins`
      : `${entry.id} has no check-in number ${n} (it has ${count === 1 ? "1 check-in" : `1 to ${count}`}; see 'rejection-coach show ${entry.id}')`,
  );
}

/** What changes in a check-in: its mood, its note, or (null) no note any more. */
export interface CheckinChange {
  mood?: number;
  note?: string | null;
}

export function changeCheckin(
  store: Store,
  entryId: string,
  n: number,
  change: CheckinChange,
  now: Date,
): Promise<{ checkin: Checkin; entry: RejectionEntry }> {
  return updateRejection(store, entryId, now, (entry) => {
    const checkin = checkinAt(entry, n);
    if (change.mood !== undefined) checkin.mood = change.mood;
    const note = change.note?.trim();
    // An empty note removes it, as `edit --note ""` does for the entry's own note.
    if (change.note === null || (change.note !== undefined && !note)) delete checkin.note;
    else if (note !== undefined) checkin.note = note;
    return structuredClone({ checkin, entry });
  });
}

export function removeCheckin(
  store: Store,
  entryId: string,
  n: number,
  now: Date,
): Promise<{ checkin: Checkin; entry: RejectionEntry }> {
  return updateRejection(store, entryId, now, (entry) => {
    const checkin = checkinAt(entry, n);
    entry.checkins.splice(n - 1, 1);
    return structuredClone({ checkin, entry });
  });
}

/**
 * One reflection answer to set or clear. `answer` empty or undefined clears it;
 * `question` is the question's wording, kept with a new answer as reflect keeps it.
 */
export interface AnswerChange {
  questionId: string;
  question: string;
  answer: string | undefined;
}

/**
 * Sets and clears reflection answers in one write. A new answer goes where the
 * question comes in `order` (the stage's questions), so `show` keeps reflect's order.
 */
export function changeAnswers(
  store: Store,
  entryId: string,
  changes: readonly AnswerChange[],
  order: readonly string[],
  now: Date,
): Promise<RejectionEntry> {
  return updateRejection(store, entryId, now, (entry) => {
    const reflection = entry.reflection;
    if (!reflection) {
      throw new UsageError(`${entry.id} has no reflection yet; add one with 'rejection-coach reflect ${entry.id}'`);
    }
    for (const change of changes) {
      const text = change.answer?.trim();
      const index = reflection.answers.findIndex((answer) => answer.questionId === change.questionId);
      if (!text) {
        if (index < 0) throw new NotFoundError(`${entry.id} has no answer to '${change.questionId}' to remove`);
        reflection.answers.splice(index, 1);
      } else if (index >= 0) {
        reflection.answers[index]!.answer = text;
      } else {
        reflection.answers.push({ questionId: change.questionId, question: change.question, answer: text });
      }
    }
    const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
    reflection.answers.sort((a, b) => rank(a.questionId) - rank(b.questionId));
    return structuredClone(entry);
  });
}
