import { isDeepStrictEqual } from "node:util";
import type { Entry, Journal } from "./entry.js";
import { fitEntry, type RemovedField } from "./fit-entry.js";
import { newId } from "./ids.js";
import { CURRENT_VERSION, migrate, validateJournal } from "./migrations.js";

/** Something in the file that could not be kept, and why. */
export interface Dropped {
  /** "entry 1a2b3c4d (Acme, 2026-11-02)" or "entry #7": raw text from the file, not yet made safe to print. */
  where: string;
  reason: string;
}

/** An entry kept in the journal without the fields that were wrong. */
export interface Mended {
  where: string;
  removed: RemovedField[];
}

/** An entry that cannot be kept as it is without making up an answer: it waits in a file of its own. */
export interface SetAside extends Dropped {
  /** The entry as the file has it (in today's shape), to be fixed by hand and imported. */
  entry: unknown;
}

export interface Salvage {
  /** The valid entries, in file order, with unique ids: a journal ready to write. */
  journal: Journal;
  /** Things that are not entries at all (garbled text, a cut-off end, an exact copy). */
  dropped: Dropped[];
  mended: Mended[];
  setAside: SetAside[];
  /** Entries that shared an id with an earlier, different entry and got a new one. */
  renamed: { from: string; to: string }[];
  /** How many entries the file seemed to hold, readable or not. */
  found: number;
}

/**
 * Every valid entry that can be got out of a damaged journal. A file that is
 * not JSON is read entry by entry, so a file cut off part-way keeps the entries
 * written before the cut. Throws NewerJournalError for a journal from a newer build.
 */
export function salvageJournal(raw: Buffer): Salvage {
  const text = decode(raw);
  const scan = scanJournal(text);
  if (typeof scan.version === "number" && Number.isInteger(scan.version) && scan.version > CURRENT_VERSION) {
    migrate({ version: scan.version }); // throws the NewerJournalError with its message
  }
  const version = typeof scan.version === "number" && Number.isInteger(scan.version) ? scan.version : undefined;

  const dropped: Dropped[] = [];
  const mended: Mended[] = [];
  const setAside: SetAside[] = [];
  const renamed: { from: string; to: string }[] = [];
  const kept: Entry[] = [];
  const byId = new Map<string, Entry>();
  if (scan.note) dropped.push({ where: "the file", reason: scan.note });

  for (const candidate of scan.candidates) {
    const where = describe(candidate);
    if ("error" in candidate) {
      dropped.push({ where, reason: candidate.error });
      continue;
    }
    const current = upgrade(candidate.value, version);
    if (typeof current === "string") {
      dropped.push({ where, reason: current });
      continue;
    }
    const fitted = fitEntry(current.value);
    if ("problem" in fitted) {
      if (isFilledObject(current.value)) setAside.push({ where, reason: fitted.problem, entry: current.value });
      else dropped.push({ where, reason: fitted.problem });
      continue;
    }
    const { entry } = fitted;
    const earlier = byId.get(entry.id);
    if (earlier && isDeepStrictEqual(earlier, entry)) {
      dropped.push({ where, reason: `an exact copy of an earlier entry ${entry.id}` });
      continue;
    }
    if (earlier) {
      const id = newId(byId);
      renamed.push({ from: entry.id, to: id });
      entry.id = id;
    }
    byId.set(entry.id, entry);
    kept.push(entry);
    if (fitted.removed.length > 0) mended.push({ where, removed: fitted.removed });
  }
  if (scan.cutAt !== undefined) {
    dropped.push({
      where: describe({ index: scan.cutAt, value: partialFields(scan.cutText ?? "") }),
      reason: "the file ends in the middle of it (it was cut off)",
    });
  }
  return {
    journal: validateJournal({ version: CURRENT_VERSION, entries: kept }),
    dropped,
    mended,
    setAside,
    renamed,
    found: scan.candidates.length + (scan.cutAt !== undefined ? 1 : 0),
  };
}

/** The value in today's shape (not yet checked), or why it cannot be brought there. */
function upgrade(value: unknown, version: number | undefined): { value: unknown } | string {
  if (version === undefined || version >= CURRENT_VERSION) return { value };
  try {
    return { value: (migrate({ version, entries: [value] }).journal.entries as unknown[])[0] };
  } catch (error) {
    return `cannot be brought up to date (${(error as Error).message})`;
  }
}

