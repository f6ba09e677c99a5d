import { Option, type Command } from "commander";
import type { Entry } from "../journal/entry.js";
import { UsageError } from "../errors.js";
import type { EntryFilter, FilterInput, PeriodEnd } from "../journal/filters.js";
import { ENTRY_KINDS, STAGES, type EntryKind, type Stage } from "../journal/vocabulary.js";
import { openJournal } from "./context.js";
import { readDayFlag } from "./date-flag.js";
import { listParser, wholeNumberParser } from "./option-parsers.js";

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
        listParser(),
      ),
    )
    .option("--search <text>", "this text anywhere in the entry, notes and reflection included (any case)")
    .option(
      "-n, --limit <n>",
      "only the newest N",
      wholeNumberParser(1, undefined, "It must be a whole number of 1 or more."),
    );
}

/** The filter flags as the journal's filter takes them (dates still as typed). */
function filterInput(options: FilterOptions): FilterInput {
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

const PERIOD_FLAGS: Record<PeriodEnd, string> = { since: "--since", until: "--until" };

/** The journal's filter for the flags, with a problem in the period worded in the flags' names. */
export async function resolveFilterFlags(input: FilterInput, now: Date): Promise<EntryFilter> {
  const { PeriodError, resolveFilter } = await import("../journal/filters.js");
  try {
    return await resolveFilter(input, now);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    const { problem } = error;
    throw new UsageError(
      problem.kind === "unreadable"
        ? `${PERIOD_FLAGS[problem.end]}: ${problem.reason}`
        : `--since ${problem.since} is after --until ${problem.until}; nothing could match`,
    );
  }
}

/** The journal's entries that pass the filter flags, newest first, with how many there are in all. */
export async function readFiltered(
  command: Command,
  options: FilterOptions,
): Promise<{ entries: Entry[]; total: number; filtered: boolean; encrypted: boolean }> {
  const { filterEntries, isFiltered } = await import("../journal/filters.js");
  const now = new Date();
  const filter = await resolveFilterFlags(filterInput({ ...options, ...(await readPeriod(options, now)) }), now);
  const [journal, { journalWasEncrypted }] = await Promise.all([
    (await openJournal(command)).read(),
    import("../journal/save-state.js"),
  ]);
  return {
    entries: filterEntries(journal.entries, filter),
    total: journal.entries.length,
    filtered: isFiltered(filter),
    encrypted: journalWasEncrypted(),
  };
}
