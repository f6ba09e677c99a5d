import { Option, type Command } from "commander";
import { UsageError } from "../errors.js";
import type { RejectionFields, WinFields } from "../journal/make-entry.js";
import {
  EMOTIONS,
  ENDINGS,
  MOOD_MAX,
  MOOD_MIN,
  REASONS,
  STAGES,
  WIN_KINDS,
  spelledId,
  type Emotion,
  type Ending,
  type Reason,
  type Stage,
  type WinKind,
} from "../journal/vocabulary.js";
import { reasonConflict, type ReasonConflict } from "../journal/reason-rules.js";
import { ENDING_NAMES, REASON_CHOICES } from "../ui/labels.js";
import { canPrompt } from "../ui/output.js";
import { readStdinText } from "./stdin-text.js";
import { readDayFlag } from "./date-flag.js";
import { listParser, wholeNumberParser } from "./option-parsers.js";

/** The flags `log` takes, and `edit` too: one per question of the flow. */
export interface RejectionOptions {
  company?: string;
  role?: string;
  stage?: Stage;
  ended?: Ending;
  date?: string;
  reasonGiven?: string;
  reason?: Reason[];
  mood?: number;
  emotion?: Emotion[];
  tag?: string[];
  note?: string;
  json?: boolean;
}

/** The flags `win` takes, and `edit` too. */
export interface WinOptions {
  kind?: WinKind;
  title?: string;
  company?: string;
  date?: string;
  tag?: string[];
  note?: string;
  json?: boolean;
}

/** Flag names for the fields, for "missing --company, --role" messages. */
export const REJECTION_FLAGS: Record<keyof RejectionFields, string> = {
  company: "--company",
  role: "--role",
  stage: "--stage",
  ended: "--ended",
  date: "--date",
  reasonGiven: "--reason-given",
  reasons: "--reason",
  mood: "--mood",
  emotions: "--emotion",
  tags: "--tag",
  note: "--note",
};
export const WIN_FLAGS: Record<keyof WinFields, string> = {
  winKind: "--kind",
  title: "--title",
  company: "--company",
  date: "--date",
  tags: "--tag",
  note: "--note",
};

const moodParser = wholeNumberParser(
  MOOD_MIN,
  MOOD_MAX,
  `Allowed values are whole numbers from ${MOOD_MIN} (awful) to ${MOOD_MAX} (fine).`,
);

/** The options shared by every entry: when, tags, a note. */
function addCommonOptions(command: Command): Command {
  return command
    .option("--date <when>", "when it happened: 2026-11-20, 20 nov 2026, yesterday, last friday (default: today)")
    .addOption(new Option("--tag <tag>", "a tag (repeat it, or separate with commas)").argParser(listParser(undefined)))
    .option("--note <text>", "a note; '-' reads it from standard input")
    .option("--json", "print the saved entry as JSON, and nothing else on stdout");
}

export function addRejectionOptions(command: Command): Command {
  command
    .option("--company <name>", "the company")
    .option("--role <title>", "the role")
    .addOption(new Option("--stage <stage>", "how far it got").choices(STAGES))
    .addOption(new Option("--ended <how>", "how it ended").choices(ENDINGS))
    .option("--reason-given <text>", "the reason they gave, in their words")
    .addOption(
      new Option("--reason <reason>", "a likely reason (repeatable)")
        .choices(REASONS.map(spelledId))
        .argParser(listParser(REASONS)),
    )
    .addOption(new Option("--mood <1-10>", "how you feel: 1 is awful, 10 is fine").argParser(moodParser))
    .addOption(
      new Option("--emotion <emotion>", "a feeling that fits (repeatable)")
        .choices(EMOTIONS)
        .argParser(listParser(EMOTIONS)),
    );
  return addCommonOptions(command);
}

export function addWinOptions(command: Command, options: { withCommon: boolean } = { withCommon: true }): Command {
  command
    .addOption(new Option("--kind <kind>", "the kind of win").choices(WIN_KINDS))
    .option("--title <text>", "what happened, in a few words");
  if (options.withCommon) command.option("--company <name>", "the company, if any");
  return options.withCommon ? addCommonOptions(command) : command;
}

/** Typed text from a flag: trimmed; empty is refused for a required field. */
function text(value: string | undefined, flag: string, required: boolean): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (required && !trimmed) throw new UsageError(`${flag} cannot be empty`);
  return trimmed;
}

