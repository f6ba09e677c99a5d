import type { ReflectionContent, Trap } from "../content/schema.js";
import {
  controlReasons,
  moodTrail,
  stageQuestions,
  stepsFor,
  type Fit,
  type NewAction,
  type ReflectAnswers,
} from "../coach/reflection.js";
import { toDay } from "../journal/dates.js";
import type { RejectionEntry } from "../journal/entry.js";
import type { Reason } from "../journal/vocabulary.js";
import { FIT_ANSWERS } from "../journal/vocabulary.js";
import {
  AFTER_ENDING,
  atStage,
  FIT_CHOICES,
  formatDay,
  REASON_CHOICES,
  REASON_PHRASES,
  STAGE_POINTS,
} from "../ui/labels.js";
import { wrap } from "../ui/output.js";
import { safeLine, safeText } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { askDueDay, askMood, exclusive } from "./ask.js";
import { editOrType, type Prompts } from "./prompts.js";
import { symbols } from "../ui/symbols.js";

export interface ReflectFlowOptions {
  prompts: Prompts;
  entry: RejectionEntry;
  content: ReflectionContent;
  /** Answers already given as flags: those questions are not asked again. */
  preset: ReflectAnswers;
  now: Date;
  /** Where the coach's short lines between the questions go (stderr in the CLI). */
  say: (text: string) => void;
}

/** Typed alone as an answer, opens $EDITOR for a longer one. */
export const EDITOR_KEY = "e";

/** "Acme · Backend Engineer" */
export const entryTitle = (entry: RejectionEntry): string =>
  `${safeLine(entry.company)} ${symbols().separator} ${safeLine(entry.role)}`;

/** Lets the person choose which un-reflected rejection to work on. */
export async function pickEntry(prompts: Prompts, pending: RejectionEntry[], now: Date): Promise<RejectionEntry> {
  const id = await prompts.select({
    message: "Which one would you like to reflect on?",
    choices: pending.map((entry) => ({
      value: entry.id,
      name: `${entryTitle(entry)} ${theme.muted(`(${STAGE_POINTS[entry.stage]}, ${formatDay(entry.date, now)})`)}`,
      short: entryTitle(entry),
    })),
    pageSize: Math.min(pending.length, 10),
  });
  return pending.find((entry) => entry.id === id)!;
}

/**
 * The first reflection on a rejection: mood, the stage's questions, step
 * ratings, what was in the person's control, a thought record, fit, what went
 * well, what to change, and next steps. Returns the answers; saves nothing.
 */
