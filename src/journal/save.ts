import type { z } from "zod";
import { NotFoundError, UsageError } from "../errors.js";
import type { Entry, Journal, RejectionEntry, WinEntry } from "./entry.js";
import { entrySchema, rejectionSchema, winSchema } from "./entry-schema.js";
import { newId } from "./ids.js";
import type { JournalStore } from "./store.js";
import { applyChanges, makeRejection, makeWin, type NewRejection, type WinFields } from "./make-entry.js";

/** Adds a rejection; returns it as stored and the journal as it is after the write. */
export function saveRejection(
  store: Pick<JournalStore, "update">,
  fields: NewRejection,
  now: Date,
  /** Runs on the journal as it is under the lock, before the entry is added; throwing saves nothing. */
  check: (journal: Journal) => void = () => undefined,
): Promise<{ entry: RejectionEntry; journal: Journal }> {
  return saveNew(store, (id) => checked(rejectionSchema, makeRejection(fields, id, now)), check);
}

export function saveWin(
  store: Pick<JournalStore, "update">,
  fields: WinFields,
  now: Date,
): Promise<{ entry: WinEntry; journal: Journal }> {
  return saveNew(store, (id) => checked(winSchema, makeWin(fields, id, now)));
}

/** Adds the entry `make` builds around an id no other entry has. */
function saveNew<E extends Entry>(
  store: Pick<JournalStore, "update">,
  make: (id: string) => E,
  check: (journal: Journal) => void = () => undefined,
): Promise<{ entry: E; journal: Journal }> {
  return store.update((journal) => {
    check(journal);
    const entry = make(newId(idsOf(journal)));
    journal.entries.push(entry);
    return { entry, journal };
  });
}

/**
 * Applies `changes` to the entry with this exact id, as it is on disk now
 * (another process may have changed other fields since it was read).
 */
export async function saveChanges(
  store: Pick<JournalStore, "update">,
  id: string,
  changes: Partial<Entry>,
  now: Date,
): Promise<Entry> {
  return store.update((journal) => {
    const index = journal.entries.findIndex((entry) => entry.id === id);
    if (index < 0) throw new NotFoundError(`entry ${id} is no longer in the journal`);
    const entry = checked(entrySchema, applyChanges(journal.entries[index]!, changes, now));
    journal.entries[index] = entry;
    return entry;
  });
}

const idsOf = (journal: Journal): Set<string> => new Set(journal.entries.map((entry) => entry.id));

/** The entry in the schema's own shape and key order, or a UsageError naming the field. */
function checked<S extends z.ZodType>(schema: S, entry: unknown): z.infer<S> {
  const result = schema.safeParse(entry);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(`${issue.path.join(".") || "entry"}: ${issue.message}`);
}
