import type { Question, ReflectionContent, Step, Trap } from "../content/schema.js";
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
  REASON_NAMES,
  REASON_PHRASES,
  STAGE_POINTS,
} from "../ui/labels.js";
import { shown, shownList } from "../ui/entry-summary.js";
import { wrap } from "../ui/output.js";
import { safeLine, safeText } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { askDueDay, askMood, exclusive, storedDefault } from "./ask.js";
import { editOrType, type Prompts } from "./prompts.js";
import { reviewParts, type ReviewPart } from "./review-parts.js";
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
 * well, what to change, and next steps; then a summary where any part can be
 * asked again. Returns the answers, or undefined when the person chose not to
 * save; saves nothing itself.
 */
export async function reflectFlow(options: ReflectFlowOptions): Promise<ReflectAnswers | undefined> {
  const { prompts, entry, content, preset, now, say } = options;
  const answers: ReflectAnswers = {
    ...preset,
    answers: { ...preset.answers },
    ratings: { ...preset.ratings },
    actions: [...preset.actions],
  };
  const ask = textAsker(prompts, say);
  const questions = stageQuestions(content, entry);
  const steps = stepsFor(content, entry.stage);

  say(
    `\n${theme.title(`Reflecting on ${entryTitle(entry)}`)} ${theme.muted(`(${STAGE_POINTS[entry.stage]}, ${formatDay(entry.date, now)})`)}`,
  );
  say(
    theme.muted(
      wrap(
        `About ten minutes. Everything except your mood can be skipped with Enter. For a longer answer, type ${EDITOR_KEY} and Enter to write it in your editor. You see it all before anything is saved.`,
      ),
    ),
  );

  // "Now that a little time has passed" reads wrong when reflecting the day it was logged.
  const loggedToday = toDay(new Date(entry.createdAt)) === toDay(now);
  const moodQuestion = loggedToday ? content.prompts.mood : content.prompts.mood_later;
  const askMoodNow = async (before: number) => {
    answers.mood = await askMood(prompts, moodQuestion, answers.mood, null);
    say(moodResponse(before, answers.mood));
    if (answers.mood <= LOW_MOOD) {
      say(
        theme.muted(wrap("If today feels too heavy for this, Ctrl+C stops here and nothing is saved. It will keep.")),
      );
    }
  };
  if (answers.mood === undefined) {
    say(theme.muted(`\nWhen you logged it, you were at ${entry.mood}/10.`));
    await askMoodNow(entry.mood);
  }

  for (const feedback of entry.feedback) {
    say(
      `\n${theme.heading("What they told you")} ${theme.muted(`(${formatDay(toDay(new Date(feedback.receivedAt)), now)})`)}`,
    );
    say(wrap(safeText(feedback.text), 2));
  }

  // The stage's own questions: the person picks the ones worth their time.
  const unanswered = questions.filter((question) => !(question.id in answers.answers));
  if (unanswered.length > 0) {
    say(
      `\n${theme.heading("What happened")}\n${wrap(`A few questions people find useful ${AFTER_ENDING[entry.ended]} ${atStage(entry.stage)}. Pick the ones that feel worth your time; two or three is plenty.`)}`,
    );
    await askStageQuestions(prompts, ask, answers, unanswered, say);
  }

  // One score per step they went through.
  const unrated = steps.filter((step) => answers.ratings[step.id] === undefined);
  if (unrated.length > 0) {
    say(`\n${theme.heading("Step by step")}\n${wrap(content.prompts.ratings)}`);
    say(theme.muted("Press Enter to skip a step you did not go through."));
    await askRatings(prompts, answers, unrated);
  }

  // What was theirs to change, and what was not.
  if (answers.inControl === undefined) {
    say(`\n${theme.heading("Yours and not yours")}`);
    await askInControl(prompts, answers, entry, content, say);
  }

  // A short thought record.
  if (answers.thought === undefined) {
    say(
      `\n${theme.heading("The thought that keeps coming back")}\n${wrap("A short thought record: catch the thought, name it, then soften it.")}`,
    );
  }
  await askThoughtRecord(prompts, ask, answers, content, false);

  // Did it fit, and what to keep and change.
  if (answers.fit === undefined) {
    say(`\n${theme.heading("The bigger picture")}`);
    await askFit(prompts, ask, answers, content, false);
  } else if (answers.fitNote === undefined) {
    answers.fitNote = await ask(FIT_NOTE.question, FIT_NOTE.hint);
  }
  if (answers.wentWell === undefined) answers.wentWell = await ask(content.prompts.went_well);
  if (answers.change === undefined) answers.change = await ask(content.prompts.change);

  // Next steps.
  say(`\n${theme.heading("Next steps")}\n${wrap(content.prompts.actions)}`);
  if (answers.actions.length > 0)
    say(theme.muted(`Already added: ${answers.actions.map((action) => safeLine(action.text)).join("; ")}`));
  answers.actions.push(...(await askActions(prompts, now)));

  const trapName = (id: string | undefined) => content.traps.find((trap) => trap.id === id)?.name ?? id;
  const parts: ReviewPart[] = [
    {
      key: "mood",
      label: "Your mood",
      rows: () => [["Mood now", `${answers.mood} of 10`]],
      change: () => askMoodNow(answers.mood!),
    },
  ];
  if (questions.length > 0) {
    parts.push({
      key: "questions",
      label: "What happened",
      rows: () => {
        const answered = questions.filter((question) => answers.answers[question.id]);
        if (answered.length === 0) return [["What happened", shown(undefined)]];
        return answered.map((question, index) => [
          index === 0 ? "What happened" : "",
          `${theme.muted(safeLine(question.text))} ${shown(answers.answers[question.id])}`,
        ]);
      },
      change: () => askStageQuestions(prompts, ask, answers, questions, say),
    });
  }
  if (steps.length > 0) {
    parts.push({
      key: "ratings",
      label: "Step scores",
      rows: () => [
        [
          "Step scores",
          shownList(
            steps
              .filter((step) => answers.ratings[step.id] !== undefined)
              .map((step) => `${step.label} ${answers.ratings[step.id]} of 5`),
          ),
        ],
      ],
      change: () => askRatings(prompts, answers, steps),
    });
  }
  parts.push(
    {
      key: "inControl",
      label: "In your hands",
      rows: () => [
        [
          "In your hands",
          answers.inControl === undefined
            ? shown(undefined)
            : answers.inControl.length === 0
              ? "none of them"
              : answers.inControl.map((reason) => REASON_NAMES[reason]).join(", "),
        ],
      ],
      change: () => askInControl(prompts, answers, entry, content, say),
    },
    {
      key: "thought",
      label: "Thought record",
      rows: () => [
        ["Thought", shown(answers.thought)],
        ...(answers.thought
          ? ([
              ["Thinking trap", shown(trapName(answers.trap))],
              ["Balanced thought", shown(answers.balanced)],
            ] as [string, string][])
          : []),
      ],
      change: () => askThoughtRecord(prompts, ask, answers, content, true),
    },
    {
      key: "fit",
      label: "Fit",
      rows: () => [
        ["Fit", answers.fit ? FIT_CHOICES[answers.fit] : shown(undefined)],
        ...(answers.fit ? ([["About the fit", shown(answers.fitNote)]] as [string, string][]) : []),
      ],
      change: () => askFit(prompts, ask, answers, content, true),
    },
    {
      key: "wentWell",
      label: "What went well",
      rows: () => [["Went well", shown(answers.wentWell)]],
      change: async () => {
        answers.wentWell = await ask(content.prompts.went_well, undefined, answers.wentWell);
      },
    },
    {
      key: "change",
      label: "What to change",
      rows: () => [["To change", shown(answers.change)]],
      change: async () => {
        answers.change = await ask(content.prompts.change, undefined, answers.change);
      },
    },
    actionsPart(prompts, answers, now),
  );
  return (await reviewParts(prompts, parts, say)) ? answers : undefined;
}