export async function reflectFlow(options: ReflectFlowOptions): Promise<ReflectAnswers> {
  const { prompts, entry, content, preset, now, say } = options;
  const answers: ReflectAnswers = {
    ...preset,
    answers: { ...preset.answers },
    ratings: { ...preset.ratings },
    actions: [...preset.actions],
  };
  const ask = textAsker(prompts, say);

  say(
    `\n${theme.title(`Reflecting on ${entryTitle(entry)}`)} ${theme.muted(`(${STAGE_POINTS[entry.stage]}, ${formatDay(entry.date, now)})`)}`,
  );
  say(
    theme.muted(
      wrap(
        `About ten minutes. Everything except your mood can be skipped with Enter. For a longer answer, type ${EDITOR_KEY} and Enter to write it in your editor.`,
      ),
    ),
  );

  // How are you now
  if (answers.mood === undefined) {
    say(theme.muted(`\nWhen you logged it, you were at ${entry.mood}/10.`));
    // "Now that a little time has passed" reads wrong when reflecting the day it was logged.
    const loggedToday = toDay(new Date(entry.createdAt)) === toDay(now);
    answers.mood = await askMood(
      prompts,
      loggedToday ? content.prompts.mood : content.prompts.mood_later,
      undefined,
      null,
    );
    say(moodResponse(entry.mood, answers.mood));
    if (answers.mood <= LOW_MOOD) {
      say(
        theme.muted(wrap("If today feels too heavy for this, Ctrl+C stops here and nothing is saved. It will keep.")),
      );
    }
  }

  for (const feedback of entry.feedback) {
    say(
      `\n${theme.heading("What they told you")} ${theme.muted(`(${formatDay(toDay(new Date(feedback.receivedAt)), now)})`)}`,
    );
    say(wrap(safeText(feedback.text), 2));
  }

  // The stage's own questions: the person picks the ones worth their time.
  const questions = stageQuestions(content, entry).filter((question) => !(question.id in answers.answers));
  if (questions.length > 0) {
    say(
      `\n${theme.heading("What happened")}\n${wrap(`A few questions people find useful ${AFTER_ENDING[entry.ended]} ${atStage(entry.stage)}. Pick the ones that feel worth your time; two or three is plenty.`)}`,
    );
    const picked = await prompts.checkbox({
      message: "Which would you like to think through?",
      choices: questions.map((question) => ({ value: question.id, name: safeLine(question.text) })),
      pageSize: Math.min(questions.length, 12),
      theme: { style: { renderSelectedChoices: (chosen: readonly unknown[]) => pickedCount(chosen.length) } },
    });
    if (picked.length === 0) say(theme.muted("That's fine. They will be here another time."));
    for (const question of questions.filter((q) => picked.includes(q.id))) {
      // A person's own content folder can hold any text: show it safely.
      const answer = await ask(safeLine(question.text), question.hint && safeLine(question.hint));
      if (answer) answers.answers[question.id] = answer;
    }
  }

  // One score per step they went through.
  const steps = stepsFor(content, entry.stage).filter((step) => answers.ratings[step.id] === undefined);
  if (steps.length > 0) {
    say(`\n${theme.heading("Step by step")}\n${wrap(content.prompts.ratings)}`);
    say(theme.muted("Press Enter to skip a step you did not go through."));
    for (const step of steps) {
      const rating = readRating(
        await prompts.input({
          message: `${step.label} (1-5)`,
          validate: (text) => !text.trim() || readRating(text) !== undefined || RATING_HINT,
          transformer: (value, { isFinal }) => (isFinal && !value.trim() ? theme.muted("skipped") : value),
        }),
      );
      if (rating !== undefined) answers.ratings[step.id] = rating;
    }
  }

  // What was theirs to change, and what was not.
  if (answers.inControl === undefined) {
    const reasons = controlReasons(entry);
    say(`\n${theme.heading("Yours and not yours")}`);
    const ticked = await prompts.checkbox<Reason | typeof NONE_IN_CONTROL>({
      message: content.prompts.control,
      choices: [
        ...reasons.map((reason) => ({ value: reason, name: REASON_CHOICES[reason] })),
        { value: NONE_IN_CONTROL, name: "None of them", short: "none of them" },
      ],
      pageSize: reasons.length + 1,
      validate: exclusive<Reason | typeof NONE_IN_CONTROL>(NONE_IN_CONTROL, "None of them"),
      theme: {
        style: {
          renderSelectedChoices: (chosen: readonly { short: string }[]) =>
            chosen.length ? chosen.map((choice) => choice.short).join(", ") : theme.muted("skipped"),
        },
      },
    });
    // Enter with nothing ticked is a skip: nothing recorded, nothing said.
    if (ticked.length > 0) {
      answers.inControl = ticked.filter((value): value is Reason => value !== NONE_IN_CONTROL);
      const notMine = reasons.filter((reason) => !answers.inControl!.includes(reason));
      const listed = notMine.map((reason) => REASON_PHRASES[reason]).join("; ");
      if (notMine.length === reasons.length) {
        say(theme.muted(wrap(`Then none of it (${listed}) was yours to carry. Worth remembering on the hard days.`)));
      } else if (notMine.length > 0) {
        say(theme.muted(wrap(`The rest (${listed}) was never yours to carry.`)));
      } else {
        say(theme.muted("Owning it helps, as long as it turns into lessons rather than blame."));
      }
    }
  }

  // A short thought record.
  if (answers.thought === undefined) {
    say(
      `\n${theme.heading("The thought that keeps coming back")}\n${wrap("A short thought record: catch the thought, name it, then soften it.")}`,
    );
    answers.thought = await ask(content.prompts.thought);
  }
  if (answers.thought) {
    if (answers.trap === undefined) {
      const trap = await askTrap(prompts, content.prompts.trap, content.traps);
      if (trap) answers.trap = trap;
    }
    if (answers.balanced === undefined) {
      const trap = content.traps.find((candidate) => candidate.id === answers.trap);
      answers.balanced = await ask(
        content.prompts.balanced,
        trap?.question ?? "What would you say to a friend who had this thought?",
      );
    }
  }

  // Did it fit, and what to keep and change.
  if (answers.fit === undefined) {
    say(`\n${theme.heading("The bigger picture")}`);
    // Skip comes first: Enter on an untouched question records nothing, as the intro promises.
    const fit = await prompts.select<Fit | "">({
      message: content.prompts.fit,
      choices: [
        { value: "" as const, name: theme.muted("Skip"), short: "skipped" },
        ...FIT_ANSWERS.map((value) => ({ value, name: FIT_CHOICES[value] })),
      ],
    });
    if (fit) answers.fit = fit;
  }
  if (answers.fit && answers.fitNote === undefined) {
    answers.fitNote = await ask(
      "Anything to add about the fit?",
      "For example, which of your values, skills or goals it did or did not match.",
    );
  }
  if (answers.wentWell === undefined) answers.wentWell = await ask(content.prompts.went_well);
  if (answers.change === undefined) answers.change = await ask(content.prompts.change);

  // Next steps.
  say(`\n${theme.heading("Next steps")}\n${wrap(content.prompts.actions)}`);
  if (answers.actions.length > 0)
    say(theme.muted(`Already added: ${answers.actions.map((action) => safeLine(action.text)).join("; ")}`));
  answers.actions.push(...(await askActions(prompts, now)));
  return answers;
}

