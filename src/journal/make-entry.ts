import type { Entry, RejectionEntry, WinEntry } from "./entry.js";

/** What a person says about a rejection: everything but the bookkeeping. */
export type RejectionFields = Pick<
  RejectionEntry,
  "company" | "role" | "stage" | "ended" | "date" | "reasonGiven" | "reasons" | "mood" | "emotions" | "tags" | "note"
>;

/** A new rejection: what the person says, and their email when they chose to keep it. */
export type NewRejection = RejectionFields & { email?: string };

/** What a person says about a win. */
export type WinFields = Pick<WinEntry, "winKind" | "title" | "company" | "date" | "tags" | "note">;

export function makeRejection(fields: NewRejection, id: string, now: Date): RejectionEntry {
  const at = now.toISOString();
  return withoutEmpty({
    id,
    kind: "rejection",
    createdAt: at,
    updatedAt: at,
    ...fields,
    checkins: [],
    actions: [],
    feedback: [],
  });
}

export function makeWin(fields: WinFields, id: string, now: Date): WinEntry {
  const at = now.toISOString();
  return withoutEmpty({ id, kind: "win", createdAt: at, updatedAt: at, ...fields, actions: [] });
}

/**
 * The entry with `changes` applied and `updatedAt` moved on. An optional text
 * field changed to "" or undefined is removed; everything else is kept.
 */
export function applyChanges<T extends Entry>(entry: T, changes: Partial<T>, now: Date): T {
  return withoutEmpty({ ...entry, ...changes, updatedAt: now.toISOString() });
}

/**
 * The fields whose values differ between two versions of an entry's fields.
 * Empty text is saved as no text, so clearing a note that was never there is no change.
 */
export function changedFields<T extends object>(before: T, after: T): (keyof T)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof T)[]);
  const absent = (value: unknown) => value === undefined || (typeof value === "string" && value.trim() === "");
  return [...keys].filter(
    (key) => !(absent(before[key]) && absent(after[key])) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** Comma-separated or repeated values ("remote, design"), trimmed, empty ones dropped, each kept once. */
export function splitList(values: readonly string[]): string[] {
  const items = values.flatMap((value) => value.split(",")).map((item) => item.trim());
  return [...new Set(items.filter(Boolean))];
}

/** Optional text left empty is absent in the journal, not "". */
function withoutEmpty<T extends object>(entry: T): T {
  const copy = { ...entry } as Record<string, unknown>;
  for (const key of ["reasonGiven", "note", "company", "email"]) {
    if (copy[key] === undefined || (typeof copy[key] === "string" && copy[key].trim() === "")) {
      // A rejection's company is required; the schema check reports it if it is missing.
      if (key === "company" && copy.kind === "rejection") continue;
      delete copy[key];
    }
  }
  return copy as T;
}
