import { InvalidArgumentError, Option, type Command } from "commander";
import type { Entry } from "../journal/entry.js";
import type { FilterInput } from "../journal/filters.js";
import { ENTRY_KINDS, STAGES, type EntryKind, type Stage } from "../journal/vocabulary.js";
import { openJournal } from "./context.js";
import { readDayFlag } from "./date-flag.js";
import { listFlag } from "./list-flag.js";

/** The filter flags as commander hands them over. */
export interface FilterOptions {
  since?: string;
  until?: string;
  company?: string;
  stage?: Stage;
  kind?: EntryKind;
  tag?: string[];
  search?: string;
  limit?: number;
}

function positiveWhole(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError("It must be a whole number of 1 or more.");
  }
  return number;
}

/** Adds --since and --until, which every command that reads a stretch of the journal takes. */
export function addPeriodOptions(command: Command): Command {
  return command
    .option("--since <when>", "from this day on (2026-11-01, '1 nov 2026', 'last monday', '2 weeks ago')")
    .option("--until <when>", "up to and including this day");
}

/** Adds the entry filters shared by list and export: the period, and what the entries hold. */
export function addFilterOptions(command: Command): Command {
  return addPeriodOptions(command)
    .option("--company <text>", "company name contains this text (any case)")
    .addOption(
      new Option(
        "--stage <stage>",
        "only rejections that reached this stage, ended there or later (interview includes final)",
      ).choices(STAGES),
    )
    .addOption(new Option("--kind <kind>", "only rejections or only wins").choices(ENTRY_KINDS))
    .addOption(
      new Option("--tag <tag>", "carries this tag (repeat it, or separate with commas: all must match)").argParser(
        listFlag(),
      ),
    )
    .option("--search <text>", "this text anywhere in the entry, notes and reflection included (any case)")
    .option("-n, --limit <n>", "only the newest N", positiveWhole);
}

/** The filter flags as the journal's filter takes them (dates still as typed). */
export function filterInput(options: FilterOptions): FilterInput {
  const input: FilterInput = {
    since: options.since,
    until: options.until,
    company: options.company,
    stage: options.stage,
    kind: options.kind,
    tags: options.tag,
    search: options.search,
    limit: options.limit,
  };
  for (const key of Object.keys(input) as (keyof FilterInput)[]) {
    if (input[key] === undefined || input[key] === "") delete input[key];
  }
  return input;
}

/**
 * --since and --until as days, read before the journal's filter sees them so a
 * numeric date that could be two days is confirmed in words.
 */
export async function readPeriod(
  options: Pick<FilterOptions, "since" | "until">,
  now: Date,
): Promise<Pick<FilterOptions, "since" | "until">> {
  const read = (flag: string, value: string | undefined) =>
    value === undefined || value === "" ? value : readDayFlag(flag, value, { now, direction: "past" });
  return { since: await read("--since", options.since), until: await read("--until", options.until) };
}

/** The journal's entries that pass the filter flags, newest first, with how many there are in all. */
export async function readFiltered(
  command: Command,
  options: FilterOptions,
): Promise<{ entries: Entry[]; total: number; filtered: boolean }> {
  const { filterEntries, isFiltered, resolveFilter } = await import("../journal/filters.js");
  const now = new Date();
  const filter = await resolveFilter(filterInput({ ...options, ...(await readPeriod(options, now)) }), now);
  const journal = (await openJournal(command)).read();
  return {
    entries: filterEntries(journal.entries, filter),
    total: journal.entries.length,
    filtered: isFiltered(filter),
  };
}