/**
 * Reflecting again on an entry that already has a reflection: a check-in
 * (mood and a note) and perhaps new next steps, so recovery can be followed;
 * then a summary where any part can be asked again. Undefined when the person
 * chose not to save.
 */
export async function checkinFlow(options: ReflectFlowOptions): Promise<ReflectAnswers | undefined> {
  const { prompts, entry, content, preset, now, say } = options;
  const answers: ReflectAnswers = { ...preset, answers: {}, ratings: {}, actions: [...preset.actions] };
  const ask = textAsker(prompts, say);
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
  const previous = moodTrail(entry).at(-1)!.mood;
  const askMoodNow = async () => {
    answers.mood = await askMood(prompts, content.prompts.mood_later, answers.mood, null);
    say(moodResponse(previous, answers.mood));
  };
  if (answers.mood === undefined) await askMoodNow();
  if (answers.note === undefined) answers.note = await ask(content.prompts.checkin);

  // Steps still open in the journal; those ticked by --done start ticked when asked again.
  const open = entry.actions.filter((action) => !action.doneAt);
  const askDone = async (again: boolean) => {
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
  };
  if (open.some((action) => !answers.done?.includes(action.id))) {
    say(`\n${theme.heading("The steps you planned")}`);
    await askDone(false);
  }
  say(`\n${theme.heading("Anything new to do?")}`);
  answers.actions.push(...(await askActions(prompts, now)));

  const parts: ReviewPart[] = [
    {
      key: "mood",
      label: "Your mood",
      rows: () => [["Mood now", `${answers.mood} of 10`]],
      change: askMoodNow,
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
      change: () => askDone(true),
    });
  }
  parts.push(actionsPart(prompts, answers, now));
  return (await reviewParts(prompts, parts, say)) ? answers : undefined;
}

