import { InvalidArgumentError, Option, type Command } from "commander";
import { FIT_ANSWERS, MOOD_MAX, MOOD_MIN, REASONS, spelledId, storedId, type Reason } from "../journal/vocabulary.js";

export interface ReflectOptions {
  mood?: number;
  answer?: Record<string, string>;
  rate?: Record<string, number>;
  inControl?: Reason[];
  thought?: string;
  trap?: string;
  balanced?: string;
  fit?: (typeof FIT_ANSWERS)[number];
  fitNote?: string;
  wentWell?: string;
  change?: string;
  action?: { text: string; due?: string }[];
  note?: string;
  done?: string[];
  date?: string;
  json?: boolean;
}

/** Flags that belong to a first reflection; a check-in takes only --mood, --note and --action. */
export const REFLECTION_ONLY: [keyof ReflectOptions, string][] = [
  ["answer", "--answer"],
  ["rate", "--rate"],
  ["inControl", "--in-control"],
  ["thought", "--thought"],
  ["trap", "--trap"],
  ["balanced", "--balanced"],
  ["fit", "--fit"],
  ["fitNote", "--fit-note"],
  ["wentWell", "--went-well"],
  ["change", "--change"],
];

/** Every flag of `reflect`, in the order its help lists them. */
export function addReflectOptions(command: Command): Command {
  // --due belongs to the --action before it; commander parses options in order.
  let lastAction: { text: string; due?: string } | undefined;
  return command
    .option("--mood <n>", `how you feel now, ${MOOD_MIN} to ${MOOD_MAX}`, (value) => integer(value, MOOD_MIN, MOOD_MAX))
    .option(
      "--answer <id=text>",
      "answer a stage question by its id (repeatable)",
      collectPair("--answer", (text) => text),
    )
    .option(
      "--rate <step=n>",
      "rate a step from 1 to 5, e.g. interview=3 (repeatable)",
      collectPair("--rate", (n) => integer(n, 1, 5)),
    )
    .option(
      "--in-control <reasons>",
      `the reasons that were in your hands, comma-separated, or none (${REASONS.map(spelledId).join(", ")})`,
      collectReasons,
    )
    .option("--thought <text>", "the thought that keeps coming back")
    .option("--trap <id>", "the thinking trap it may be, by id (e.g. mind-reading, labeling)")
    .option("--balanced <text>", "a more balanced version of the thought")
    .addOption(new Option("--fit <answer>", "did the role fit your values, skills and goals").choices(FIT_ANSWERS))
    .option("--fit-note <text>", "a note on the fit")
    .option("--went-well <text>", "what went well and is worth repeating")
    .option("--change <text>", "the one thing to do differently next time")
    .option(
      "--action <text>",
      "a next step (repeatable)",
      (text: string, previous: { text: string; due?: string }[] = []) => {
        if (!text.trim()) throw new InvalidArgumentError("a next step needs some text");
        lastAction = { text: text.trim() };
        return [...previous, lastAction];
      },
    )
    .option(
      "--due <date>",
      "due date of the --action just before it (friday, in 2 weeks, 2026-12-01)",
      (date: string) => {
        if (!lastAction) throw new InvalidArgumentError("put --due after the --action it belongs to");
        if (lastAction.due !== undefined) throw new InvalidArgumentError("each --action takes one --due");
        lastAction.due = date;
        return true;
      },
    )
    .option("--note <text>", "a note for a check-in (when the rejection already has a reflection)")
    .option(
      "--done <action-id>",
      "check-in: mark one of this rejection's next steps done (repeatable)",
      (id: string, previous: string[] = []) => [...previous, id],
    )
    .option("--date <when>", "check-in: the day you felt this, if not today (yesterday, 2026-11-20)")
    .option("--json", "print the saved reflection (or check-in) as JSON; never prompts");
}

function integer(value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\s*-?\d+\s*$/.test(value) || number < min || number > max) {
    throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
  }
  return number;
}

/** "key=value" options that may be given many times, collected into one record. */
export function collectPair<T>(flag: string, read: (value: string) => T) {
  return (pair: string, previous: Record<string, T> = {}): Record<string, T> => {
    const at = pair.indexOf("=");
    const key = pair.slice(0, at).trim();
    if (at <= 0 || !key) throw new InvalidArgumentError(`write it as ${flag} ID=VALUE`);
    let value: T;
    try {
      value = read(pair.slice(at + 1));
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(`'${key}': ${error.message}`);
      throw error;
    }
    return { ...previous, [key]: value };
  };
}

function collectReasons(list: string, previous: Reason[] = []): Reason[] {
  const names = list
    .split(",")
    .map((name) => storedId(name.trim().toLowerCase()))
    .filter(Boolean);
  if (names.length === 1 && names[0] === "none") return previous;
  const unknown = names.filter((name) => !(REASONS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new InvalidArgumentError(
      `'${unknown.map(spelledId).join(", ") || list}' is not a reason (reasons: ${REASONS.map(spelledId).join(", ")}, or none)`,
    );
  }
  return [...new Set([...previous, ...(names as Reason[])])];
}
