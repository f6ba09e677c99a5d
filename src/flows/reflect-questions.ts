import type { Question, ReflectionContent, Step, Trap } from "../content/schema.js";
import type { Fit, ReflectAnswers } from "../coach/reflection.js";
import { suggestTraps, type TrapSuggestion } from "../coach/thinking-traps.js";
import { FIT_ANSWERS, RATING_MAX, RATING_MIN, type Reason } from "../journal/vocabulary.js";
import { wholeNumberIn } from "../journal/whole-number.js";
import { FIT_CHOICES, REASON_CHOICES, REASON_PHRASES } from "../ui/labels.js";
import { wrap } from "../ui/output.js";
import { safeLine, safeText } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { cueWords } from "../ui/trap-view.js";
import { exclusive } from "./ask.js";
import type { TextAsker } from "./free-text.js";
import type { Prompts } from "./prompts.js";

/*
 * The questions of a first reflection, each asked the first time or again from
 * the summary, writing into the answers it is given.
 */

export const FIT_NOTE = {
  question: "Anything to add about the fit?",
  hint: "For example, which of your values, skills or goals it did or did not match.",
};

/**
 * The picker, then each picked question. Asked again, the answered ones start
 * ticked with their answers as defaults; unticking one removes its answer.
 */
export async function askStageQuestions(
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
export async function askRatings(prompts: Prompts, answers: ReflectAnswers, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    const current = answers.ratings[step.id];
    const answer = await prompts.input({
      message:
        current === undefined
          ? `${step.label} (${RATING_MIN}-${RATING_MAX})`
          : `${step.label} (${RATING_MIN}-${RATING_MAX}) ${theme.muted("- removes")}`,
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
export async function askInControl(
  prompts: Prompts,
  answers: ReflectAnswers,
  reasons: readonly Reason[],
  content: ReflectionContent,
  say: (text: string) => void,
): Promise<void> {
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

/** What the thought record and the fit questions work with. */
export interface ThoughtAndFit {
  prompts: Prompts;
  ask: TextAsker;
  answers: ReflectAnswers;
  content: ReflectionContent;
}

/**
 * The thought, its trap and a balanced version. The first time, only what
 * flags left open is asked; `again` asks all three with the answers as defaults.
 */
export async function askThoughtRecord(
  { prompts, ask, answers, content }: ThoughtAndFit,
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
    const likely = suggestTraps(answers.thought, content.traps);
    const trap = await askTrap(prompts, content.prompts.trap, content.traps, likely, answers.trap);
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
export async function askFit({ prompts, ask, answers, content }: ThoughtAndFit, again: boolean): Promise<void> {
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

// The tool's own words: Inquirer's number prompt would say "Value must be a multiple of 1 starting from 1".
const RATING_HINT = `Please type a whole number from ${RATING_MIN} to ${RATING_MAX}, or press Enter to skip`;

/** "4" -> 4; anything but a whole number on the rating scale -> undefined. */
export const readRating = (text: string): number | undefined => wholeNumberIn(text, RATING_MIN, RATING_MAX);

/** The explicit "None of them" answer to what was in the person's hands. */
const NONE_IN_CONTROL = "none";

const pickedCount = (count: number): string =>
  count === 0 ? "none for now" : count === 1 ? "1 picked" : `${count} picked`;

/**
 * The traps the thought's words suggest come first, marked with those words,
 * and the cursor starts on the likeliest; then "None of these fits", so the way
 * out is on screen however short the terminal, then the rest. With nothing
 * suggested, "None of these fits" comes first and Enter names no trap.
 */
async function askTrap(
  prompts: Prompts,
  message: string,
  traps: Trap[],
  likely: TrapSuggestion[],
  current?: string,
): Promise<string> {
  const width = Math.max(...traps.map((trap) => trap.name.length));
  const choice = (trap: Trap, marked?: TrapSuggestion) => ({
    value: trap.id,
    name: marked
      ? `${safeLine(trap.name).padEnd(width)}  ${theme.accent(`likely, from ${cueWords(marked.cues)}`)}`
      : `${safeLine(trap.name).padEnd(width)}  ${theme.muted(`"${safeLine(trap.example)}"`)}`,
    short: safeLine(trap.name),
    description: safeText(trap.description),
  });
  const suggested = likely.flatMap((suggestion) => {
    const trap = traps.find((candidate) => candidate.id === suggestion.id);
    return trap ? [choice(trap, suggestion)] : [];
  });
  const rest = traps
    .filter((trap) => !likely.some((suggestion) => suggestion.id === trap.id))
    .map((trap) => choice(trap));
  return prompts.select({
    message,
    choices: [...suggested, { value: "", name: theme.muted("None of these fits"), short: "none" }, ...rest],
    pageSize: traps.length + 1,
    default: current ?? suggested[0]?.value ?? "",
  });
}