type TextAsker = ReturnType<typeof textAsker>;

const FIT_NOTE = {
  question: "Anything to add about the fit?",
  hint: "For example, which of your values, skills or goals it did or did not match.",
};

/**
 * The picker, then each picked question. Asked again, the answered ones start
 * ticked with their answers as defaults; unticking one removes its answer.
 */
async function askStageQuestions(
  prompts: Prompts,
  ask: TextAsker,
  answers: ReflectAnswers,
  questions: readonly Question[],
  say: (text: string) => void,
): Promise<void> {
  const picked = await prompts.checkbox({
    message: "Which would you like to think through?",
    choices: questions.map((question) => ({
      value: question.id,
      name: safeLine(question.text),
      checked: question.id in answers.answers,
    })),
    pageSize: Math.min(questions.length, 12),
    theme: { style: { renderSelectedChoices: (chosen: readonly unknown[]) => pickedCount(chosen.length) } },
  });
  if (picked.length === 0) say(theme.muted("That's fine. They will be here another time."));
  for (const question of questions) {
    const current = answers.answers[question.id];
    delete answers.answers[question.id];
    if (!picked.includes(question.id)) continue;
    // A person's own content folder can hold any text: show it safely.
    const answer = await ask(safeLine(question.text), question.hint && safeLine(question.hint), current);
    if (answer) answers.answers[question.id] = answer;
  }
}

/** A 1-to-5 score per step; Enter skips (or keeps a score given before), "-" removes one. */
async function askRatings(prompts: Prompts, answers: ReflectAnswers, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    const current = answers.ratings[step.id];
    const answer = await prompts.input({
      message: current === undefined ? `${step.label} (1-5)` : `${step.label} (1-5) ${theme.muted("- removes")}`,
      default: current === undefined ? undefined : String(current),
      validate: (text) => !text.trim() || text.trim() === "-" || readRating(text) !== undefined || RATING_HINT,
      transformer: (value, { isFinal }) => (isFinal && !value.trim() ? theme.muted("skipped") : value),
    });
    const rating = readRating(answer);
    if (rating === undefined) delete answers.ratings[step.id];
    else answers.ratings[step.id] = rating;
  }
}