/** Something a person could fix by hand; an empty object or a bare number is not worth keeping. */
const isFilledObject = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;

type Candidate = { index: number; value: unknown } | { index: number; error: string };

function describe(candidate: Candidate): string {
  const value = "value" in candidate ? candidate.value : undefined;
  const fields = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === "string" ? fields[key].slice(0, 60) : undefined);
  const label = [text("company") ?? text("title"), text("date")].filter(Boolean).join(", ");
  const id = text("id");
  return `${id ? `entry ${id}` : `entry #${candidate.index + 1}`}${label ? ` (${label})` : ""}`;
}

/** The text fields that made it into an entry cut off part-way, to name it in the report. */
function partialFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of ["id", "company", "title", "date"]) {
    const match = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(text);
    const value = match ? tryParse(match[1]!) : undefined;
    if (typeof value === "string") fields[key] = value;
  }
  return fields;
}

interface Scan {
  version?: unknown;
  candidates: Candidate[];
  /** The index of an entry the file ends inside, and what there is of it. */
  cutAt?: number;
  cutText?: string;
  /** Why no entries list was found, when none was. */
  note?: string;
}

/**
 * Reads as much of a journal as holds together: the top-level object key by key,
 * and its `entries` list value by value. A value that cannot be parsed is
 * reported and skipped; the end of the text inside a value stops the scan.
 */
function scanJournal(text: string): Scan {
  let at = skipSpace(text, 0);
  const scan: Scan = { candidates: [] };
  if (text[at] === "[") {
    readEntries(text, at, scan);
    return scan;
  }
  if (text[at] !== "{") {
    scan.note = "holds no journal (it does not start with `{`)";
    return scan;
  }
  let sawEntries = false;
  at++;
  for (;;) {
    at = skipSpace(text, at);
    if (text[at] === "}" || at >= text.length) break;
    if (text[at] === ",") {
      at++;
      continue;
    }
    const keyEnd = valueEnd(text, at);
    if (text[at] !== '"' || keyEnd < 0) break;
    const key = tryParse(text.slice(at, keyEnd));
    at = skipSpace(text, keyEnd);
    if (text[at] !== ":") break;
    at = skipSpace(text, at + 1);
    if (key === "entries" && text[at] === "[") {
      sawEntries = true;
      at = readEntries(text, at, scan);
      if (at < 0) break;
      continue;
    }
    const end = valueEnd(text, at);
    if (end < 0) break;
    if (key === "version") scan.version = tryParse(text.slice(at, end));
    at = end;
  }
  if (!sawEntries) scan.note = "has no readable `entries` list";
  return scan;
}

/** Reads the list at `at` into scan.candidates; returns where it ends, or -1 when the text ends first. */
function readEntries(text: string, at: number, scan: Scan): number {
  let index = 0;
  at++;
  for (;;) {
    at = skipSpace(text, at);
    if (at >= text.length) return -1;
    if (text[at] === "]") return at + 1;
    if (text[at] === ",") {
      at++;
      continue;
    }
    const end = valueEnd(text, at);
    if (end < 0) {
      scan.cutAt = index;
      scan.cutText = text.slice(at);
      return -1;
    }
    const slice = text.slice(at, end);
    try {
      scan.candidates.push({ index, value: JSON.parse(slice) });
    } catch (error) {
      scan.candidates.push({ index, error: `cannot be read as JSON (${(error as Error).message})` });
    }
    index++;
    at = end;
  }
}

/**
 * Where the JSON value starting at `at` ends (exclusive), matching brackets and
 * skipping strings; -1 when the text ends first. A bare word ends at the next
 * comma, bracket or space, so a damaged value is cut out on its own.
 */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') {
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === '"') return i + 1;
    }
    return -1;
  }
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const char = text[i];
      if (char === '"') {
        const end = valueEnd(text, i);
        if (end < 0) return -1;
        i = end - 1;
      } else if (char === "{" || char === "[") depth++;
      else if (char === "}" || char === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  let i = at;
  while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  // A bare word running into the end of the text may have been cut short.
  return i >= text.length ? -1 : Math.max(i, at + 1);
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** UTF-8 text without a byte-order mark; bytes that are not UTF-8 become U+FFFD. */
function decode(raw: Buffer): string {
  return raw.toString("utf8").replace(/^\uFEFF/, "");
}
