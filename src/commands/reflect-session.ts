import { hasSubstance, reflectionScope, toCheckin, toReflection, type ReflectAnswers } from "../coach/reflection.js";
import type { ReflectionContent } from "../content/schema.js";
import { checkinFlow } from "../flows/checkin.js";
import { loadPrompts } from "../flows/prompts.js";
import { pickEntry, reflectFlow, type ReflectFlowOptions } from "../flows/reflect.js";
import type { Checkin, Journal, Reflection, RejectionEntry } from "../journal/entry.js";
import { findRejection, newestFirst, rejections } from "../journal/queries.js";
import { saveCheckin, saveReflection, type Saved } from "../journal/reflections.js";
import type { JournalStore } from "../journal/store.js";
import { entryLabel } from "../ui/entry-label.js";
import { printJson, say, wrap } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { symbols } from "../ui/symbols.js";
import { theme } from "../ui/theme.js";
import { readReflectInput, type ReflectMode } from "./reflect-input.js";
import type { ReflectOptions } from "./reflect-options.js";

/*
 * A reflection or check-in on one rejection, from the flags and the questions
 * to the saved entry and what is said about it. Both `reflect` and `log` (when
 * the person chooses to reflect straight away) run it, on the store and
 * content they already opened.
 */

/** The rejection to work on: the one named, else the newest without a reflection (or the person's pick). */
export async function chooseEntry(
  journal: Journal,
  id: string | undefined,
  interactive: boolean,
  now: Date,
): Promise<RejectionEntry | undefined> {
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
  if (pending.length > 1 && interactive) return pickEntry(await loadPrompts(), pending, now);
  if (pending.length > 1) say(`Reflecting on the most recent one, ${describe(pending[0]!)}; pass an ID for another.`);
  return pending[0]!;
}

export interface ReflectSession {
  store: JournalStore;
  content: ReflectionContent;
  entry: RejectionEntry;
  options: ReflectOptions;
  interactive: boolean;
  now: Date;
}

type Outcome = { reflection: Reflection } | { checkin: Checkin; done: string[] };

/** Asks what the flags left open (on a terminal), saves the reflection or check-in, and says what was saved. */
export async function reflectOnEntry({
  store,
  content,
  entry,
  options,
  interactive,
  now,
}: ReflectSession): Promise<void> {
  const mode: ReflectMode = { checkingIn: entry.reflection !== undefined, interactive };
  const scope = reflectionScope(content, entry);
  const { preset, checkedInAt } = await readReflectInput(options, entry, content, scope, mode, now);
  const answers = interactive ? await ask({ entry, content, scope, preset, now }, mode.checkingIn) : preset;
  if (!answers) {
    // Also reached from log, where the rejection itself is already saved.
    say(mode.checkingIn ? "The check-in was not saved." : "Your reflection was not saved.");
    return;
  }
  const outcome: Outcome = mode.checkingIn
    ? { checkin: toCheckin(answers, checkedInAt), done: answers.done ?? [] }
    : { reflection: toReflection(answers, scope, now) };
  const saved =
    "reflection" in outcome
      ? await saveReflection(store, entry.id, outcome.reflection, answers.actions, now)
      : await saveCheckin(store, entry.id, outcome.checkin, outcome.done, answers.actions, now);
  const worked = "reflection" in outcome && hasSubstance(outcome.reflection, saved.actions);
  report(saved, outcome, { json: options.json, interactive, worked });
}

async function ask(
  given: Omit<ReflectFlowOptions, "prompts" | "say">,
  checkingIn: boolean,
): Promise<ReflectAnswers | undefined> {
  const prompts = await loadPrompts();
  return checkingIn ? checkinFlow({ ...given, prompts, say }) : reflectFlow({ ...given, prompts, say });
}

function report(
  { entry, actions }: Saved,
  outcome: Outcome,
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

/** "Acme · Backend Engineer (1a2b3c4d)": the entry's label with its id, but not its day as describeEntry has. */
const describe = (entry: RejectionEntry): string => `${entryLabel(entry)} (${entry.id})`;