/** Which of the likely reasons were the person's; asked again, the earlier answer starts ticked. */
async function askInControl(
  prompts: Prompts,
  answers: ReflectAnswers,
  entry: RejectionEntry,
  content: ReflectionContent,
  say: (text: string) => void,
): Promise<void> {
  const reasons = controlReasons(entry);
  const before = answers.inControl;
  const ticked = await prompts.checkbox<Reason | typeof NONE_IN_CONTROL>({
    message: content.prompts.control,
    choices: [
      ...reasons.map((reason) => ({
        value: reason,
        name: REASON_CHOICES[reason],
        checked: !!before?.includes(reason),
      })),
      { value: NONE_IN_CONTROL, name: "None of them", short: "none of them", checked: before?.length === 0 },
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
  if (ticked.length === 0) {
    delete answers.inControl;
    return;
  }
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

/**
 * The thought, its trap and a balanced version. The first time, only what
 * flags left open is asked; `again` asks all three with the answers as defaults.
 */
async function askThoughtRecord(
  prompts: Prompts,
  ask: TextAsker,
  answers: ReflectAnswers,
  content: ReflectionContent,
  again: boolean,
): Promise<void> {
  if (again || answers.thought === undefined) {
    answers.thought = await ask(content.prompts.thought, undefined, answers.thought);
  }
  if (!answers.thought) {
    // Without the thought, a trap or a softer version of it means nothing.
    delete answers.trap;
    delete answers.balanced;
    return;
  }
  if (again || answers.trap === undefined) {
    const trap = await askTrap(prompts, content.prompts.trap, content.traps, answers.trap);
    if (trap) answers.trap = trap;
    else delete answers.trap;
  }
  if (again || answers.balanced === undefined) {
    const trap = content.traps.find((candidate) => candidate.id === answers.trap);
    answers.balanced = await ask(
      content.prompts.balanced,
      trap?.question ?? "What would you say to a friend who had this thought?",
      answers.balanced,
    );
  }
}

/** Whether the role fit, and a note on it; `again` asks the note even when a flag gave it. */
async function askFit(
  prompts: Prompts,
  ask: TextAsker,
  answers: ReflectAnswers,
  content: ReflectionContent,
  again: boolean,
): Promise<void> {
  // Skip comes first: Enter on an untouched question records nothing, as the intro promises.
  const fit = await prompts.select<Fit | "">({
    message: content.prompts.fit,
    choices: [
      { value: "" as const, name: theme.muted("Skip"), short: "skipped" },
      ...FIT_ANSWERS.map((value) => ({ value, name: FIT_CHOICES[value] })),
    ],
    default: answers.fit ?? "",
  });
  if (!fit) {
    delete answers.fit;
    delete answers.fitNote;
    return;
  }
  answers.fit = fit;
  if (again || answers.fitNote === undefined) {
    answers.fitNote = await ask(FIT_NOTE.question, FIT_NOTE.hint, answers.fitNote);
  }
}

/** The next steps in the summary; asked again, each can be kept or dropped, and more added. */
function actionsPart(prompts: Prompts, answers: ReflectAnswers, now: Date): ReviewPart {
  const described = (action: NewAction) =>
    `${safeLine(action.text)}${action.due ? ` (by ${formatDay(action.due, now)})` : ""}`;
  return {
    key: "actions",
    label: "Next steps",
    rows: () => [["Next steps", answers.actions.length ? answers.actions.map(described).join("; ") : shown(undefined)]],
    change: async () => {
      if (answers.actions.length > 0) {
        const kept = await prompts.checkbox<number>({
          message: "Which of these steps do you want to keep? Untick one with space to drop it.",
          choices: answers.actions.map((action, index) => ({ value: index, name: described(action), checked: true })),
          pageSize: Math.min(answers.actions.length, 10),
        });
        answers.actions = answers.actions.filter((_, index) => kept.includes(index));
      }
      answers.actions.push(...(await askActions(prompts, now)));
    },
  };
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

/**
 * Free text that may be skipped; the editor key opens $EDITOR instead. Asked
 * again from the summary, the earlier answer is the default: Enter keeps it,
 * "-" removes it.
 */
function textAsker(prompts: Prompts, say: (text: string) => void) {
  return async (message: string, hint?: string, current?: string): Promise<string> => {
    const kept = current ? storedDefault(current) : undefined;
    const hints = [hint, kept && "Enter keeps your answer, - removes it"].filter(Boolean);
    const question = hints.length ? `${message}\n  ${theme.muted(hints.join("\n  "))}\n ` : message;
    const answer = await prompts.input({
      message: question,
      default: kept?.default,
      // Whether the answer ends up in the editor is not known yet: the line only says it was asked for.
      transformer: (value, state) =>
        state.isFinal && isEditorKey(value) ? theme.muted("editor") : skippedWhenEmpty(value, state),
    });
    if (kept && answer === kept.default) return kept.answered(answer).trim();
    if (kept && answer.trim() === "-") return "";
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
async function askTrap(prompts: Prompts, message: string, traps: Trap[], current?: string): Promise<string> {
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
    default: current ?? "",
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
