import { byText } from "./dates.js";
import { NotFoundError } from "../errors.js";
import { isRejection, type Entry, type Journal, type RejectionEntry } from "./entry.js";

/** Newest first: by the day it happened, then by when it was logged. */
export function newestFirst<T extends Entry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => byText(b.date, a.date) || byText(b.createdAt, a.createdAt));
}

/** The entry whose id is `prefix` or starts with it; unknown or ambiguous is an error. */
export function findEntry(journal: Journal, prefix: string): Entry {
  const wanted = prefix.trim().toLowerCase();
  if (!wanted) throw new NotFoundError("an entry id is needed (see 'rejection-coach list')");
  const exact = journal.entries.find((entry) => entry.id === wanted);
  if (exact) return exact;
  const matches = journal.entries.filter((entry) => entry.id.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new NotFoundError(`no entry with id '${prefix}' (see 'rejection-coach list')`);
  const sample = matches
    .slice(0, 5)
    .map((entry) => entry.id)
    .join(", ");
  throw new NotFoundError(`'${prefix}' matches ${matches.length} entries (${sample}); type more of the id`);
}

export function findRejection(journal: Journal, prefix: string): RejectionEntry {
  const entry = findEntry(journal, prefix);
  if (!isRejection(entry)) throw new NotFoundError(`entry ${entry.id} is a win, not a rejection`);
  return entry;
}

export const rejections = (journal: Journal): RejectionEntry[] => journal.entries.filter(isRejection);

/** Company or role as a person would compare them: case, edges and doubled spaces aside. */
const comparable = (text: string): string => text.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * An earlier rejection from the same company for the same role on the same
 * day: most likely this one, logged twice.
 */
export function sameRejection(
  journal: Journal,
  fields: Pick<RejectionEntry, "company" | "role" | "date">,
): RejectionEntry | undefined {
  return rejections(journal).find(
    (entry) =>
      entry.date === fields.date &&
      comparable(entry.company) === comparable(fields.company) &&
      comparable(entry.role) === comparable(fields.role),
  );
}
