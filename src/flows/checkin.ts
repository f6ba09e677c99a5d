import { moodTrail, type ReflectAnswers } from "../coach/reflection.js";
import { toDay } from "../journal/dates.js";
import type { Action } from "../journal/entry.js";
import { entryLabel } from "../ui/entry-label.js";
import { shown, shownList } from "../ui/entry-summary.js";
import { formatDay } from "../ui/labels.js";
import { wrap } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { symbols } from "../ui/symbols.js";
import { theme } from "../ui/theme.js";
import { askMood } from "./ask.js";
import { textAsker, type TextAsker } from "./free-text.js";
import { actionsPart, askActions } from "./next-steps.js";
import { moodResponse, type ReflectFlowOptions } from "./reflect.js";
import { reviewParts, type ReviewPart } from "./review-parts.js";

/** A check-in asks none of the stage's questions, so it needs no scope. */
export type CheckinFlowOptions = Omit<ReflectFlowOptions, "scope">;

/** One check-in in progress: what the flow was given, and the answers it fills in. */
interface CheckingIn extends CheckinFlowOptions {
  answers: ReflectAnswers;
  ask: TextAsker;
  /** The entry's steps still open in the journal. */
  open: Action[];
}

/**
 * Reflecting again on an entry that already has a reflection: a check-in
 * (mood and a note) and perhaps new next steps, so recovery can be followed;
 * then a summary where any part can be asked again. Undefined when the person
 * chose not to save.
 */
export async function checkinFlow(options: CheckinFlowOptions): Promise<ReflectAnswers | undefined> {
  const { prompts, entry, preset, now, say } = options;
  const answers: ReflectAnswers = { ...preset, answers: {}, ratings: {}, actions: [...preset.actions] };
  const open = entry.actions.filter((action) => !action.doneAt);
  const run: CheckingIn = { ...options, answers, ask: textAsker(prompts, say), open };
  introduce(run);
  if (answers.mood === undefined) await askMoodNow(run);
  if (answers.note === undefined) answers.note = await run.ask(run.content.prompts.checkin);
  // Those ticked by --done start ticked when asked again.
  if (open.some((action) => !answers.done?.includes(action.id))) {
    say(`\n${theme.heading("The steps you planned")}`);
    await askDone(run, false);
  }
  say(`\n${theme.heading("Anything new to do?")}`);
  answers.actions.push(...(await askActions(prompts, now)));
  return (await reviewParts(prompts, summaryParts(run), say)) ? answers : undefined;
}

function introduce({ entry, now, say }: CheckingIn): void {
  const reflectedOn = formatDay(toDay(new Date(entry.reflection!.createdAt)), now);
  say(`\n${theme.title(`Checking in on ${entryLabel(entry)}`)}`);
  say(wrap(`You reflected on this on ${reflectedOn}. Let's see where you are now.`));
  say(
    theme.muted(
      `Mood so far: ${moodTrail(entry)
        .map(
          (point) =>
            `${point.mood} (${point.label === "check-in" ? formatDay(toDay(new Date(point.at)), now) : point.label})`,
        )
        .join(` ${symbols().arrow} `)}`,
    ),
  );
}

/** The mood now, said back against the last one recorded. */
async function askMoodNow({ prompts, entry, content, answers, say }: CheckingIn): Promise<void> {
  const previous = moodTrail(entry).at(-1)!.mood;
  answers.mood = await askMood(prompts, content.prompts.mood_later, answers.mood, null);
  say(moodResponse(previous, answers.mood));
}

/** Which open steps are done now; `again` (from the summary) offers them all, ticked as answered. */
async function askDone({ prompts, answers, open, now, say }: CheckingIn, again: boolean): Promise<void> {
  const offered = again ? open : open.filter((action) => !answers.done?.includes(action.id));
  const done = await prompts.checkbox({
    message: "Have you done any of these? Tick them with space.",
    choices: offered.map((action) => ({
      value: action.id,
      name: `${safeLine(action.text)}${action.due ? theme.muted(` (due ${formatDay(action.due, now)})`) : ""}`,
      short: safeLine(action.text),
      checked: answers.done?.includes(action.id) ?? false,
    })),
    pageSize: Math.min(offered.length, 10),
    theme: {
      style: {
        renderSelectedChoices: (chosen: readonly unknown[]) => (chosen.length ? `${chosen.length} done` : "not yet"),
      },
    },
  });
  answers.done = again ? done : [...(answers.done ?? []), ...done];
  if (done.length > 0) say(theme.good("Every finished step counts. Well done."));
}

function summaryParts(run: CheckingIn): ReviewPart[] {
  const { prompts, ask, answers, content, open, now } = run;
  const parts: ReviewPart[] = [
    {
      key: "mood",
      label: "Your mood",
      rows: () => [["Mood now", `${answers.mood} of 10`]],
      change: () => askMoodNow(run),
    },
    {
      key: "note",
      label: "What has changed",
      rows: () => [["What has changed", shown(answers.note)]],
      change: async () => {
        answers.note = await ask(content.prompts.checkin, undefined, answers.note);
      },
    },
  ];
  if (open.length > 0) {
    parts.push({
      key: "done",
      label: "Steps done",
      rows: () => [
        [
          "Steps done",
          shownList(open.filter((action) => answers.done?.includes(action.id)).map((action) => action.text)),
        ],
      ],
      change: () => askDone(run, true),
    });
  }
  parts.push(actionsPart(prompts, answers, now));
  return parts;
}
