import { UsageError } from "../errors.js";
import { DateInputError, parseDay } from "./day-input.js";
import type { Entry } from "./entry.js";
import { newestFirst } from "./queries.js";
import { stageRank, type EntryKind, type Stage } from "./vocabulary.js";

/** Which entries a command looks at. Every field is optional; an empty filter keeps everything. */
export interface EntryFilter {
  /** First day to keep, YYYY-MM-DD, inclusive. */
  since?: string;
  /** Last day to keep, YYYY-MM-DD, inclusive. */
  until?: string;
  /** Part of the company name, any case. */
  company?: string;
  /** The stage a rejection reached, at least (it may have ended further on). */
  stage?: Stage;
  kind?: EntryKind;
  /** Tags the entry must all carry, any case. */
  tags?: string[];
  /** Text to find anywhere in the entry, any case. */
  search?: string;
  /** Keep only the newest this many. */
  limit?: number;
}

/** The filter as typed on the command line, before dates are read. */
export interface FilterInput extends Omit<EntryFilter, "since" | "until"> {
  since?: string;
  until?: string;
}

const fold = (text: string): string => text.normalize("NFC").toLowerCase();

/** Every string anywhere in a value: fields, list items, nested reflection, check-ins, actions. */
export function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/** Does one entry pass the filter (ignoring `limit`, which is about the whole list)? */
export function matches(entry: Entry, filter: EntryFilter): boolean {
  if (filter.since && entry.date < filter.since) return false;
  if (filter.until && entry.date > filter.until) return false;
  if (filter.kind && entry.kind !== filter.kind) return false;
  // A stage is reached on the way further: an entry that ended at final also reached interview.
  if (filter.stage && (entry.kind !== "rejection" || stageRank(entry.stage) < stageRank(filter.stage))) return false;
  if (filter.company) {
    if (!entry.company || !fold(entry.company).includes(fold(filter.company))) return false;
  }
  if (filter.tags?.length) {
    const has = new Set(entry.tags.map(fold));
    if (!filter.tags.every((tag) => has.has(fold(tag)))) return false;
  }
  if (filter.search) {
    const wanted = fold(filter.search);
    if (!stringsOf(entry).some((text) => fold(text).includes(wanted))) return false;
  }
  return true;
}

/** The entries that pass, newest first, cut to `limit`. */
export function filterEntries<T extends Entry>(entries: readonly T[], filter: EntryFilter): T[] {
  const kept = newestFirst(entries.filter((entry) => matches(entry, filter)));
  return filter.limit === undefined ? kept : kept.slice(0, filter.limit);
}

/** Whether any filter was given, so a command can tell "empty journal" from "nothing matched". */
export const isFiltered = (filter: EntryFilter): boolean =>
  Object.values(filter).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));

/** One end of the period a filter keeps. */
export type PeriodEnd = "since" | "until";

export type PeriodProblem =
  { kind: "unreadable"; end: PeriodEnd; reason: string } | { kind: "reversed"; since: string; until: string };

/**
 * A period that cannot be used: a day that cannot be read, or a start after the
 * end. Bad usage; `problem` says which end, so a command can name its own flag.
 */
export class PeriodError extends UsageError {
  constructor(readonly problem: PeriodProblem) {
    super(
      problem.kind === "unreadable"
        ? `${problem.end}: ${problem.reason}`
        : `${problem.since} is after ${problem.until}; nothing could match`,
    );
  }
}

/**
 * Reads the period the way a person types it ("last monday", "2 weeks ago") as
 * days already past; a day that cannot be read, or an empty period, is a PeriodError.
 */
export async function resolveFilter(input: FilterInput, now: Date = new Date()): Promise<EntryFilter> {
  const readDay = async (end: PeriodEnd, text: string | undefined) => {
    if (text === undefined) return undefined;
    try {
      return await parseDay(text, { now, direction: "past" });
    } catch (error) {
      if (error instanceof DateInputError) throw new PeriodError({ kind: "unreadable", end, reason: error.message });
      throw error;
    }
  };
  const filter: EntryFilter = { ...input, since: await readDay("since", input.since) };
  filter.until = await readDay("until", input.until);
  if (filter.since && filter.until && filter.since > filter.until) {
    throw new PeriodError({ kind: "reversed", since: filter.since, until: filter.until });
  }
  for (const key of Object.keys(filter) as (keyof EntryFilter)[]) {
    if (filter[key] === undefined) delete filter[key];
  }
  return filter;
}
