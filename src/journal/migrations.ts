import type { Entry, Journal } from "./entry.js";
import { entrySchema } from "./entry-schema.js";
import { CURRENT_VERSION } from "./journal-text.js";
import { plainIssue, valueAt } from "./plain-issue.js";

export { CURRENT_VERSION };

type Raw = Record<string, unknown>;

/**
 * Migrations from each earlier version to the next, keyed by the version they
 * produce. Each takes the raw object of the previous version and returns the
 * raw object of its own. They run in memory; the result is written back only by
 * a command that writes anyway, under the lock.
 */
const MIGRATIONS: Record<number, (previous: Raw) => Raw> = {
  // Version 0 is a file with no version field: an empty `{}` as conf creates
  // it, or an early journal holding only `entries`.
  1: (previous) => ({ version: 1, entries: Array.isArray(previous.entries) ? previous.entries : [] }),
  // Version 2 adds a rejection's optional `email`. Nothing changes in the entries; the number
  // makes an older build refuse to rewrite a journal whose kept emails it would drop.
  2: (previous) => ({ ...previous, version: 2 }),
};

/** Why a raw journal cannot be used; the store turns it into a StoreError. */
export class InvalidJournalError extends Error {}

/** The journal comes from a newer build: it must not be changed, only read by that build. */
export class NewerJournalError extends InvalidJournalError {}

export function migrate(raw: unknown): { journal: Raw; migrated: boolean } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InvalidJournalError("is not a journal: expected a JSON object with `version` and `entries`");
  }
  let journal = raw as Raw;
  const start = journal.version ?? 0;
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0) {
    throw new InvalidJournalError("has an unreadable `version` field (expected a whole number)");
  }
  if (start > CURRENT_VERSION) {
    throw new NewerJournalError(
      `was written by a newer rejection-coach (journal version ${start}; this one reads up to ${CURRENT_VERSION}); upgrade rejection-coach`,
    );
  }
  for (let version = start + 1; version <= CURRENT_VERSION; version++) {
    journal = MIGRATIONS[version]!(journal);
  }
  return { journal, migrated: start !== CURRENT_VERSION };
}

/** Checks every entry and fills defaults; the first problem names the entry and field. */
export function validateJournal(raw: Raw): Journal {
  if (!Array.isArray(raw.entries)) {
    throw new InvalidJournalError("has no `entries` list");
  }
  return { version: CURRENT_VERSION, entries: checkEntries(raw.entries, () => true) };
}

/**
 * Checks the entries for which `needsCheck(index)` holds against the schema,
 * and that no id is used twice among all of them. Returns the entries, each
 * checked one as the schema returns it (defaults filled, keys in order). The
 * first problem names the entry and field.
 */
export function checkEntries(entries: readonly unknown[], needsCheck: (index: number) => boolean): Entry[] {
  const seen = new Set<string>();
  // Array.from visits a hole (`delete entries[i]`) as undefined, which the schema refuses; map would skip it.
  return Array.from(entries, (candidate: unknown, index) => {
    const id = (candidate as { id?: unknown } | null)?.id;
    const where = typeof id === "string" ? `entry ${id}` : `entry #${index + 1}`;
    let entry = candidate as Entry;
    if (needsCheck(index)) {
      const result = entrySchema.safeParse(candidate);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const field = issue.path.join(".") || "(the entry itself)";
        throw new InvalidJournalError(
          `${where}: field \`${field}\` ${plainIssue(issue, valueAt(candidate, issue.path))}`,
        );
      }
      entry = result.data;
    }
    if (seen.has(entry.id)) throw new InvalidJournalError(`${where}: the id is used twice`);
    seen.add(entry.id);
    return entry;
  });
}