/**
 * Reflecting again on an entry that already has a reflection: a check-in
 * (mood and a note) and perhaps new next steps, so recovery can be followed.
 */
export async function checkinFlow(options: ReflectFlowOptions): Promise<ReflectAnswers> {
  const { prompts, entry, content, preset, now, say } = options;
  const answers: ReflectAnswers = { ...preset, answers: {}, ratings: {}, actions: [...preset.actions] };
  const reflectedOn = formatDay(toDay(new Date(entry.reflection!.createdAt)), now);
  say(`\n${theme.title(`Checking in on ${entryTitle(entry)}`)}`);
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
  if (answers.mood === undefined) {
    const previous = moodTrail(entry).at(-1)!.mood;
    answers.mood = await askMood(prompts, content.prompts.mood_later, undefined, null);
    say(moodResponse(previous, answers.mood));
  }
  if (answers.note === undefined) answers.note = await textAsker(prompts, say)(content.prompts.checkin);

  const open = entry.actions.filter((action) => !action.doneAt && !answers.done?.includes(action.id));
  if (open.length > 0) {
    say(`\n${theme.heading("The steps you planned")}`);
    const done = await prompts.checkbox({
      message: "Have you done any of these? Tick them with space.",
      choices: open.map((action) => ({
        value: action.id,
        name: `${safeLine(action.text)}${action.due ? theme.muted(` (due ${formatDay(action.due, now)})`) : ""}`,
        short: safeLine(action.text),
      })),
      pageSize: Math.min(open.length, 10),
      theme: {
        style: {
          renderSelectedChoices: (chosen: readonly unknown[]) => (chosen.length ? `${chosen.length} done` : "not yet"),
        },
      },
    });
    answers.done = [...(answers.done ?? []), ...done];
    if (done.length > 0) say(theme.good("Every finished step counts. Well done."));
  }
  say(`\n${theme.heading("Anything new to do?")}`);
  answers.actions.push(...(await askActions(prompts, now)));
  return answers;
}

const LOW_MOOD = 3;

// The tool's own words: Inquirer's number prompt would say "Value must be a multiple of 1 starting from 1".
const RATING_HINT = "Please type a whole number from 1 to 5, or press Enter to skip";

