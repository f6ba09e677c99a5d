import type { NewAction, ReflectAnswers, ReflectionScope } from "../coach/reflection.js";
import type { ReflectionContent } from "../content/schema.js";
import { UsageError } from "../errors.js";
import { fromDay, toDay } from "../journal/dates.js";
import type { RejectionEntry } from "../journal/entry.js";
import { MOOD_MAX, MOOD_MIN, spelledId, storedId } from "../journal/vocabulary.js";
import { readDayFlag } from "./date-flag.js";
import { REFLECTION_ONLY, type ReflectOptions } from "./reflect-options.js";

/** Whether this is a check-in (the entry has its reflection) and whether questions can be asked. */
export interface ReflectMode {
  checkingIn: boolean;
  interactive: boolean;
}

/** What reflect's flags say: the answers they give, and when a check-in is dated. */
export interface ReflectInput {
  preset: ReflectAnswers;
  checkedInAt: Date;
}

/**
 * Reads reflect's flags for this entry, in the order a person would fix them:
 * the flags against the entry and content, the due days, --date, then --mood
 * when nothing can be asked.
 */
export async function readReflectInput(
  options: ReflectOptions,
  entry: RejectionEntry,
  content: ReflectionContent,
  scope: ReflectionScope,
  mode: ReflectMode,
  now: Date,
): Promise<ReflectInput> {
  const answers = checkReflectFlags(options, entry, content, scope, mode);
  const preset: ReflectAnswers = { ...answers, actions: await readActions(options.action ?? [], now) };
  const checkedInAt = await checkinMoment(options.date, entry, mode.checkingIn, now);
  if (!mode.interactive && preset.mood === undefined) {
    throw new UsageError(
      `missing --mood (${MOOD_MIN} to ${MOOD_MAX}); without a terminal, reflect needs at least --mood`,
    );
  }
  return { preset, checkedInAt };
}

/**
 * Checks the flags against this entry and the content: check-in flags against
 * reflection flags, --done against the entry's open steps, --answer, --rate and
 * --trap against the stage's questions, steps and the traps. Returns the answers
 * they give, with a trap spelled with hyphens stored as its id; the next steps
 * (whose due days are read apart) are left for the caller.
 */
export function checkReflectFlags(
  options: ReflectOptions,
  entry: RejectionEntry,
  content: ReflectionContent,
  scope: ReflectionScope,
  { checkingIn, interactive }: ReflectMode,
): Omit<ReflectAnswers, "actions"> {
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
  const done = (options.done ?? []).map((ref) => openStepId(entry, ref));
  const questionIds = scope.questions.map((question) => question.id);
  for (const questionId of Object.keys(options.answer ?? {})) {
    if (!questionIds.includes(questionId)) {
      throw new UsageError(
        `--answer: '${questionId}' is not a question for the ${entry.stage} stage (questions: ${questionIds.join(", ")})`,
      );
    }
  }
  const stepIds = scope.steps.map((step) => step.id);
  for (const stepId of Object.keys(options.rate ?? {})) {
    if (!stepIds.includes(stepId)) {
      throw new UsageError(
        `--rate: '${stepId}' is not a step for the ${entry.stage} stage (steps: ${stepIds.join(", ")})`,
      );
    }
  }
  const trap = options.trap === undefined ? undefined : trapId(options.trap, content);
  if ((trap !== undefined || options.balanced !== undefined) && !options.thought?.trim() && !interactive) {
    throw new UsageError("--trap and --balanced go with a --thought");
  }
  return {
    mood: options.mood,
    answers: options.answer ?? {},
    ratings: options.rate ?? {},
    inControl: options.inControl,
    thought: options.thought,
    trap,
    balanced: options.balanced,
    fit: options.fit,
    fitNote: options.fitNote,
    wentWell: options.wentWell,
    change: options.change,
    note: options.note,
    ...(checkingIn ? { done } : {}),
  };
}

/** The open step of this entry that a --done id (or the start of one) names. */
function openStepId(entry: RejectionEntry, ref: string): string {
  const wanted = ref.trim().toLowerCase();
  const matches = entry.actions.filter((action) => action.id.startsWith(wanted) && !action.doneAt);
  if (matches.length !== 1 || !wanted) {
    const open = entry.actions.filter((action) => !action.doneAt).map((action) => action.id);
    throw new UsageError(
      `--done: '${ref}' is not ${matches.length > 1 ? "one" : "an"} open next step of ${entry.id} (open: ${open.join(", ") || "none"})`,
    );
  }
  return matches[0]!.id;
}

/** A --trap as its id: given as the id, or spelled the way the help lists it. */
function trapId(given: string, content: ReflectionContent): string {
  const trapIds = content.traps.map((trap) => trap.id);
  if (trapIds.includes(given)) return given;
  const stored = storedId(given);
  if (trapIds.includes(stored)) return stored;
  throw new UsageError(`--trap: '${given}' is not a thinking trap (traps: ${trapIds.map(spelledId).join(", ")})`);
}

/** The --action steps, each --due read as a day from today on. */
async function readActions(actions: readonly { text: string; due?: string }[], now: Date): Promise<NewAction[]> {
  const read: NewAction[] = [];
  for (const action of actions) {
    if (action.due === undefined) read.push({ text: action.text });
    else read.push({ text: action.text, due: await readDayFlag("--due", action.due, { now, direction: "future" }) });
  }
  return read;
}

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
  const day = await readDayFlag("--date", date, { now, direction: "past" });
  if (day < entry.date) {
    throw new UsageError(`--date: ${day} is before the rejection itself (${entry.date}); a check-in comes after it`);
  }
  if (day === toDay(now)) return now;
  const noon = fromDay(day);
  noon.setHours(12);
  return noon;
}
