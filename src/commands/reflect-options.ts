import { Option, type Command } from "commander";
import {
  FIT_ANSWERS,
  MOOD_MAX,
  MOOD_MIN,
  RATING_MAX,
  RATING_MIN,
  REASONS,
  spelledId,
  type Reason,
} from "../journal/vocabulary.js";
import {
  actionParsers,
  pairParser,
  reasonsParser,
  repeatParser,
  wholeNumberParser,
  type PlannedStep,
} from "./option-parsers.js";

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
  action?: PlannedStep[];
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
  const steps = actionParsers();
  return command
    .option("--mood <n>", `how you feel now, ${MOOD_MIN} to ${MOOD_MAX}`, wholeNumberParser(MOOD_MIN, MOOD_MAX))
    .option(
      "--answer <id=text>",
      "answer a stage question by its id (repeatable)",
      pairParser("--answer", (text) => text),
    )
    .option(
      "--rate <step=n>",
      `rate a step from ${RATING_MIN} to ${RATING_MAX}, e.g. interview=3 (repeatable)`,
      pairParser("--rate", wholeNumberParser(RATING_MIN, RATING_MAX)),
    )
    .option(
      "--in-control <reasons>",
      `the reasons that were in your hands, comma-separated, or none (${REASONS.map(spelledId).join(", ")})`,
      reasonsParser,
    )
    .option("--thought <text>", "the thought that keeps coming back")
    .option("--trap <id>", "the thinking trap it may be, by id (e.g. mind-reading, labeling)")
    .option("--balanced <text>", "a more balanced version of the thought")
    .addOption(new Option("--fit <answer>", "did the role fit your values, skills and goals").choices(FIT_ANSWERS))
    .option("--fit-note <text>", "a note on the fit")
    .option("--went-well <text>", "what went well and is worth repeating")
    .option("--change <text>", "the one thing to do differently next time")
    .option("--action <text>", "a next step (repeatable)", steps.action)
    .option("--due <date>", "due date of the --action just before it (friday, in 2 weeks, 2026-12-01)", steps.due)
    .option("--note <text>", "a note for a check-in (when the rejection already has a reflection)")
    .option("--done <action-id>", "check-in: mark one of this rejection's next steps done (repeatable)", repeatParser)
    .option("--date <when>", "check-in: the day you felt this, if not today (yesterday, 2026-11-20)")
    .option("--json", "print the saved reflection (or check-in) as JSON; never prompts");
}