/** "4" -> 4; anything but a whole number from 1 to 5 -> undefined. */
export function readRating(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[1-5]$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The explicit "None of them" answer to what was in the person's hands. */
const NONE_IN_CONTROL = "none";

const pickedCount = (count: number): string =>
  count === 0 ? "none for now" : count === 1 ? "1 picked" : `${count} picked`;

const isEditorKey = (answer: string): boolean => answer.trim().toLowerCase() === EDITOR_KEY;

const skippedWhenEmpty = (value: string, { isFinal }: { isFinal: boolean }): string =>
  isFinal && !value.trim() ? theme.muted("skipped") : value;

/** Free text that may be skipped; the editor key opens $EDITOR instead. */
function textAsker(prompts: Prompts, say: (text: string) => void) {
  return async (message: string, hint?: string): Promise<string> => {
    const question = hint ? `${message}\n  ${theme.muted(hint)}\n ` : message;
    const answer = await prompts.input({
      message: question,
      // Whether the answer ends up in the editor is not known yet: the line only says it was asked for.
      transformer: (value, state) =>
        state.isFinal && isEditorKey(value) ? theme.muted("editor") : skippedWhenEmpty(value, state),
    });
    if (!isEditorKey(answer)) return answer.trim();
    const written = await editOrType(prompts, say, {
      editorMessage: theme.muted(`Opening your editor${symbols().ellipsis} save and close it when you are done.`),
      // Asked again as it was, hint included; the editor key cannot work now, so it is not taken as the answer.
      input: {
        message: question,
        transformer: skippedWhenEmpty,
        validate: (value) => !isEditorKey(value) || EDITOR_FAILED,
      },
    });
    return written.trim();
  };
}

const EDITOR_FAILED = "Your editor did not open; type the answer here, or press Enter to skip";

/** The gentle line only for a low mood or a real drop, so a small dip is not made into more than it is. */
export function moodResponse(before: number, now: number): string {
  // Up from 1 to 3 is still a low day: notice the step without calling it good.
  if (now > before && now <= LOW_MOOD)
    return theme.muted(`A little up from ${before}, and still a heavy day. Go gently with yourself.`);
  if (now > before) return theme.good(`Up from ${before}. Good to see.`);
  if (now < before && (now <= LOW_MOOD || before - now >= 2))
    return theme.muted("Lower than before. Thank you for being honest; go gently with yourself today.");
  if (now < before) return theme.muted(`A little down from ${before}. Moods move around; that is normal.`);
  if (now <= LOW_MOOD) return theme.muted("Thank you for being honest; go gently with yourself today.");
  return theme.muted("About the same. That's all right; this takes time.");
}

/**
 * "None of these fits" comes first: Enter on an untouched list names no trap,
 * and the way out is on screen however short the terminal.
 */
async function askTrap(prompts: Prompts, message: string, traps: Trap[]): Promise<string> {
  const width = Math.max(...traps.map((trap) => trap.name.length));
  return prompts.select({
    message,
    choices: [
      { value: "", name: theme.muted("None of these fits"), short: "none" },
      ...traps.map((trap) => ({
        value: trap.id,
        name: `${safeLine(trap.name).padEnd(width)}  ${theme.muted(`"${safeLine(trap.example)}"`)}`,
        short: safeLine(trap.name),
        description: safeText(trap.description),
      })),
    ],
    pageSize: traps.length + 1,
  });
}

/** Next steps, one at a time, each with an optional due date in plain words. */
async function askActions(prompts: Prompts, now: Date): Promise<NewAction[]> {
  const actions: NewAction[] = [];
  for (;;) {
    const text = (
      await prompts.input({
        message: actions.length === 0 ? "A next step (Enter to finish)" : "Another (Enter to finish)",
        transformer: (value, { isFinal }) =>
          isFinal && !value.trim() ? theme.muted(actions.length === 0 ? "none for now" : "that's all") : value,
      })
    ).trim();
    if (!text) return actions;
    const due = await askDueDay(prompts, now);
    actions.push(due ? { text, due } : { text });
  }
}
