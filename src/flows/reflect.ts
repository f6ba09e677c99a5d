import type { ReflectionContent } from "../content/schema.js";
import { isLowMood } from "../coach/signals.js";
import type { ReflectAnswers, ReflectionScope } from "../coach/reflection.js";
import { toDay } from "../journal/dates.js";
import type { RejectionEntry } from "../journal/entry.js";
import { entryLabel } from "../ui/entry-label.js";
import { shown, shownList } from "../ui/entry-summary.js";
import { AFTER_ENDING, atStage, FIT_CHOICES, formatDay, REASON_NAMES, STAGE_POINTS } from "../ui/labels.js";
import { wrap } from "../ui/output.js";
import { safeLine, safeText } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { askMood } from "./ask.js";
import { EDITOR_KEY, textAsker, type TextAsker } from "./free-text.js";
import { actionsPart, askActions } from "./next-steps.js";
import type { Prompts } from "./prompts.js";
import {
  askFit,
  askInControl,
  askRatings,
  askStageQuestions,
  askThoughtRecord,
  FIT_NOTE,
} from "./reflect-questions.js";
import { reviewParts, type ReviewPart } from "./review-parts.js";

export interface ReflectFlowOptions {
  prompts: Prompts;
  entry: RejectionEntry;
  content: ReflectionContent;
  /** The stage's questions, steps and reasons, as the reflection will be saved with them. */
  scope: ReflectionScope;
  /** Answers already given as flags: those questions are not asked again. */
  preset: ReflectAnswers;
  now: Date;
  /** Where the coach's short lines between the questions go (stderr in the CLI). */
  say: (text: string) => void;
}

/** Lets the person choose which un-reflected rejection to work on. */
export async function pickEntry(prompts: Prompts, pending: RejectionEntry[], now: Date): Promise<RejectionEntry> {
  const id = await prompts.select({
    message: "Which one would you like to reflect on?",
    choices: pending.map((entry) => ({
      value: entry.id,
      name: `${entryLabel(entry)} ${theme.muted(`(${STAGE_POINTS[entry.stage]}, ${formatDay(entry.date, now)})`)}`,
      short: entryLabel(entry),
    })),
    pageSize: Math.min(pending.length, 10),
  });
  return pending.find((entry) => entry.id === id)!;
}

/** One reflection in progress: what the flow was given, and the answers it fills in. */
interface Reflecting extends ReflectFlowOptions {
  answers: ReflectAnswers;
  ask: TextAsker;
}

/**
 * The first reflection on a rejection: mood, the stage's questions, step
 * ratings, what was in the person's control, a thought record, fit, what went
 * well, what to change, and next steps; then a summary where any part can be
 * asked again. Returns the answers, or undefined when the person chose not to
 * save; saves nothing itself. Only what the flags left open is asked.
 */
export async function reflectFlow(options: ReflectFlowOptions): Promise<ReflectAnswers | undefined> {
  const { preset, prompts, say } = options;
  const answers: ReflectAnswers = {
    ...preset,
    answers: { ...preset.answers },
    ratings: { ...preset.ratings },
    actions: [...preset.actions],
  };
  const run: Reflecting = { ...options, answers, ask: textAsker(prompts, say) };
  introduce(run);
  await askOpenMood(run);
  showFeedback(run);
  await askOpenStageQuestions(run);
  await askOpenRatings(run);
  await askOpenInControl(run);
  await askOpenThought(run);
  await askOpenBiggerPicture(run);
  await askNewSteps(run);
  return (await reviewParts(prompts, summaryParts(run), say)) ? answers : undefined;
}

function introduce({ entry, now, say }: Reflecting): void {
  say(
    `\n${theme.title(`Reflecting on ${entryLabel(entry)}`)} ${theme.muted(`(${STAGE_POINTS[entry.stage]}, ${formatDay(entry.date, now)})`)}`,
  );
  say(
    theme.muted(
      wrap(
        `About ten minutes. Everything except your mood can be skipped with Enter. For a longer answer, type ${EDITOR_KEY} and Enter to write it in your editor. You see it all before anything is saved.`,
      ),
    ),
  );
}

/** The mood now, said back against `before`; a low one is reminded that stopping is fine. */
async function askMoodNow(run: Reflecting, before: number): Promise<void> {
  const { prompts, entry, content, answers, now, say } = run;
  // "Now that a little time has passed" reads wrong when reflecting the day it was logged.
  const loggedToday = toDay(new Date(entry.createdAt)) === toDay(now);
  const question = loggedToday ? content.prompts.mood : content.prompts.mood_later;
  answers.mood = await askMood(prompts, question, answers.mood, null);
  say(moodResponse(before, answers.mood));
  if (isLowMood(answers.mood)) {
    say(theme.muted(wrap("If today feels too heavy for this, Ctrl+C stops here and nothing is saved. It will keep.")));
  }
}

async function askOpenMood(run: Reflecting): Promise<void> {
  if (run.answers.mood !== undefined) return;
  run.say(theme.muted(`\nWhen you logged it, you were at ${run.entry.mood}/10.`));
  await askMoodNow(run, run.entry.mood);
}

function showFeedback({ entry, now, say }: Reflecting): void {
  for (const feedback of entry.feedback) {
    say(
      `\n${theme.heading("What they told you")} ${theme.muted(`(${formatDay(toDay(new Date(feedback.receivedAt)), now)})`)}`,
    );
    say(wrap(safeText(feedback.text), 2));
  }
}