/** `--note -` reads standard input to its end. */
async function noteFrom(value: string | undefined): Promise<string | undefined> {
  if (value !== "-") return value === undefined ? undefined : value.trim();
  return (await readStdinText("Type the note, then press Ctrl+D on an empty line.")).trim();
}

async function dayFrom(value: string | undefined, now: Date, what: string): Promise<string | undefined> {
  if (value === undefined) return undefined;
  return readDayFlag("--date", value, { now, direction: "past", what });
}

const unique = <T>(items: T[] | undefined): T[] | undefined => (items ? [...new Set(items)] : undefined);

/** The fields the flags give; a field with no flag is left out (undefined), so the flow can ask for it. */
/**
 * The fields the flags give. `saved` is the entry being edited: its ending and
 * reasons count when the flags leave them as they are.
 */
export async function rejectionFieldsFrom(
  options: RejectionOptions,
  now: Date,
  saved?: RejectionFields,
): Promise<Partial<RejectionFields>> {
  // Before --note - waits for standard input: a contradiction needs no note.
  checkReasons(options, saved);
  return dropUndefined({
    company: text(options.company, "--company", true),
    role: text(options.role, "--role", true),
    stage: options.stage,
    ended: options.ended,
    date: await dayFrom(options.date, now, "the date you heard"),
    reasonGiven: text(options.reasonGiven, "--reason-given", false),
    reasons: unique(options.reason),
    mood: options.mood,
    emotions: unique(options.emotion),
    tags: unique(options.tag),
    note: await noteFrom(options.note),
  });
}

export async function winFieldsFrom(options: WinOptions, now: Date): Promise<Partial<WinFields>> {
  return dropUndefined({
    winKind: options.kind,
    title: text(options.title, "--title", true),
    company: text(options.company, "--company", false),
    date: await dayFrom(options.date, now, "the date of a win"),
    tags: unique(options.tag),
    note: await noteFrom(options.note),
  });
}

/** Why an ending and reasons cannot stand together, in the words the questions use. */
export function whyConflict(conflict: ReasonConflict): string {
  return conflict.kind === "ending"
    ? `"${ENDING_NAMES[conflict.ended]}" and "${REASON_CHOICES[conflict.reason]}" cannot both be true`
    : `"${REASON_CHOICES[conflict.reason]}" goes with no other reason`;
}

/** Refuses an ending and reasons that contradict each other, naming where each side came from. */
function checkReasons(options: RejectionOptions, saved?: RejectionFields): void {
  // An entry saved before this rule is left to be edited in peace until one side changes.
  if (options.ended === undefined && options.reason === undefined) return;
  const reasons = unique(options.reason);
  const conflict = reasonConflict(options.ended ?? saved?.ended, reasons ?? saved?.reasons ?? []);
  if (!conflict) return;
  const reason = (id: Reason) => (reasons ? `--reason ${spelledId(id)}` : `the saved reason '${spelledId(id)}'`);
  if (conflict.kind === "ending") {
    const ended = options.ended ? `--ended ${conflict.ended}` : `the saved ending '${conflict.ended}'`;
    throw new UsageError(`${ended} and ${reason(conflict.reason)} conflict: ${whyConflict(conflict)}`);
  }
  // Only flags can put "I don't know" next to another reason: the flow and edit replace the whole list.
  if (!reasons) return;
  throw new UsageError(
    `--reason ${spelledId(conflict.reason)} and --reason ${conflict.others.map(spelledId).join(", ")} conflict: ${whyConflict(conflict)}`,
  );
}

function dropUndefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Whether `name` (log, win) should ask for the required fields its flags did
 * not give: only on a terminal and without --json. Elsewhere a missing one is
 * bad usage naming the flags ("missing --company, --mood").
 */
export function asksForMissing<T>(
  given: Partial<T>,
  required: readonly (keyof T)[],
  flags: Record<keyof T, string>,
  json: boolean | undefined,
  /** Where else the fields were looked for: "the email does not say". */
  lookedIn?: string,
): boolean {
  const missing = required.filter((key) => given[key] === undefined).map((key) => flags[key]);
  if (missing.length === 0) return false;
  if (!json && canPrompt()) return true;
  const why = json ? "--json never asks questions" : "there is no terminal to ask in (input or output is piped)";
  throw new UsageError(
    `missing ${missing.join(", ")}: ${lookedIn ? `${lookedIn}, and ` : ""}${why}, so give them as flags`,
  );
}
