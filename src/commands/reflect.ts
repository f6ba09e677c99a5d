import { InvalidArgumentError, Option, type Command } from "commander";
import type { NewAction, ReflectAnswers } from "../coach/reflection.js";
import type { ReflectionContent } from "../content/schema.js";
import { CoachError, UsageError } from "../errors.js";
import type { Action, Checkin, Journal, Reflection, RejectionEntry } from "../journal/entry.js";
import type { JournalStore } from "../journal/store.js";
import { FIT_ANSWERS, MOOD_MAX, MOOD_MIN, REASONS, spelledId, storedId, type Reason } from "../journal/vocabulary.js";
import { canPrompt, printJson, say, wrap } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { openContent, openJournal } from "./context.js";
import { readDayFlag } from "./date-flag.js";
import { symbols } from "../ui/symbols.js";

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
const REFLECTION_ONLY: [keyof ReflectOptions, string][] = [
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

export function registerReflect(program: Command): void {
  // --due belongs to the --action before it; commander parses options in order.
  let lastAction: { text: string; due?: string } | undefined;
  program
    .command("reflect")
    .summary("look back on a rejection and plan what to do next")
    .description("look back on a rejection: what happened, what was yours, what to do next")
    .argument("[id]", "the rejection (default: the most recent one without a reflection)")
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
    .option("--json", "print the saved reflection (or check-in) as JSON; never prompts")
    .addHelpText(
      "after",
      `
In a terminal, reflect asks its questions one at a time; flags answer them ahead.
Reflecting again on the same rejection adds a check-in (mood, note, next steps)
and keeps the first reflection as it was. Ctrl+C stops without saving anything.

Examples:
  rejection-coach reflect
  rejection-coach reflect 3f2a --mood 6 --rate interview=3 --in-control interview \\
      --thought "I always freeze" --trap overgeneralizing --balanced "I froze once, on one question" \\
      --action "Practice two stories aloud" --due friday --json
  rejection-coach reflect 3f2a --mood 7 --note "Feeling steadier" --action "Apply to two roles"

Stage questions (--answer ID=TEXT), steps (--rate STEP=N) and traps (--trap ID)
are listed in content/reflection.yaml; a wrong id names the ones that fit.`,
    )
    .action((id: string | undefined, options: ReflectOptions, command: Command) => reflectOn(command, id, options));
}

/** The whole reflect command; `log` calls it too when the person chooses to reflect straight away. */
export async function reflectOn(command: Command, id: string | undefined, options: ReflectOptions): Promise<void> {
  const store = await openJournal(command);
  const journal = store.read();
  const interactive = canPrompt() && !options.json;
  const now = new Date();
  const entry = await chooseEntry(journal, id, interactive, now);
  if (!entry) return;

  const content = (await openContent(command)).reflection;
  const checkingIn = entry.reflection !== undefined;
  const preset = await presetFrom(options, entry, content, checkingIn, interactive, now);
  const checkedInAt = await checkinMoment(options.date, entry, checkingIn, now);
  if (!interactive && preset.mood === undefined) {
    throw new UsageError(
      `missing --mood (${MOOD_MIN} to ${MOOD_MAX}); without a terminal, reflect needs at least --mood`,
    );
  }
  let answers = preset;
  if (interactive) {
    const [{ reflectFlow, checkinFlow }, { loadPrompts }] = await Promise.all([
      import("../flows/reflect.js"),
      import("../flows/prompts.js"),
    ]);
    const flow = checkingIn ? checkinFlow : reflectFlow;
    const given = await flow({ prompts: await loadPrompts(), entry, content, preset, now, say });
    if (!given) {
      // Also reached from log, where the rejection itself is already saved.
      say(checkingIn ? "The check-in was not saved." : "Your reflection was not saved.");
      return;
    }
    answers = given;
  }

  const { hasSubstance, toCheckin, toReflection } = await import("../coach/reflection.js");
  const outcome: Outcome = checkingIn
    ? { checkin: toCheckin(answers, checkedInAt), done: answers.done ?? [] }
    : { reflection: toReflection(answers, entry, content, now) };
  const { saved, actions } = await save(store, entry.id, outcome, answers.actions, now);
  const worked = "reflection" in outcome && hasSubstance(outcome.reflection, actions);
  report(saved, outcome, actions, { json: options.json, interactive, worked });
}

type Outcome = { reflection: Reflection } | { checkin: Checkin; done: string[] };

/** The rejection to work on: the one named, else the newest without a reflection (or the person's pick). */
async function chooseEntry(
  journal: Journal,
  id: string | undefined,
  interactive: boolean,
  now: Date,
): Promise<RejectionEntry | undefined> {
  const { findRejection, newestFirst, rejections } = await import("../journal/queries.js");
  if (id) return findRejection(journal, id);
  const pending = newestFirst(rejections(journal).filter((candidate) => !candidate.reflection));
  if (pending.length === 0) {
    say(
      rejections(journal).length === 0
        ? "Nothing to reflect on yet. When a no arrives, log it with: rejection-coach log"
        : "Every rejection has a reflection already. To check in on one, run: rejection-coach reflect ID",
    );
    return undefined;
  }
  if (pending.length > 1 && interactive) {
    const [{ pickEntry }, { loadPrompts }] = await Promise.all([
      import("../flows/reflect.js"),
      import("../flows/prompts.js"),
    ]);
    return pickEntry(await loadPrompts(), pending, now);
  }
  if (pending.length > 1) say(`Reflecting on the most recent one, ${describe(pending[0]!)}; pass an ID for another.`);
  return pending[0]!;
}

/** Writes the reflection or check-in, the new next steps and the ticked-off ones, in one update. */
async function save(
  store: JournalStore,
  id: string,
  outcome: Outcome,
  newActions: NewAction[],
  now: Date,
): Promise<{ saved: RejectionEntry; actions: Action[] }> {
  const { actionIds } = await import("../coach/actions.js");
  const { findRejection } = await import("../journal/queries.js");
  const { newId } = await import("../journal/ids.js");
  const at = now.toISOString();
  return store.update((journal) => {
    const target = findRejection(journal, id);
    if ("reflection" in outcome) {
      if (target.reflection) {
        throw new CoachError(
          `${id} got a reflection from elsewhere meanwhile; nothing was saved. Run reflect again to add a check-in`,
        );
      }
      target.reflection = outcome.reflection;
    } else {
      target.checkins.push(outcome.checkin);
      for (const action of target.actions) {
        if (outcome.done.includes(action.id) && !action.doneAt) action.doneAt = at;
      }
    }
    const taken = actionIds(journal);
    const actions = newActions.map((action): Action => {
      const actionId = newId(taken);
      taken.add(actionId);
      return { id: actionId, text: action.text, createdAt: at, ...(action.due ? { due: action.due } : {}) };
    });
    target.actions.push(...actions);
    target.updatedAt = at;
    return { saved: target, actions };
  });
}

function report(
  entry: RejectionEntry,
  outcome: Outcome,
  actions: Action[],
  mode: { json?: boolean; interactive: boolean; worked?: boolean },
): void {
  if (mode.json) {
    printJson({ entry: entry.id, ...outcome, actions });
    return;
  }
  const steps = actions.length === 1 ? "1 next step" : `${actions.length} next steps`;
  const done = "done" in outcome ? outcome.done.length : 0;
  if (!mode.interactive) {
    const extras = [actions.length ? `${steps} added` : "", done ? `${done} marked done` : ""].filter(Boolean);
    say(
      `Saved ${"reflection" in outcome ? "your reflection" : "a check-in"} on ${describe(entry)}${extras.length ? `: ${extras.join(", ")}` : ""}.`,
    );
    return;
  }
  if ("reflection" in outcome) {
    say(`\n${theme.tick()} Saved your reflection on ${describe(entry)}.`);
    const balanced = outcome.reflection.thought?.balanced;
    if (balanced) say(wrap(`Worth keeping: ${theme.accent(`"${safeLine(balanced)}"`)}`, 2));
  } else {
    say(`\n${theme.tick()} Check-in saved on ${describe(entry)}.`);
    const trail = [entry.mood, entry.reflection?.mood, ...entry.checkins.map((checkin) => checkin.mood)];
    say(
      wrap(
        `Your mood on this one so far: ${trail.filter((mood) => mood !== undefined).join(` ${symbols().arrow} `)}`,
        2,
      ),
    );
  }
  if (actions.length > 0)
    say(wrap(`${steps} added. See them any time with ${theme.accent("rejection-coach next")}.`, 2));
  if ("reflection" in outcome && entry.feedback.length === 0 && entry.ended === "rejected") {
    say(
      wrap(
        `When you feel ready, ${theme.accent(`rejection-coach feedback ${entry.id}`)} drafts a short note asking them for feedback.`,
        2,
      ),
    );
  } else if ("reflection" in outcome && entry.ended === "ghosted") {
    say(
      wrap(
        `When you feel ready, ${theme.accent(`rejection-coach feedback ${entry.id}`)} drafts a short note asking where things stand.`,
        2,
      ),
    );
  }
  say(
    theme.muted(
      !("reflection" in outcome)
        ? "Thanks for checking in."
        : mode.worked
          ? "That was real work. Be kind to yourself for the rest of the day."
          : "Your mood is noted. The questions will be here whenever you want them.",
    ),
  );
}

const describe = (entry: RejectionEntry): string =>
  `${safeLine(entry.company)} ${symbols().separator} ${safeLine(entry.role)} (${entry.id})`;

/**
 * When a check-in is recorded: now, or noon of the past day given with --date
 * (a mood written down late still counts for the day it was felt). It cannot
 * come before the rejection itself.
 */
async function checkinMoment(
  date: string | undefined,
  entry: RejectionEntry,
  checkingIn: boolean,
  now: Date,
): Promise<Date> {
  if (date === undefined) return now;
  if (!checkingIn) {
    throw new UsageError(
      `--date is for a check-in; ${entry.id} has no reflection yet, and a reflection is dated today`,
    );
  }
  const [{ DateInputError, parseDay }, { fromDay, toDay }] = await Promise.all([
    import("../journal/day-input.js"),
    import("../journal/dates.js"),
  ]);
  let day: string;
  try {
    day = await parseDay(date, { now, direction: "past" });
  } catch (error) {
    if (error instanceof DateInputError) throw new UsageError(`--date: ${error.message}`);
    throw error;
  }
  if (day < entry.date) {
    throw new UsageError(`--date: ${day} is before the rejection itself (${entry.date}); a check-in comes after it`);
  }
  if (day === toDay(now)) return now;
  const noon = fromDay(day);
  noon.setHours(12);
  return noon;
}

/** Checks the flags against this entry and the content, and reads due dates. */
async function presetFrom(
  options: ReflectOptions,
  entry: RejectionEntry,
  content: ReflectionContent,
  checkingIn: boolean,
  interactive: boolean,
  now: Date,
): Promise<ReflectAnswers> {
  const { stageQuestions, stepsFor } = await import("../coach/reflection.js");
  if (checkingIn) {
    const given = REFLECTION_ONLY.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
    if (given.length > 0) {
      throw new UsageError(
        `${entry.id} already has a reflection; reflecting again adds a check-in, which takes --mood, --note, --done and --action (not ${given.join(", ")})`,
      );
    }
  } else if (options.note !== undefined || options.done !== undefined) {
    throw new UsageError(
      `${options.note !== undefined ? "--note" : "--done"} is for a check-in; ${entry.id} has no reflection yet (see 'next done' to tick off a step)`,
    );
  }
  const done = (options.done ?? []).map((ref) => {
    const wanted = ref.trim().toLowerCase();
    const matches = entry.actions.filter((action) => action.id.startsWith(wanted) && !action.doneAt);
    if (matches.length !== 1 || !wanted) {
      const open = entry.actions.filter((action) => !action.doneAt).map((action) => action.id);
      throw new UsageError(
        `--done: '${ref}' is not ${matches.length > 1 ? "one" : "an"} open next step of ${entry.id} (open: ${open.join(", ") || "none"})`,
      );
    }
    return matches[0]!.id;
  });
  const questionIds = stageQuestions(content, entry).map((question) => question.id);
  for (const questionId of Object.keys(options.answer ?? {})) {
    if (!questionIds.includes(questionId)) {
      throw new UsageError(
        `--answer: '${questionId}' is not a question for the ${entry.stage} stage (questions: ${questionIds.join(", ")})`,
      );
    }
  }
  const stepIds = stepsFor(content, entry.stage).map((step) => step.id);
  for (const stepId of Object.keys(options.rate ?? {})) {
    if (!stepIds.includes(stepId)) {
      throw new UsageError(
        `--rate: '${stepId}' is not a step for the ${entry.stage} stage (steps: ${stepIds.join(", ")})`,
      );
    }
  }
  const trapIds = content.traps.map((trap) => trap.id);
  if (options.trap !== undefined && !trapIds.includes(options.trap)) {
    const stored = storedId(options.trap);
    if (!trapIds.includes(stored)) {
      const known = trapIds.map(spelledId).join(", ");
      throw new UsageError(`--trap: '${options.trap}' is not a thinking trap (traps: ${known})`);
    }
    options.trap = stored;
  }
  if ((options.trap !== undefined || options.balanced !== undefined) && !options.thought?.trim() && !interactive) {
    throw new UsageError("--trap and --balanced go with a --thought");
  }
  const actions: NewAction[] = [];
  for (const action of options.action ?? []) {
    if (action.due === undefined) actions.push({ text: action.text });
    else actions.push({ text: action.text, due: await readDayFlag("--due", action.due, { now, direction: "future" }) });
  }
  return {
    mood: options.mood,
    answers: options.answer ?? {},
    ratings: options.rate ?? {},
    inControl: options.inControl,
    thought: options.thought,
    trap: options.trap,
    balanced: options.balanced,
    fit: options.fit,
    fitNote: options.fitNote,
    wentWell: options.wentWell,
    change: options.change,
    note: options.note,
    ...(checkingIn ? { done } : {}),
    actions,
  };
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