/** The stage's own questions: the person picks the ones worth their time. */
async function askOpenStageQuestions({ prompts, ask, answers, entry, scope, say }: Reflecting): Promise<void> {
  const unanswered = scope.questions.filter((question) => !(question.id in answers.answers));
  if (unanswered.length === 0) return;
  say(
    `\n${theme.heading("What happened")}\n${wrap(`A few questions people find useful ${AFTER_ENDING[entry.ended]} ${atStage(entry.stage)}. Pick the ones that feel worth your time; two or three is plenty.`)}`,
  );
  await askStageQuestions(prompts, ask, answers, unanswered, say);
}

/** One score per step they went through. */
async function askOpenRatings({ prompts, answers, content, scope, say }: Reflecting): Promise<void> {
  const unrated = scope.steps.filter((step) => answers.ratings[step.id] === undefined);
  if (unrated.length === 0) return;
  say(`\n${theme.heading("Step by step")}\n${wrap(content.prompts.ratings)}`);
  say(theme.muted("Press Enter to skip a step you did not go through."));
  await askRatings(prompts, answers, unrated);
}

/** What was theirs to change, and what was not. */
async function askOpenInControl({ prompts, answers, content, scope, say }: Reflecting): Promise<void> {
  if (answers.inControl !== undefined) return;
  say(`\n${theme.heading("Yours and not yours")}`);
  await askInControl(prompts, answers, scope.reasons, content, say);
}

/** A short thought record; a thought given as a flag may still leave its trap or balanced version to ask. */
async function askOpenThought(run: Reflecting): Promise<void> {
  const { answers, say } = run;
  if (answers.thought === undefined) {
    say(
      `\n${theme.heading("The thought that keeps coming back")}\n${wrap("A short thought record: catch the thought, name it, then soften it.")}`,
    );
  }
  await askThoughtRecord(run, false);
}

/** Did it fit, and what to keep and change. */
async function askOpenBiggerPicture(run: Reflecting): Promise<void> {
  const { ask, answers, content, say } = run;
  if (answers.fit === undefined) {
    say(`\n${theme.heading("The bigger picture")}`);
    await askFit(run, false);
  } else if (answers.fitNote === undefined) {
    answers.fitNote = await ask(FIT_NOTE.question, FIT_NOTE.hint);
  }
  if (answers.wentWell === undefined) answers.wentWell = await ask(content.prompts.went_well);
  if (answers.change === undefined) answers.change = await ask(content.prompts.change);
}

async function askNewSteps({ prompts, answers, content, now, say }: Reflecting): Promise<void> {
  say(`\n${theme.heading("Next steps")}\n${wrap(content.prompts.actions)}`);
  if (answers.actions.length > 0)
    say(theme.muted(`Already added: ${answers.actions.map((action) => safeLine(action.text)).join("; ")}`));
  answers.actions.push(...(await askActions(prompts, now)));
}

/** The summary before saving: one part per kind of answer, each of which can be asked again. */
function summaryParts(run: Reflecting): ReviewPart[] {
  const { prompts, ask, answers, content, scope, now, say } = run;
  const trapName = (id: string | undefined) => content.traps.find((trap) => trap.id === id)?.name ?? id;
  return [
    {
      key: "mood",
      label: "Your mood",
      rows: () => [["Mood now", `${answers.mood} of 10`]],
      change: () => askMoodNow(run, answers.mood!),
    },
    ...(scope.questions.length > 0 ? [questionsPart(run)] : []),
    ...(scope.steps.length > 0 ? [ratingsPart(run)] : []),
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
      change: () => askInControl(prompts, answers, scope.reasons, content, say),
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
      change: () => askThoughtRecord(run, true),
    },
    {
      key: "fit",
      label: "Fit",
      rows: () => [
        ["Fit", answers.fit ? FIT_CHOICES[answers.fit] : shown(undefined)],
        ...(answers.fit ? ([["About the fit", shown(answers.fitNote)]] as [string, string][]) : []),
      ],
      change: () => askFit(run, true),
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
  ];
}

function questionsPart({ prompts, ask, answers, scope, say }: Reflecting): ReviewPart {
  return {
    key: "questions",
    label: "What happened",
    rows: () => {
      const answered = scope.questions.filter((question) => answers.answers[question.id]);
      if (answered.length === 0) return [["What happened", shown(undefined)]];
      return answered.map((question, index) => [
        index === 0 ? "What happened" : "",
        `${theme.muted(safeLine(question.text))} ${shown(answers.answers[question.id])}`,
      ]);
    },
    change: () => askStageQuestions(prompts, ask, answers, scope.questions, say),
  };
}

function ratingsPart({ prompts, answers, scope }: Reflecting): ReviewPart {
  const rated = () => scope.steps.filter((step) => answers.ratings[step.id] !== undefined);
  return {
    key: "ratings",
    label: "Step scores",
    rows: () => [["Step scores", shownList(rated().map((step) => `${step.label} ${answers.ratings[step.id]} of 5`))]],
    change: () => askRatings(prompts, answers, scope.steps),
  };
}

/** The gentle line only for a low mood or a real drop, so a small dip is not made into more than it is. */
export function moodResponse(before: number, now: number): string {
  // Up from 1 to 3 is still a low day: notice the step without calling it good.
  if (now > before && isLowMood(now))
    return theme.muted(`A little up from ${before}, and still a heavy day. Go gently with yourself.`);
  if (now > before) return theme.good(`Up from ${before}. Good to see.`);
  if (now < before && (isLowMood(now) || before - now >= 2))
    return theme.muted("Lower than before. Thank you for being honest; go gently with yourself today.");
  if (now < before) return theme.muted(`A little down from ${before}. Moods move around; that is normal.`);
  if (isLowMood(now)) return theme.muted("Thank you for being honest; go gently with yourself today.");
  return theme.muted("About the same. That's all right; this takes time.");
}
